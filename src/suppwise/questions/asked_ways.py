"""Ways of asking for administration, resources, comparison and safety that the word-by-word rules in
`intent` read by the wrong part (issue 12 §3, the twenty-fifth round, intentD17:
docs/question-understanding.md).

- Two options set against each other where the base knows only one, or neither: "riboflavin or
  magnesium, which is better", "lecithin vs omega 3 for memory", "is rhodiola better than
  ashwagandha". The unknown name is no option the signals count, so the question read as an effect
  of the one named; the guide's rule 9 files "X vs Y", "X or Y for Z" and "better than Y" with Y
  named under comparison, whether the base knows Y or not.
- Where someone looks a thing up: "where do athletes check if a supplement is banned", "is there a
  reliable site that lists drug interactions for vitamin d". A medicine or an interaction named
  read as an interaction, a subject other than "I" as nothing asked; the question is where to find
  reliable information (guide: resources).
- A way of getting it down set against another, with the supplement named between: "melatonin under
  the tongue vs swallowing", "sublingual b12 vs swallowing the tablet" (guide rule 9: forms and
  routes are administration).
- A way to take it that spares an unwanted effect: "is there a way to take fish oil so i dont get
  the burps", "any trick to taking magnesium that stops the runs". The unwanted effect read as the
  question (effect, side effects); what is asked is how to take it (guide: administration).
- Taking it just after an activity: "ok to take magnesium straight after?" once a swim is told,
  "is it alright to have my fish oil right after the gym". "ok" read as safety; before or after
  exercise is when to take it (guide: administration). After a state (an operation) it stays safety.
- Who should not take it: "is there a reason someone with ibs shouldnt take probiotics" read as an
  effect (a substance and a condition named); who should avoid it is safety.
- An animal given it: "can dogs have fish oil" (guide: safety, "for ... someone else").
- Going on with it through a state: "should i keep taking omega 3 while im doing exams", "can i carry on
  with magnesium while i have a chest infection" (guide rule 7: "should I take X if/with/while <state>"
  is safety). Regular use or an amount told makes it dosing, a medicine interaction.
- A drink taken on it: "can i have a drink after taking 5-htp" read as a side effect ("after taking");
  alcohol taken on a supplement is safety (guide rule 3: another non-medicine taken alongside). A
  drink it is taken with ("take it with a drink") is no alcohol and is left to the vehicle rules.
- Stopping it all at once: "can i just stop my melatonin suddenly", "is it ok to come off st johns
  wort just like that". Whether stopping abruptly is ok asks whether to stop it (guide: safety, as
  x2585, x4447 and fe-084 are labelled); the way of coming off set against tapering ("taper or just
  stop") stays dosing, and a medicine named stays with the interaction rules.

The text read is the predicate `intent.detect_intent` reads: lower case, fillers gone ("like" too,
so "just like that" reads "just that"), named substances written ``zzsubstance``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from suppwise.questions.common_words import COMMON_WORDS
from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["asked_way_intent"]


# --- two options, one or both unknown to the base -------------------------------------------------
# "A or B", "A vs B": the words on either side are looked at in Python (an option is a name written as
# its kind, "zzsubstance", or a word that is no everyday word and no form, time, route or vehicle).
_SET_AGAINST = _re(r"(?P<a>[a-z][a-z0-9-]+) (?P<sep>or|vs|versus|v) (?P<b>[a-z][a-z0-9-]+)")
_BETTER_THAN = _re(
    r"(?P<a>[a-z][a-z0-9-]+) (any |much |far |way |a lot |actually |really )?(better|stronger|weaker|gentler|"
    r"milder|more effective|less effective|more powerful) than (an? |the )?(?P<b>[a-z][a-z0-9-]+)"
)
_RANKED = _re(
    r"which|better|best|stronger|strongest|more effective|most effective|does more|do more|helps more|works more|"
    r"prefer|pick|choose|go for|go with|rather"
)
# Which of two is to blame for a symptom is a side-effect question (own_experience), not a ranking.
_BLAMED = _re(r"making|causing|cause|causes|blame|to blame|behind|doing this|doing that|responsible")
_FOR_A_GOAL = re.compile(r"^for \w+")
# Words that stand beside "or"/"vs" without being an option a person might take instead.
_NOT_AN_OPTION = frozenset(
    """
    placebo nothing not none both either neither else another other something anything stop stopping
    quit quitting taper tapering wean weaning skip skipping wait waiting later sooner now today tonight
    morning mornings night nights nite evening evenings bedtime bed breakfast lunch dinner supper am pm
    capsule capsules tablet tablets pill pills powder powders liquid liquids gummy gummies drops spray sprays
    softgel softgels chewable chewables oil oils injection injections shot shots patch patches form forms
    swallow swallowing swallowed chew chewing chewed sublingual dissolve dissolving tongue water juice
    milk coffee tea food meal meals empty worse same different higher lower more less double half
    yesterday usual expected average ever last
    glycinate bisglycinate citrate threonate oxide malate taurate chloride sulphate sulfate carbonate gluconate
    picolinate orotate lactate
    """.split()
)
# Weighing safety, an amount or a medicine makes it another question (safety, dosing, interaction).
_WEIGHS = _re(
    r"safe|safer|safest|safely|unsafe|risk|risks|risky|riskier|danger\w*|harm\w*|side effects?|interact\w*|"
    r"toxic|overdose|dose|dosage|how much|how many|mg|mcg|iu|grams?"
)


def _is_option(word: str) -> bool:
    """Whether a word beside "or"/"vs" may be an option: a named substance written as its kind or a
    word the everyday-word list lacks (a name the base does not know)."""
    if word.startswith("zz"):
        return word == "zzsubstance"
    return word not in COMMON_WORDS and word not in _NOT_AN_OPTION and len(word) > 2


def _two_options_ranked(t: str, *, substances: int) -> bool:
    """Whether `t` sets two options against each other, at least one unknown to the base, and asks
    which does better (or sets them side by side with "vs" for a goal or bare)."""
    for match in _BETTER_THAN.finditer(t):
        a, b = match.group("a"), match.group("b")
        if not (_is_option(a) and _is_option(b)) or a == b == "zzsubstance":
            continue
        if "zzsubstance" in (a, b) or not substances:
            return True
    for match in _SET_AGAINST.finditer(t):
        a, b = match.group("a"), match.group("b")
        if not (_is_option(a) and _is_option(b)) or a == b == "zzsubstance":
            continue
        if "zzsubstance" not in (a, b) and substances:
            continue  # two unknown words beside a named substance: not the options asked about
        if _RANKED.search(t):
            return True
        rest = t[match.end():].strip()
        if match.group("sep") in {"vs", "versus", "v"} and (not rest or _FOR_A_GOAL.match(rest)):
            return True
    return False


# --- where to look a thing up ----------------------------------------------------------------------
_WHERE_LOOKED_UP = _re(
    r"where (do|does|can|could|would|should|might|to|is|are) ((?!on )\w+ ){0,3}?(look up|look it up|look them up|"
    r"check|find out|verify|search|double check|double-check)\b"
)
# Where on a pack, or a blood level, is no place to find information.
_NOT_A_PLACE = _re(
    r"label|labels|bottle|tub|pack|packet|box|expiry|expiration|use by|best before|date|level|levels|blood|"
    r"batch|lot number"
)
_SITE_THAT_LISTS = _re(
    r"(is there|are there|any|know (of )?(a|an|any)|recommend (a|an|any)|a good|which|what) ((?!source)\w+ ){0,2}"
    r"(site|sites|website|websites|web site|database|databases|register|registry|checker|checkers)\b"
)

# --- a route set against another, the supplement named between ------------------------------------
_ROUTE = r"(under (the|my|your) tongue|sublingual\w*|swallow\w*|chew\w*|dissolv\w*|spray|drops)"
_NAMED_ROUTE_VS = _re(
    r"zzsubstance (spray |drops |gummy |gummies |tablet |tablets |capsule |capsules )?((?!or|vs|versus)\w+ ){0,3}?"
    r"(vs|versus|or) (just |simply |plain )?" + _ROUTE + r"|"
    # a form set against the one the name took in ("magnesium tablet vs powder" reads "zzsubstance vs powder")
    r"^zzsubstance (vs|versus) (the |a )?(capsules?|tablets?|pills?|powder|liquid|gummies|gummy|softgels?|chewables?|"
    r"drops|spray)$"
)
_ROUTE_VS_ROUTE = _re(_ROUTE + r" (\w+ ){0,3}(vs|versus) (\w+ ){0,3}" + _ROUTE + r"|" + _ROUTE + r" (\w+ ){0,2}"
                      r"(vs|versus) (an? |the )?(capsule|capsules|tablet|tablets|pill|pills|softgel|softgels)")

# --- a way to take it that spares an unwanted effect -----------------------------------------------
_WAY_TO_TAKE = _re(
    r"(is there|are there|any|what is|what s|whats|know|got) (a |an |the |some |any )?(\w+ )?(way|ways|trick|tricks|"
    r"tip|tips|method|hack|hacks) (to|of|for|when) (take|taking|have|having|swallow|swallowing|use|using) "
    r"(my |the |your |this )?(zzsubstance|it|them)\b(?! (for|during|while|with|alongside|if|in pregnancy)\b)"
)

# --- just after an activity --------------------------------------------------------------------------
_ACTIVITY = (
    r"(gym|workout|work out|training|session|run|running|jog|swim|swimming|ride|cycle|spin|yoga|pilates|exercise|"
    r"exercising|class|match|game|hike|walk|5k|10k|race|lifting|football|practice)"
)
_OK_TO_TAKE = (
    r"(ok|okay|fine|alright|all right|good) (for me )?to (take|have) (my |the |your )?(zzsubstance|it|them)"
)
_STRAIGHT_AFTER = _re(
    _OK_TO_TAKE + r" (straight|right|just|directly|immediately) (after|afterwards|away)"
    r"( (the |a |my |your )?(\w+ )?" + _ACTIVITY + r")?$"
)
_AFTER_ACTIVITY_OK = _re(
    r"^(straight |right |just )?after (the |a |my |your )?(\w+ )?" + _ACTIVITY + r" (is it |would it be |it s |its )?"
    + _OK_TO_TAKE
)

# --- stopping it all at once --------------------------------------------------------------------------
_STOP = r"(stop|quit|come off|drop|ditch|give up)( taking| using)?"
_SUDDENLY = (
    r"(suddenly|abruptly|all of a sudden|just that|overnight|without (weaning|tapering)( off)?|no weaning|no tapering)"
)
_IT = r"(my |the |her |his |their |your )?(zzsubstance|it|them)( \w+)?"
_STOPS_SUDDENLY = _re(
    r"(can|could|should|may) (i|we|she|he|they|you) (just )?" + _STOP + r" " + _IT + r" " + _SUDDENLY + r"|"
    r"(ok|okay|fine|safe|alright|all right|bad|dangerous|risky|harmful) (for me |for her |for him )?to (just )?"
    r"(" + _STOP + r" " + _IT + r" " + _SUDDENLY + r"|" + _SUDDENLY + r" " + _STOP + r" " + _IT + r")|"
    + _STOP + r" " + _IT + r" " + _SUDDENLY + r" (is that|is it|would that be|will (she|he|i|they|we) be) "
    r"(ok|okay|fine|safe|alright|all right|bad|dangerous)|"
    r"(does it matter|is it a problem) if (i|we|she|he|they) (just )?" + _STOP + r" " + _IT + r" " + _SUDDENLY
)
# --- who should not take it ----------------------------------------------------------------------------
# "is there a reason people with kidney disease shouldnt take vitamin d": who should avoid it (guide: safety),
# whatever condition is named; why they should not is a mechanism question, read by the rules after.
_SHOULD_NOT_TAKE = _re(
    r"(should not|shouldn t|shouldnt|must not|mustn t|ought not to|oughtn t to) (take|use|have|be on|be given|try) "
    r"(my |the |any )?(zzsubstance|it)"
)
_WHY_OR_HOW = re.compile(r"^(why|how)\b")

# --- an animal given it --------------------------------------------------------------------------------
_ANIMALS = r"(dogs?|cats?|pets?|puppy|puppies|kittens?|horses?|ponies|rabbits?|bunnies|hamsters?|guinea pigs?|birds?)"
_ANIMAL_GIVEN = _re(
    r"^(can|could|may|should|do|are|is it (ok|okay|safe|fine|alright) for) (\w+ )?" + _ANIMALS + r" (to )?(be )?"
    r"(have|take|eat|be given|get|allowed|given)\b"
)

# --- going on with it through a state ----------------------------------------------------------------
_GO_ON_THROUGH = _re(
    r"(should|can|could|may|ok to|okay to|fine to|alright to) ((i|we|you|he|she|they|my \w+) )?(keep|carry on|"
    r"continue|still)( on)?( taking| using| having| with| on| take| use| have)? (my |his |her |their |the )?"
    r"(zzsubstance|it) "
    r"(while|whilst|during|when|throughout) (?!(it|they|that|this) )\w+"
)

# --- a drink taken on it -------------------------------------------------------------------------------
_ALCOHOL = (
    r"(alcohol|booze|wine|prosecco|champagne|beer|beers|pints?|lager|cider|vodka|gin|rum|whisky|whiskey|cocktails?)"
)
_DRINK_ON_IT = _re(
    r"(drink|drinks|" + _ALCOHOL + r") (\w+ ){0,3}?(after|on|while on|while taking|alongside|after taking|"
    r"after having) (taking |having )?(my |the |your )?(zzsubstance|it)\b|"
    + _ALCOHOL + r" (\w+ ){0,3}?with (my |the |your )?(zzsubstance|it)\b"
)
_MAY_I = _re(r"can|could|may|ok|okay|alright|all right|fine|safe|is that|is it|will it|would it")

_OR_IN_STEPS = _re(r"or (\w+ ){0,3}(taper\w*|wean\w*|gradually|slowly|step\w* down|cut\w* down)|(taper\w*|wean\w*)"
                   r"( \w+){0,4} or")


# The words one of the families needs: a question without any of them is not searched (the patterns above
# open on a word slot, so the shared gate cannot skip them by their opening word).
_GATE_WORDS = frozenset(
    """
    where site sites website websites database databases register registry checker checkers vs versus v or than just
    way ways trick tricks tip tips method hack hacks after afterwards away suddenly abruptly sudden overnight weaning
    tapering not shouldn shouldnt mustn oughtn keep carry continue still drink drinks alcohol booze wine prosecco
    champagne beer beers pint pints lager cider vodka gin rum whisky whiskey cocktail cocktails
    """.split()
)
_ANIMAL_WORDS = frozenset(
    "dog dogs cat cats pet pets puppy puppies kitten kittens horse horses ponies rabbit rabbits bunnies hamster "
    "hamsters guinea bird birds".split()
)


def asked_way_intent(
    t: str,
    *,
    substances: int,
    medicine: bool,
    population: bool,
    amount: Callable[[], bool],
    duration: Callable[[], bool],
) -> str | None:
    """The intent one of the module's ways of asking reads from `t` (the asked part, names written as their
    kind), or None. `substances` counts what the base names; `medicine` and `population` say
    whether a medicine or a stage of life is named; `amount` and `duration` (asked only when a family's
    words are present) whether an amount or a time taken is told. Each of these makes the question the
    interaction, safety or dosing question it is."""
    words = set(t.split())
    if words.isdisjoint(_GATE_WORDS) and words.isdisjoint(_ANIMAL_WORDS):
        return None
    if (_WHERE_LOOKED_UP.search(t) and not _NOT_A_PLACE.search(t)) or _SITE_THAT_LISTS.search(t):
        return Intent.RESOURCES
    if medicine or amount():
        return None
    if substances and (_NAMED_ROUTE_VS.search(t) or _ROUTE_VS_ROUTE.search(t)):
        return Intent.ADMINISTRATION
    if not (_WEIGHS.search(t) or _BLAMED.search(t)) and _two_options_ranked(t, substances=substances):
        return Intent.COMPARISON
    if substances and _WAY_TO_TAKE.search(t) and not population:
        return Intent.ADMINISTRATION
    if substances and not population and (_STRAIGHT_AFTER.search(t) or _AFTER_ACTIVITY_OK.search(t)):
        return Intent.ADMINISTRATION
    if substances and _STOPS_SUDDENLY.search(t) and not _OR_IN_STEPS.search(t) and not duration():
        return Intent.SAFETY
    if substances and _SHOULD_NOT_TAKE.search(t) and not _WHY_OR_HOW.match(t):
        return Intent.SAFETY
    if substances and (_ANIMAL_GIVEN.search(t) or _GO_ON_THROUGH.search(t)):
        return Intent.SAFETY
    if substances and _DRINK_ON_IT.search(t) and _MAY_I.search(t):
        return Intent.SAFETY
    return None
