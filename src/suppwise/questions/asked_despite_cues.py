"""What is asked when a cue word elsewhere in the message points another way (issue 12 §3, intentk20 round).

Each family below is a shape of asking that the word-by-word rules in `intent` read by a word that is
not the question's predicate: a clause of reason, a caution about a medicine, the word "vs" between two
amounts. The shape decides, the stray cue does not:

- **two amounts of one supplement set side by side** (dosing): "B12 1000mcg vs 5000mcg, is more
  better", "vitamin d 1000iu or 4000iu for winter". "vs" reads as two options weighed (comparison); the
  options are amounts of one thing, so how much is asked.
- **options not named, with a caution about what they must not clash with** (alternatives):
  "alternatives to 5htp that won't clash with my Lexapro", "non drug options for my mum's anxiety". The
  medicine is the condition the options must meet, not a combination asked about. So is a state in
  "anything for stress thats safe to take", when nothing is named.
- **where to have a level tested** (resources): "where can I get my B12 tested without a GP". "get"
  and a substance read as where to get the substance (sources).
- **a time of day, asked because of what it does** (administration): "best time of day for 5-htp if it
  makes me sleepy". The reason clause reads as an unwanted effect asked about.
- **more of something good** (effect): "will vitamin D give me a bit more energy". "give me" reads as an
  unwanted effect given; a benefit given is whether it works (guide, section 2, "would X give me more
  energy").
- **whether it does anything, and a form asked beside it** (effect): "does probiotic yoghurt do
  anything for IBS-D or do you need the capsules". Effect outranks administration (precedence).
- **evidence for it as an add-on** (effect): "any good evidence for l-methylfolate as an add-on when
  antidepressants only half work". The medicine is the context, not a combination (guide rule 2).
- **how one did against another in trials** (comparison): "how did saffron do against Prozac in the
  trials". "how" reads as a mechanism question.
- **a deficiency fixed** (cure): "will folate fix my mum's B12 deficiency". A deficiency put right is
  gone, not eased.
- **whether two names differ at all** (definition): "Quatrefolic or Metafolin, is there any real
  difference". Two names joined by "or" read as options ranked; nothing is ranked.
- **one form set against another** (administration): "my kids are better off with the chewable omega 3
  than the capsules right".
- **whether it is ok for someone to have it** (safety): "is it ok for my dad, 70, with cirrhosis to
  have glutamine shakes". A drink made of it ("shakes") reads as a food holding the supplement.
- **food sources besides one named** (sources): "vegan omega 3 sources apart from algae oil". "apart
  from" reads as options asked for instead.
- **what a condition is and what it is like** (definition): "what is long covid and is it like ME/CFS".
- **kept locked away from someone** (safety): "we have melatonin in the house, should i lock it up". Whether
  it is risky for a person near it, asked as where to keep it; "keep it out of reach" and "in the fridge"
  stay storage (administration, as x1811 is labelled).
- **better or worse, both asked** (effect): "does glutamine make fibro pain better or worse", a medicine
  told only in the story before it.
- **an organ named bare** (safety): "green tea extract kidney" (harm to an organ, guide rules 6 and 10).
- **anything left to try** (alternatives): "is there anything at all left to try for the exhaustion".
- **an errand in the app** (unknown): "how do i close it in the app".

Every pattern is tied to its frame (the question's opening, a clause of reason, two amounts joined), so
a question that only shares a word with a family is left to the other rules. The text read is the
predicate `intent.read_intent` reads: lower case, substances written ``zzsubstance``, medicines
``zzmedicine``, fillers gone.
"""

from __future__ import annotations

from collections.abc import Callable

from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["asked_despite_cues"]

_FORM = (
    r"(chewables?|chewy|gummy|gummies|capsules?|caps|softgels?|soft gels?|tablets?|pills?|liquid|powder|drops|"
    r"spray|oil|sublingual|lozenges?|patch(es)?|effervescent|fizzy)"
)
_FORMS_WEIGHED = _re(
    r"(with|on|taking|take|give|giving|have|having|are|is|be|use|using|the|a|an|some) (the |a |an |some )?(\w+ ){0,2}"
    + _FORM
    + r"( zzsubstance)? (\w+ ){0,2}(than|rather than|instead of|over|not|vs|versus|or) (the |a |an |some )?"
    r"(\w+ ){0,1}" + _FORM + r"\b"
)
_UNIT = r"(mcg|µg|ug|mg|g|iu|i u|units?|k|k iu|000|micrograms?|milligrams?|grams?)"
_AN_AMOUNT = r"\d[\d,.]*( ?" + _UNIT + r")?"

# Two amounts joined as options: "1000mcg vs 5000mcg", "1000 iu or 4000 iu", "200mg versus 400mg".
_AMOUNTS_WEIGHED = _re(
    r"\d[\d,.]* ?" + _UNIT + r" (vs|versus|or|v|against|compared (to|with)) (zzsubstance )?" + _AN_AMOUNT + r"|"
    r"(is|are) (a )?(more|higher|bigger|larger|stronger) (dose |doses |amount |strength )?(better|more effective)|"
    r"(is|are) (a )?(higher|bigger|larger|stronger) (dose|doses|amount|strength) (of zzsubstance )?(better|more "
    r"effective|worth it)"
)

# Options not named, opening the question: "alternatives to X", "non drug options for ...".
_OPTIONS_ASKED = _re(
    r"^(any |what |what are |what are (the |some |my )?|are there (any )?|got any |suggest (some )?|need )?"
    r"((natural|herbal|other|safer|gentler|non ?drug|non ?medication|non ?medical|drug ?free|medication ?free|"
    r"non ?pharma\w*|supplement) )?(alternatives?|substitutes?|replacements?|swaps?) (to|for|instead of)|"
    r"^(any |what |what are |what are (the |some |my )?|are there (any )?|got any )?"
    r"(natural|herbal|safer|gentler|non ?drug|non ?medication|non ?medical|drug ?free|medication ?free|"
    r"non ?pharma\w*) (options?|remedies|treatments?|things|ideas|approaches) (for|to)\b"
)
# Something for a goal that must be safe, not named: "anything for stress thats safe to take".
_SOMETHING_SAFE = _re(
    r"(anything|something|what) (natural |herbal |gentle |else )?(i|we|she|he|you) (can|could) (take |use |have |give "
    r"(\w+ ){1,4}?)?(for|to help( with)?) (\w+ ){1,4}(that|that s|thats|which|which is|that is) (safe|ok|okay|fine|"
    r"gentle|allowed)|"
    r"(anything|something) (natural |herbal |gentle |else )?(for|to help( with)?) (\w+ ){1,4}(that|that s|thats|"
    r"which|which is|that is) (safe|ok|okay|fine|gentle|allowed)"
)
_RANKED = _re(r"vs|versus|better than|or zzsubstance|which is better|compare\w*")

# Where to have a level tested: "where can I get my B12 tested", "where to get a vitamin d test".
_TESTED_WHERE = _re(
    r"(where|who) (can|could|do|would|should|will) (i|we|you|my \w+|she|he) (get|have|go to get|go to have) "
    r"(\w+ ){0,4}(tested|checked|measured|done)|"
    r"who (else )?(can|could|will|would|does|do) (test|check|measure)|"
    r"where (to|can i|could i|do i|do you) (get|have|book|order|find) (a |an |my )?(\w+ ){0,3}(test|tests|blood "
    r"test|level check|levels checked)\b"
)

# A time of day asked for, and a reason clause after it: "best time of day for X if it makes me sleepy".
_TIME_ASKED = _re(
    r"^((what s|whats|what is|which is) )?(the )?(best|right|ideal|better|optimal|good) time (of (the )?day )?"
    r"(to (take|have|use)|for)|"
    r"^when (should|do|would|can|is it best to) (i|you|we|she|he)? ?(take|have|use) (my |the |her |his )?zzsubstance"
)
_BECAUSE_OF_IT = _re(
    r"(if|since|as|because|cause|cos|coz|given) (it|they|this|that|zzsubstance|the zzsubstance) (\w+ )?"
    r"(makes?|made|gives?|keeps?|kept|leaves?|left|turns?) (me|you|him|her|us|them|my \w+)"
)
_SECOND_QUESTION = _re(r"and (does|do|is|are|can|could|will|would|should)|also (does|is|can)")

# A benefit given: "give me a bit more energy", "give her a boost".
_MORE_OF_GOOD = _re(
    r"(give|gives|giving|gave) (me|you|her|him|us|them|my \w+) ((a (tiny |little |wee )?bit |a little |a lot |some "
    r"|any |much |a touch )?(more|extra|better) (of )?(energy|focus|concentration|stamina|strength|motivation|"
    r"drive|oomph|pep|zest|vitality|get up and go|sleep|calm|clarity|endurance|mood)|a boost|a lift|a kick|"
    r"a pick me up|some get up and go)\b"
)

# Whether it does anything for a goal, opening the message: "does X do anything for IBS-D".
_DOES_ANYTHING = _re(
    r"^(does|do|will|would|can|could|did) (the |a |my )?(\w+ )?zzsubstance (\w+ )?(actually |really |even )?"
    r"do (anything|much|owt|something|any good|a thing) (for|to help|about)\b"
)
_OUTRANKS_EFFECT = _re(
    r"safe\w*|unsafe|risk\w*|danger\w*|harm\w*|side effects?|interact\w*|clash\w*|dose|doses|dosage|how (much|"
    r"many)|cause\w*|trigger\w*|bad for|ok for|okay for|zzmedicine"
)

# Evidence for it as an add-on: "evidence for X as an add-on", "studies on X as an adjunct to ...".
_ADD_ON_EVIDENCE = _re(
    r"(evidence|studies|study|trials?|research|data|rcts?) (for|on|behind|about|that|of) (\w+ )?zzsubstance "
    r"(\w+ ){0,2}(as|being) (an? )?(add ?on|add ons|adjunct\w*|augment\w*|booster|top ?up|extra)\b"
)

# How one did against another in trials: "how did saffron do against Prozac".
_DID_AGAINST = _re(
    r"how (did|does|do|would|will) (the )?(zzsubstance|zzmedicine) (do|fare|perform|stack up|measure up|hold up|"
    r"get on|compare) (against|versus|vs|next to|compared (to|with)|head to head with) "
    r"(the )?(zzsubstance|zzmedicine)\b"
)

# A deficiency put right: "will folate fix my B12 deficiency", "can iron tablets correct anaemia".
_DEFICIENCY_FIXED = _re(
    r"(fix|fixes|fixed|correct|corrects|corrected|sort out|sorts out|sort|clear|clears|resolve|resolves|get "
    r"over|make up|makes up) (\w+ ){0,4}(deficiency|deficiencies|deficient|anaemia|anemia|insufficiency)\b"
)

# Whether two names differ at all, nothing ranked: "X or Y, is there any real difference".
# Two names set side by side at the question's start: "Quatrefolic or Metafolin, ...".
_TWO_NAMES = _re(r"^(the )?zzsubstance (or|vs|versus|v|and) (the )?zzsubstance")
_ANY_DIFFERENCE = _re(
    r"(is there|are there|any|is there really|is there actually|would there be) (a |any |much |really |actually |"
    r"real |genuine |big |significant )*(real |actual )?(difference|differences)( between (them|the two|the 2|"
    r"these|those|the two forms))?$"
)
_WAYS_OF_TAKING = _re(r"chew\w*|swallow\w*|dissolv\w*|crush\w*|with food|empty stomach|" + _FORM)
_RANKS = _re(
    r"better|best|worse|more effective|stronger|which (one )?(is|should|would|works)|for (my|the|your|"
    r"her|his|sleep|pain|energy|mood|depression|anxiety)"
)

# Whether it is ok for someone to have it: "is it ok for my dad, 70, with cirrhosis to have X shakes".
_OK_FOR_SOMEONE = _re(
    r"^(is it|would it be|is that|is this) (ok|okay|safe|alright|all right|fine|a good idea) for (\w+ ){1,8}"
    r"to (have|take|drink|eat|use|try|be on|start|be given)\b"
)

# Food sources besides one named: "vegan omega 3 sources apart from algae oil".
_SOURCES_BESIDES = _re(
    r"(sources?|foods?) (of (zzsubstance )?)?(\w+ ){0,2}(apart from|besides|other than|except|aside from|beyond|"
    r"that aren t|that isn t)\b"
)

# What a condition is and what it is like: "what is long covid and is it like ME/CFS".
_WHAT_AND_LIKE = _re(
    r"^(what s|whats|what is|what are) (\w+ ){1,4}and (is it|are they|is that) (like |the same as |similar to |"
    r"different (from|to) |a (type|kind|form) of )?(?!(\w+ )?(safe|ok|okay|bad|good|worth|dangerous|risky|harmful|"
    r"serious|curable|contagious|treatable|permanent|common|normal|real|genetic|hereditary)\b)(\w+ ){0,3}\w+$"
)

# Better or worse, both asked: "does glutamine make fibro pain better or worse".
_BETTER_OR_WORSE = _re(
    r"(make|makes|making|made) (\w+ ){1,4}(better or worse|worse or better)|(help|helps) or (worsen|"
    r"worsens|make (it |things )?worse)"
)

# An organ named bare beside a supplement: "green tea extract kidney", "vit d liver".
_BARE_ORGAN = _re(
    r"^(zzsubstance (and )?(my |your |the )?(kidneys?|liver|heart|pancreas)|(kidneys?|liver|heart|"
    r"pancreas) (and )?zzsubstance)$"
)

# Anything left or else to try: "is there anything at all left to try for the exhaustion".
_ANYTHING_LEFT = _re(
    r"(anything|something|what|owt) (at all |else |more )?(left|else|new|more) (\w+ )?(to|i can|i could|we can|"
    r"we could|she can|he can) (try|take|use|do)\b(?! with)"
)

# Kept out of someone's reach: "we have melatonin in the house, should i lock it up".
_KEPT_FROM_REACH = _re(
    r"(should|do|must|would|shall) (i|we) (need to )?(lock|hide) (it|them|the zzsubstance|his zzsubstance|her "
    r"zzsubstance|zzsubstance|away the zzsubstance|up the zzsubstance)( up| away)?|"
    r"(should|do|must|would|shall) (i|we) (need to )?(put|keep) (it|them|the zzsubstance|zzsubstance) (locked|"
    r"hidden)( away| up)?|(lock|hide) (it|them) (up|away)"
)

# An errand in the app: "how do i close it in the app".
_APP_ERRAND = _re(
    r"how (do|can|should|would) (i|we|you) (close|end|finish|stop|delete|cancel|archive|reset|restart|pause|log|"
    r"record|mark|save|export) (\w+ ){0,3}(in|on|from|through|via) (the|this|your) app\b"
)


def asked_despite_cues(
    t: str, *, substances: int, medicine: bool, condition: bool, amount: Callable[[], bool]
) -> Intent | None:
    """The intent of one of the module's families in the framed predicate `t`, or None where none holds.
    `substances` counts the substances named, `medicine` tells whether a medicine is, `condition`
    whether a condition is, and `amount` tells whether an amount or frequency is said (read only where
    needed: a safety question with an amount is dosing, guide rule 4)."""
    if _APP_ERRAND.search(t):
        return Intent.UNKNOWN
    if substances == 1 and not medicine and _AMOUNTS_WEIGHED.search(t):
        return Intent.DOSING
    if _OPTIONS_ASKED.search(t) and not _RANKED.search(t):
        return Intent.ALTERNATIVES
    if not substances and not medicine and _SOMETHING_SAFE.search(t):
        return Intent.ALTERNATIVES
    if _TESTED_WHERE.search(t):
        return Intent.RESOURCES
    if (
        substances
        and not medicine
        and _TIME_ASKED.search(t)
        and _BECAUSE_OF_IT.search(t)
        and not (_SECOND_QUESTION.search(t))
    ):
        return Intent.ADMINISTRATION
    if substances and not medicine and _MORE_OF_GOOD.search(t):
        return Intent.EFFECT
    if substances and _DOES_ANYTHING.search(t) and not _OUTRANKS_EFFECT.search(t):
        return Intent.EFFECT
    if substances and _ADD_ON_EVIDENCE.search(t):
        return Intent.EFFECT
    if _DID_AGAINST.search(t):
        return Intent.COMPARISON
    if substances and not medicine and _DEFICIENCY_FIXED.search(t):
        return Intent.CURE
    if (
        substances
        and not medicine
        and _TWO_NAMES.search(t)
        and _ANY_DIFFERENCE.search(t)
        and not (_RANKS.search(t) or _WAYS_OF_TAKING.search(t))
    ):
        return Intent.DEFINITION
    if substances <= 1 and not medicine and _FORMS_WEIGHED.search(t):
        return Intent.ADMINISTRATION
    if substances and not medicine and _OK_FOR_SOMEONE.search(t):
        return Intent.DOSING if amount() else Intent.SAFETY
    if substances and not medicine and _SOURCES_BESIDES.search(t):
        return Intent.SOURCES
    if substances and "zzmedicine" not in t and _BETTER_OR_WORSE.search(t):
        return Intent.EFFECT
    if substances and _BARE_ORGAN.search(t):
        return Intent.SAFETY
    if condition and _WHAT_AND_LIKE.search(t):
        return Intent.DEFINITION
    if substances and not medicine and _KEPT_FROM_REACH.search(t):
        return Intent.SAFETY
    if not medicine and _ANYTHING_LEFT.search(t):
        return Intent.ALTERNATIVES
    return None
