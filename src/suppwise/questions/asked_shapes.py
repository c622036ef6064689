"""Shapes of question that ask how it acts, which of two, whether it cures, what else, what it is, or
which foods hold it (issue 12, nineteenth round).

Why shapes: the word-by-word rules in `intent` read cue words ("help", "safe", "take") in a fixed order,
so a question people build in a set way for one of these six intents fell to the cue word inside it, or
to the default for what it names (effect). Each shape below is a way people ask, whatever they name:

- mechanism: "what does X (actually) do in your gut / in the body", "explain how X makes you sleepy",
  "does it work like an antidepressant in the brain", "does it act on the nerve cells", "is it stored in
  fat", "wie wirkt X";
- comparison: "between X and Y, which ...", "how do X and Y stack up against each other", "would X do a
  better job than it" (a medicine told before the question is one of the options);
- cure: "does X fix it or just mask it" (fix for good, or hide the symptoms), "will I ever be free of
  fibro", "get him shot of it", "wyleczy", "curar", "anything that makes it go away", "reset my body
  clock for good", "sorted permanently", "has anyone beaten chronic fatigue";
- alternatives: "what (else) can I take for sleep besides X" in Spanish, Portuguese and Italian
  ("ademas del", "alem da", "oltre alla"), "natural stuff for lupus fatigue", "supplements that
  (actually) work" with nothing named, "any cheaper options that do the same job", "a more natural way
  to sleep", "what do other people with fibro take for brain fog";
- definition: "what is X made from", "co to jest X", "qué es X", "X, what is it", "what's the deal
  with X";
- sources: "does <food> have X in it", "where do I get X without fish / from food".

The text read is the predicate `intent.detect_intent` reads: lower case, fillers gone ("actually",
"like"), Spanish, Portuguese and Italian "puedo/posso tomar" read "can i take", named substances written
``zzsubstance``, medicines ``zzmedicine``, foods ``zzfood``. Each shape is narrow on purpose: where none
fits, the ordinary rules decide. A medicine named in the question leaves the question to the
interaction rules, except where the medicine is only what the substance is likened to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from suppwise.questions.word_pattern import whole_words as _re

if TYPE_CHECKING:
    from suppwise.questions.intent import Signals

__all__ = ["asked_shape"]

# Intent values as the strings of `suppwise.questions.intent.Intent` (this module is read by `intent`).
COMPARISON = "comparison"
CURE = "cure"
ALTERNATIVES = "alternatives"
MECHANISM = "mechanism"
DEFINITION = "definition"
SOURCES = "sources"


_ORGAN = r"(body|brain|gut|stomach|cells?|liver|kidneys?|muscles?|nerves?|nervous system|system|organs?|blood)"
_OWNER = r"(the|your|ur|my|our|his|her|their|a|an|each)"
# What it does, said of the body or of an organ, or asked bare: how it acts (guide: mechanism).
_DOES_IN_BODY = _re(
    r"(what|wat|wot) (does|do|did|will|would|is|are|s) (zzsubstance|it|they) (do|doing|does) (in|to|inside|"
    r"for) " + _OWNER
    + r" (\w+ )?" + _ORGAN + r"|(what|wat|wot) zzsubstance (does|do) (in|to|inside) " + _OWNER + r" (\w+ )?" + _ORGAN
)
# Where it acts or is kept in the body: "does it act on the nerve cells themselves", "is vitamin d stored in
# fat or does it wash out", "what is it doing to them" (of muscles just named).
_ACTS_ON_BODY = _re(
    r"(act|acts|acting) (directly )?on (the |my |your |our |his |her )?(\w+ )?" + _ORGAN + r"|"
    r"(stored|kept) (in|as) (the |your |my |body |fat )?"
    r"(fat|fatty tissue|fat cells|liver|tissues?|bones?|body)|(wash|washes|flush|flushes|wee|pee) (it |them )?out|"
    r"(what|wat) (is|s|are) (it|they|zzsubstance) (\w+ )?doing (to|in|inside) (them|those|there)$|"
    r"absorbed (in|into|through|from|by|via) (the |your |my )?(\w+ )?" + _ORGAN + r"|"
    # what kind of actor it is in the body, and what it feeds there
    r"(work|works|act|acts|function|functions|behave|behaves) (more )?(as |like )?(a|an) (hormone|antioxidant|"
    r"neurotransmitter|precursor|building block|messenger|cofactor|co factor|fuel)|"
    r"(feed|feeds|fuel|fuels|nourish|nourishes) (the |your |my )?(\w+ ){0,3}(cells|lining|neurons|bacteria|microbes)|"
    r"(feed|feeds|fuel|fuels) (that|this)$|is it (the |a )?\w+ (that|which) (makes|lets|helps) zzsubstance"
)
# How it is the kind of thing it is said to be, and two things asked to be explained together: "how exactly is
# st johns wort an antidepressant", "explain omega 3 and inflammation to me".
_HOW_IT_IS_A = _re(r"how (is|are) (zzsubstance|it|they) (an?|the) \w+|^explain (zzsubstance|it) (and|with) \w+")
# "How does it work" in the languages the corpus's other-language items use (German, Polish, Spanish,
# Portuguese, Italian).
_HOW_IT_WORKS_ELSEWHERE = _re(
    r"wie (wirkt|wirken|funktioniert)|jak (dziala|działa|dzialaja|działają)|(como|cómo) (funciona|actua|actúa|age)|"
    r"come (funziona|agisce)"
)
# Asked to explain how it does something: "explain to me how X makes you sleepy".
_EXPLAIN_HOW = _re(r"explain\b.*\bhow (zzsubstance|it) (?!compar)\w+")
# Likened to a medicine in how it acts: "does it work like an antidepressant in the brain" ("like" is a
# filler the predicate drops, so "works an zzmedicine").
_WORKS_LIKE = _re(r"(work|works|working|worked|act|acts|acting) (as )?(an? )?zzmedicine")
_COMBINED_WITH = _re(r"(with|alongside|and|while on|on|plus) (my |his |her |their |the )?zzmedicine|zzmedicine and")

_BETWEEN = _re(r"between zz\w+ and zz\w+\b.*\b(which|better|best|worse|stronger|more|less)")
# Set against each other: "how do X and Y stack up against each other", "X and Y head to head".
_AGAINST_EACH_OTHER = _re(
    r"(stack|stacks|stacking|measure|measures|shape|shapes) up (against|to|next to|with)|against each other|"
    r"compared (to|with) each other|head to head|side by side"
)

# A difference in how well they work, asked between two options: "the difference in results between X and Y".
_RESULTS_DIFFER = _re(r"difference (in|of) (results?|effect|effects|effectiveness|outcomes?|how well) between")
# Set against what the person takes, named before the question ("i already take sertraline for anxiety,
# would saffron do a better job than it"): the medicine is one of the options (guide rule 2).
_BETTER_THAN_IT = _re(
    r"(do|does|did|doing) (a |an )?(any |much |far )?(better|worse) job than|(better|worse|gentler|stronger|weaker|"
    r"milder|more effective|less effective) than (it|them|that|those|(my|the|his|her|their) zzmedicine)$"
)
# A second option asked about alone after the first was told of ("melatonin did nothing for me, would magnesium
# be better"): better than the one told.
_BETTER_ALONE = _re(r"(would|will|is|could|might) zzsubstance (be )?(any |much |a lot )?(better|stronger|gentler|more "
                    r"effective)$")
# Fix for good, or only hide the symptoms: whether it makes the condition go away (guide: cure).
_FIX_OR_MASK = _re(
    r"(fix|fixes|cure|cures|heal|heals|treat|treats|solve|solves|sort|sorts|resolve|resolves)\b.*\bor (just |only |"
    r"simply |merely )?(mask|masks|hide|hides|cover|covers|numb|numbs|paper over|papers over|band ?aid|plaster)"
)
# Free of the condition for good: "will I ever be free of fibro", "get him shot of it".
_FREE_OF = _re(r"(be|get|am|being|become|live|living) (\w+ )?free (of|from)|(get|got|getting|be) (me |him |her |them |"
               r"us |you )?(shot|shut|shed) of|finally (get|be) (\w+ )?rid of")
# Made to go away, or set right for good: "is there anything that makes it go away", "will it reset my body
# clock permanently".
_MADE_TO_GO = _re(
    r"(make|makes|made|making) (it |them |this |that |(the|my|his|her|your) (\w+ ){1,2})(go away|disappear|vanish|"
    r"clear up)"
)
_SET_RIGHT_FOR_GOOD = _re(
    r"(reset|resets|retrain|retrains|rebalance|rebalances|restore|restores|repair|repairs|sorted|fixed|resolved|"
    r"healed|cleared) (\w+ ){0,4}(permanently|for good|forever|for ever|once and for all)"
)
# A condition beaten or overcome: "has anyone beaten chronic fatigue with supplements".
_BEATEN = _re(r"(has|have|had|anyone|to|can|could|will|would|you|i|ever|finally) (actually |really )?(beat|beaten|"
              r"overcome|overcame|conquer|conquered|kicked) (my |his |her |their |the |your )?\w+")
# "Cure" in the languages the corpus's other-language items use (Polish, Spanish, Portuguese, Italian).
_CURE_ELSEWHERE = _re(r"wyleczy\w*|uleczy\w*|curar|curara|curará|curaria|curaría|curaré|guarire|guarisce|guariscono")

# "What can I take for sleep besides X" in Spanish, Portuguese and Italian ("puedo/posso tomar" and
# "posso prendere" are read "can i take"): options not named (guide: alternatives).
_BESIDES_ELSEWHERE = _re(
    r"(que|qué|cosa|what)( mas| más| else| altro)? can i take\b.*\b(ademas|además|aparte|alem|além|oltre|fuera)"
)
_WHICH_BEST_ELSEWHERE = _re(r"(cual|cuál|qual|quale) (es|é|e|è) (el |la |o |a |il )?(mejor|melhor|migliore)")
# Options asked for with nothing named: "natural stuff for lupus fatigue", "pcos supplements that work".
# Something cheaper or more natural to do the same, or what other people take: options not named.
_OTHER_OPTIONS = _re(
    r"(cheaper|cheap|budget|affordable|less expensive) (options?|alternatives?|things?|supplements?|versions?|stuff|"
    r"brands?)|(something|anything|options?|things?) that (does|do) the same (job|thing)|"
    r"(is there|are there|any) (a |an |some )?(more )?(natural|gentler|drug free|non drug) (way|ways|route|approach|"
    r"option|options|alternative|alternatives) (to|for)(?! take)|"
    r"what (do|did|does|would) (other |most |some )?(people|folks|others|you guys|yall|everyone|anyone|other \w+)"
    r"( \w+){0,4} (take|use|try|swear by) (for|to)"
)
_UNNAMED_OPTIONS = _re(
    r"natural (stuff|things|remedies|options|ways|treatments?|alternatives|products|supplements)|"
    r"(supplements|vitamins|remedies|pills|things|stuff) that (work|help|helps|do anything)"
)

_MADE_FROM = _re(
    r"(what|wat|whats|what s)( is| are| s)? (zzsubstance|it|they) (made|derived|extracted|produced|taken) "
    r"(from|of|out of)|"
    r"how (is|are) (zzsubstance|it|they) (made|produced|manufactured|extracted)(?! (in|by|inside))"
)
_WHAT_IS_ELSEWHERE = re.compile(
    r"^(co to jest|co to|czym jest|czym sa|czym są|que es|qué es|que son|qué son|o que e|o que é|o que sao|o que são|"
    r"che cos e|che cos è|che cosa e|che cosa è|cos e|cos è|cosa e|cosa è|was ist)\b"
)
_THE_DEAL_WITH = _re(r"(what|wat|whats|what s) (is |s )?the (deal|story|lowdown|craic|score) (with|on) zzsubstance$")
_NAME_THEN_WHAT = re.compile(r"^(zz\w+|[a-z0-9-]+( [a-z0-9-]+)?),? (what|wat) (is|s|are) (it|that|this|they)$")

_FOOD_HOLDS = _re(r"(have|has|got) (any |much |some |enough |a lot of |lots of |loads of )?zzsubstance in (it|them)")
_WHERE_GET = _re(
    r"where (else )?(do|can|could|would|should|will|does|might) (i|you|he|she|we|they|someone|people|one|vegans?|"
    r"vegetarians?) get (enough |my |his |her |their |your )?zzsubstance"
)
_FOOD_WORD = _re(
    r"food|foods|diet|eat|eating|eats|vegan|vegetarian|plant|plants|fish|meat|dairy|zzfood|without (zz\w+|\w+)"
)


def asked_shape(t: str, signals: Signals) -> str | None:
    """The intent a shape of question in `t` asks, or None where no shape fits."""
    named = signals.substances > 0
    if not signals.medicine:
        if named and (
            _DOES_IN_BODY.search(t) or _EXPLAIN_HOW.search(t) or _ACTS_ON_BODY.search(t)
            or _HOW_IT_WORKS_ELSEWHERE.search(t) or _HOW_IT_IS_A.search(t)
        ):
            return MECHANISM
        if signals.options >= 2 and (
            _BETWEEN.search(t) or _AGAINST_EACH_OTHER.search(t) or _BETTER_THAN_IT.search(t) or _BETTER_ALONE.search(t)
            or _RESULTS_DIFFER.search(t)
        ):
            return COMPARISON
        if (named or "condition" in signals.kinds) and (
            _FIX_OR_MASK.search(t) or _CURE_ELSEWHERE.search(t) or _SET_RIGHT_FOR_GOOD.search(t)
        ):
            return CURE
        if "condition" in signals.kinds and (_MADE_TO_GO.search(t) or _BEATEN.search(t)):
            return CURE  # a condition made to go away; a symptom eased is an effect
        if "condition" in signals.kinds and _FREE_OF.search(t):
            return CURE
        if _BESIDES_ELSEWHERE.search(t) or (_WHICH_BEST_ELSEWHERE.search(t) and signals.options <= 1):
            return ALTERNATIVES
        if _OTHER_OPTIONS.search(t):
            return ALTERNATIVES
        if not named and _UNNAMED_OPTIONS.search(t) and signals.kinds & {"condition", "outcome"}:
            return ALTERNATIVES
        if named and (_MADE_FROM.search(t) or _WHAT_IS_ELSEWHERE.search(t) or _THE_DEAL_WITH.search(t)):
            return DEFINITION
        if _NAME_THEN_WHAT.search(t):
            return DEFINITION
        if named and (_FOOD_HOLDS.search(t) or (_WHERE_GET.search(t) and _FOOD_WORD.search(t))):
            return SOURCES
    elif named and (_WORKS_LIKE.search(t) or _HOW_IT_IS_A.search(t)) and not _COMBINED_WITH.search(t):
        return MECHANISM
    elif named and (
        _BETTER_THAN_IT.search(t)
        or (signals.options >= 2 and (_BETWEEN.search(t) or _AGAINST_EACH_OTHER.search(t) or _RESULTS_DIFFER.search(t)))
    ):
        return COMPARISON
    return None
