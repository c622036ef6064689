"""Frames of a question that the word-by-word rules in `intent` read by the wrong part (issue 12 §3,
the twenty-sixth round, intentE17: docs/question-understanding.md).

Each frame is a way of asking, not a wording: what is asked is read from the frame, whatever words
fill it. The text read is the predicate `intent.detect_intent` reads: lower case, fillers gone,
named substances written ``zzsubstance`` and medicines ``zzmedicine``.

- **How too much of it harms** ("how does too much glutamate kill brain cells", "why is too much
  vitamin a bad for the liver"): "too much" reads as a limit (dosing), but the question asks how the
  harm comes about (guide rule 1: why/how → mechanism whatever the verb). The amount is part of the
  harm, not what is asked; "how much is too much" is still dosing, and a medicine's amount is left to
  the interaction and crisis rules.
- **A supplement the base lacks, asked about** ("could glucosamine help", "is coq10 worth it",
  "what is spirulina"): the rules count the base's substances, so a question about a name the base
  does not hold fell through to `unknown`. Asked whether it helps or is worth it, it is an effect
  question (guide §5: the name is an unknown term; the intent is what is asked); asked what it is,
  a definition.

Every frame here is searched only where a word it needs is in the text (a set lookup first), so a
question that holds none of them pays one lookup.
"""

from __future__ import annotations

from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["frame_intent", "unlisted_supplement_intent"]

# --- how too much of it harms (mechanism) ---
_HARM_VERBS = (
    r"(harm|harms|hurt|hurts|damage|damages|kill|kills|injure|injures|poison|poisons|destroy|destroys|affect|affects|"
    r"overload|overloads|stress|stresses|strain|strains|lead to|leads to|cause|causes|end up|turn|turns|become|"
    r"becomes|be (bad|harmful|toxic|dangerous))"
)
_HOW_TOO_MUCH_HARMS = _re(
    r"(how|why) (does|do|can|could|would|might|will|is|are|exactly does|exactly do) (taking |having |getting |"
    r"eating )?(too much|too many|excess|excessive|high doses of|very high doses of|a lot of|an excess of) "
    r"(\w+ ){0,3}?" + _HARM_VERBS + r"|"
    r"(how|why) (is|are) (taking |having )?(too much|excess|excessive) (\w+ ){0,3}?(bad|harmful|toxic|dangerous|"
    r"damaging)"
)
_TOO_MUCH_WORDS = frozenset({"too", "excess", "excessive", "high", "lot"})


def _how_too_much_harms(t: str, words: frozenset[str]) -> bool:
    """How or why too much of something harms: the way the harm comes about (module docstring)."""
    return bool(words & {"how", "why"}) and bool(words & _TOO_MUCH_WORDS) and bool(_HOW_TOO_MUCH_HARMS.search(t))


# --- whether it is to blame, or a symptom came from it (side effects) ---
# "is taurine to blame for the shakes", "could the 5-htp be to blame", "are my nightmares from the melatonin"
_TO_BLAME = _re(r"(is|was|are|were|could|might|would|can) (\w+ ){0,3}?(be )?(to blame|the culprit|responsible)")
_SYMPTOM_FROM_IT = _re(
    r"^(is|are|could|might) (my|the|these|this|those) (\w+ ){1,2}(be )?(from|because of|due to|caused by) (the |my )?"
    r"(zzsubstance|zzsupplement)\b"
)
# --- healed, or ever gone (cure) ---
# "is it possible to heal ibs naturally", "is my leaky gut healed yet", "can colitis be healed with probiotics",
# "will my fibro ever go away": the condition made to go away is a cure (guide: heal (a condition), go away)
_HEALED = _re(
    r"(be|is|get|gets|got|been|was|were|are) (\w+ ){0,3}?(fully |completely |properly |totally )?healed|possible "
    r"to (fully |completely )?heal|(how|way|ways) (can i |do i |do you |to )?(fully |completely )?heal (my |your "
    r"|the )?(?!\w+ing\b)"
)
_EVER_GONE = _re(r"ever (go away|clear up|clear|disappear|leave me|be gone|go into remission|stop for good)")
# --- what a word means (definition) ---
_MEANS = _re(
    r"what (do|does) (they|people|doctors|docs|you|the doctors?|the \w+) mean (by|when they say)|what does the "
    r"(word|term|phrase|abbreviation) (\w+ ){1,3}mean|(meaning|definition) of (the (word|term|phrase) )?"
)
# --- which supplements the research looked at, none named (alternatives) ---
_STUDIED_OPTIONS = _re(
    r"(which|what|any) (natural )?(supplements?|vitamins?|herbs?|remedies|options|treatments) (\w+ ){0,2}(have "
    r"been|has been|were|are|got|get) (\w+ )?(studied|tested|researched|trialled|trialed|proven|shown to)|(which|"
    r"what|any) "
    r"(natural )?(supplements?|vitamins?|herbs?|remedies) (with|that have|have|that has|has) (\w+ )?(evidence|research|"
    r"studies|trials|data|proof)"
)
# Too little of it blamed is no effect of taking it: "is low vitamin d the culprit" (lack_as_cause, effect)
_A_LACK = frozenset({"low", "lack", "lacking", "deficient", "deficiency", "little", "short"})
# --- for someone else's goal, none named (alternatives) ---
# "what could i give my mum for her memory", "what can i give my son for his concentration"
_GIVE_FOR_A_GOAL = _re(
    r"^(what|which|wat) (\w+ )?(can|could|should|would) (i|we) (give|get) (my|our|her|him|them|his) (\w+ )?for "
    r"(her|his|their|my|our|the) \w+"
)
# --- whether a food holds it (sources) ---
# "is magnesium in dark chocolate", "where do i get b12 from" said of a diet
_IN_A_FOOD = _re(r"^(is|are) (there )?(any )?zzsubstance (found )?in (?!(my|your|the|his|her|our|a) )(\w+ ){1,2}\w+$")
_FROM_A_DIET = _re(r"where (do|can|could|would|should|will) (i|you|we|vegans?|vegetarians?) get (zzsubstance|it) from")
_SAFETY_WORDS = frozenset({"ok", "okay", "safe", "fine", "alright", "bad", "dangerous", "risky", "harmful"})
_DIET_TOLD = frozenset({"vegan", "vegetarian", "veggie", "diet", "plant", "eat", "eating", "food", "foods"})
_FRAME_WORDS = frozenset(
    "blame culprit responsible from because due caused healed heal ever mean meaning definition studied tested "
    "researched trialled trialed proven shown evidence research studies trials data proof give get in".split()
)


def frame_intent(t: str, *, medicine: bool, substances: int = 0, named: bool = False,
                 condition: bool = False, whole: str = "") -> str | None:
    """The intent a frame of this module reads in `t`, or None. `medicine` is whether a medicine is
    named (its amount is left to the interaction and crisis rules), `substances` how many of the base's
    substances are named, `named` whether any supplement is (the base's or not), `condition` whether a
    condition or a body process the base knows is; `whole` the whole message, lower case (a diet told
    before the question: "im vegan, where do i get b12 from")."""
    words = frozenset(t.split())
    if not medicine and "zzmedicine" not in words and _how_too_much_harms(t, words):
        return Intent.MECHANISM
    if not words & _FRAME_WORDS:
        return None
    if named and not medicine and not words & _A_LACK and (_TO_BLAME.search(t) or _SYMPTOM_FROM_IT.search(t)):
        return Intent.SIDE_EFFECTS
    if condition and not medicine and (_HEALED.search(t) or _EVER_GONE.search(t)) and "how does" not in t:
        return Intent.CURE
    if _MEANS.search(t):
        return Intent.DEFINITION
    if not substances and not medicine and (_STUDIED_OPTIONS.search(t) or _GIVE_FOR_A_GOAL.search(t)):
        return Intent.ALTERNATIVES
    if substances == 1 and not medicine and (
        (_IN_A_FOOD.search(t) and not words & _SAFETY_WORDS)
        or ((words | frozenset(whole.split())) & _DIET_TOLD and _FROM_A_DIET.search(t))
    ):
        return Intent.SOURCES
    return None


# --- a supplement the base lacks ---
# Whether it helps, works or is worth it, asked of the name ("could glucosamine help", "is maca any good",
# "does rhodiola really work for burnout or is it hype", "wud spirulina do anything for me").
_HELPS_OR_WORTH = _re(
    r"help|helps|helped|helping|helpful|work|works|worked|working|effective|benefit|benefits|beneficial|"
    r"worth (it|a go|a try|a shot|trying|taking|the money|the hype)|any good|(do|does|did) (anything|much|"
    r"something|any good)|overhyped|overrated|hype|scam|snake oil|waste of money"
)
_HELPS_WORDS = frozenset(
    "help helps helped helping helpful work works worked working effective benefit benefits beneficial worth good "
    "anything much something overhyped overrated hype scam snake waste".split()
)
# What it is, asked bare: "what is spirulina", "what's an adaptogen", "what is shilajit exactly".
_WHAT_IS_IT = _re(r"^(what|whats|what s) (is |are |s )?(an? |the )?\w+( \w+)?$")
_WHAT_IS_NOT_A_NAME = _re(
    r"max|maximum|min|minimum|limit|dose|dosage|dosing|risk|risks|side effects?|interactions?|safe|ok|okay|normal|"
    r"wrong|happening|going on|next|best|point|difference|deal|problem|matter|it|this|that|these|those|they|them|"
    r"there|up"
)


# What kind of thing it is: "is ashwagandha a drug or a herb"
_KIND_OF_THING = _re(
    r"^(is|are) (\w+ ){1,2}(a|an) (drug|medicine|medication|herb|vitamin|supplement|hormone|mineral|amino acid|spice|"
    r"food|steroid|plant|mushroom)( or (a|an) \w+( \w+)?)?$"
)
# Its downsides: "any negatives to turmeric", "downsides of maca" (side effects)
_DOWNSIDES = _re(r"(negatives|downsides?|drawbacks?|cons|bad side) (to|of|with|from)")
# Foods that hold it: "best food sources of zinc", "what fruit has the most vitamin c", "which veg have iron"
_FOODS_HOLD_IT = _re(
    r"(food|foods|dietary|natural) sources?|sources? of|(food|foods|fruit|fruits|veg|vegetables?|veggies|meats?|fish|"
    r"nuts|seeds|drinks?) (\w+ ){0,2}(has|have|contain|contains|containing|is rich in|are rich in|rich in|is high in|"
    r"are high in|high in|full of|packed with)(?! (been|helped|worked)\b)"
)


def unlisted_supplement_intent(t: str, *, options: int, unknown_names: int) -> str | None:
    """The intent of a question about a name the base does not hold (a supplement it lacks, `options`,
    or a word in a name's slot, `unknown_names`), when nothing the base holds is named: an effect when
    it is asked to help or be worth it, a definition when asked what it is (module docstring)."""
    if not (options or unknown_names):
        return None
    if (_WHAT_IS_IT.match(t) and not _WHAT_IS_NOT_A_NAME.search(t)) or _KIND_OF_THING.search(t):
        return Intent.DEFINITION
    if _DOWNSIDES.search(t):
        return Intent.SIDE_EFFECTS
    if _FOODS_HOLD_IT.search(t):
        return Intent.SOURCES
    if frozenset(t.split()) & _HELPS_WORDS and _HELPS_OR_WORTH.search(t):
        return Intent.EFFECT
    return None
