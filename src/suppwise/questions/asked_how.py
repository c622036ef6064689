"""How a thing is asked, for resources, comparison, mechanism, cure, definition, administration and
sources, where the word-by-word rules in `intent` read the wrong part (issue 12 §3, the twenty-seventh
round, intentF19: docs/question-understanding.md).

Each family is a way of asking, whatever names fill it:

- **Reaching a helpline** ("how do i contact samaritans", "samaritans number pls", "what number do i
  text", "who else can i talk to about my meds"): how to get hold of a line or a person is where to
  find help (resources), though nothing the base holds is named, and though a medicine is what they
  would talk about. A line told as the source of advice ("the helpline nurse said 2 g, is that a
  normal amount") is no request for one: the amount checked is the question (dosing).
- **Which is better, the named options last** ("what works best for my migraines, magnesium or b2"):
  a vitamin written as a letter and a number is an option the base may not hold (guide rule 9).
  Two salts of one substance set against each other ("magnesium glycinate or citrate") are forms of
  one substance: administration (guide rule 9).
- **Why too little of it causes something** ("why does low vitamin d cause tiredness"): guide rule 1,
  why/how is mechanism whatever the verb; a lack asked about without why ("could low vitamin d be
  behind it") stays an effect (`lack_as_cause`).
- **A condition made to go away** ("is there any supplement that makes ibs go away completely"):
  cure, not a request for options (guide: cure, "make it go away"), only when a condition is named,
  so "make it all go away" is never read here.
- **What a word means, or "X = ?"** ("what does suicidal ideation mean", "neuroinflammation = just
  inflammation in the brain?"): definition, even when the base holds no entity for the word.
- **Opening it, what it goes in, where it is kept** ("can i empty the capsule into water", "best
  drink to take it in", "can i swallow it without water", "is it ok to keep it in a warm kitchen"):
  administration; asked of someone pregnant or a child with a safety word ("is it safe to open a
  capsule if im pregnant") it is whether it is safe for them (safety).
- **One form against another** ("are b12 tablets as good as the jabs"): the forms are read into the
  name, so the question read as an effect or a comparison of one substance; forms of one substance
  are administration (guide rule 9).
- **Whether a food counts towards it** ("would eggs count towards my b12"): sources.

The text read is the predicate `intent.detect_intent` reads (lower case, fillers gone, named
substances written ``zzsubstance`` and medicines ``zzmedicine``); "X = ?" is read from the question
as written, since the predicate drops the sign. Every family is searched only where a word it needs
is in the question (a set lookup first).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["asked_how_intent", "asks_what_a_word_means", "asks_which_of_named"]


# --- reaching a helpline (resources) ---
_LINES = (
    r"(the |a |an )?(samaritans|samaritan|helplines?|hotlines?|crisis (line|lines|team|number|text line)|"
    r"text (line|service)|(phone|chat|support|help|listening) (line|lines|service)|webchat|web chat|nhs 111|111)"
)
_PEOPLE = r"(someone|somebody|anyone|anybody)"
_REACH = (
    r"(contact|reach|ring|call|phone|text|email|message|get hold of|get through to|get in touch with|talk to|"
    r"speak to|chat to|chat with)"
)
_REACHES_A_LINE = _re(
    r"(how (do|can|could|would|should) (i|you|we|someone|people|one)|how to|can (i|you|we)|is it possible to|"
    r"way to) " + _REACH + r" " + _LINES + r"|"
    r"(how (do|can|could|would|should) (i|you|we)|how to) " + _REACH + r" " + _PEOPLE + r" (at|on|from|about|tonight|"
    r"now|when|who)\b|"
    r"(number|phone number|text number|email|email address) (for|of) " + _LINES + r"|"
    r"^(the )?samaritans (number|phone number|email)|"
    r"what number (do|can|should|would) (i|you|we) (text|ring|call|phone)|"
    r"is there (a|an|any) (text|phone|chat|crisis|support|help|listening) (line|service)|"
    r"who else (can|could|should|do|might) (i|we) (ask|talk to|speak to|turn to|go to|see)|"
    r"^(does|do|is|are|will|would|can|could) (the )?(samaritans|helpline|crisis line|crisis team|text line|hotline) "
    r"(number|phone number|text number|line|email|webchat|chat)\b"
)
_LINE_WORDS = frozenset(
    "samaritans samaritan helpline helplines hotline hotlines crisis number line text webchat chat else someone "
    "somebody anyone anybody".split()
)
# a line or a person told as the source of advice, then an amount checked: "the helpline nurse said 2 g, is
# that a normal amount"
_AMOUNT_TOLD_CHECKED = _re(
    r"(said|told me|told us|recommended|suggested|advised) (to take |taking )?\d+(\.\d+)? ?\w* (\w+ )?(is|would) "
    r"(that|this|it) (a |the )?(normal|usual|right|sensible|ok|okay|too much|too little|enough|standard)"
)
# --- which is better, the named options last (comparison) ---
_VITAMIN_TOKEN = r"[a-ce-z]\d{1,2}"  # "b2", "b12", "k2"; d2 and d3 are forms of vitamin d
_NAMED_LAST = _re(
    r"^(which|what|whats|what s)( one)? (\w+ ){0,2}(better|best|stronger|more effective|works? best|works? better|"
    r"helps? more|would you pick|would you go for|would you choose) (\w+ ){0,5}?(zzsubstance or " + _VITAMIN_TOKEN
    + r"|" + _VITAMIN_TOKEN + r" or zzsubstance)$"
)
_SALTS = (
    r"(glycinate|bisglycinate|citrate|threonate|l-threonate|oxide|malate|taurate|chloride|sulphate|sulfate|carbonate|"
    r"gluconate|picolinate|orotate|lactate|methylcobalamin|cyanocobalamin|hydroxocobalamin|adenosylcobalamin)"
)
_SALT_OR_SALT = re.compile(r"\b" + _SALTS + r"\b( \w+){0,2} (or|vs|versus) (\w+ ){0,2}" + _SALTS + r"\b")
# "id rather not go back on pregabalin, is gabapentin any better": the other option told before the question
_ANY_BETTER = _re(
    r"^(is|are|would|will|could|might) (zzmedicine|zzsubstance) (be )?(any|much|a lot|way|really) better$"
)
# one form of a substance set against another ("are b12 tablets as good as the jabs", "is fish oil concentrate
# better than normal fish oil capsules"): the forms are read into the name, so the question as written must hold one
_FORMS = (
    r"tablets?|capsules?|caps|pills?|powders?|liquids?|gummies|gummy|drops|sprays?|jabs?|injections?|shots?|patch|"
    r"patches|softgels?|chewables?|lozenges?|concentrate"
)
_FORM_AGAINST_FORM = _re(
    r"^(is|are|would|will|do|does) (the )?zzsubstance( \w+)? (as good as|as effective as|better than|worse than|"
    r"stronger than|more effective than|any better than) (the |a |an |normal |regular |plain |ordinary )?(zzsubstance|"
    + _FORMS + r")( \w+)?$"
)
_FORM_WORD = _re(_FORMS)
# --- why too little of it causes something (mechanism) ---
_WHY_A_LACK_CAUSES = _re(
    r"^(why|how) (does|do|would|could|can|might|will) (a |an )?(low|lack of|too little|not enough|shortage of|"
    r"deficient|deficiency in|deficiency of)( \w+){1,3} (cause|causes|lead to|leads to|make|makes|give|gives|"
    r"trigger|triggers|result in|bring on)\b|"
    r"^(why|how) (does|do|would|could|can|might|will) (a |an )?(\w+ ){1,3}(deficiency|deficiencies|shortage) (cause|"
    r"causes|lead to|leads to|make|makes|give|gives|trigger|triggers|result in|bring on)\b"
)
# --- a condition made to go away (cure) ---
_MADE_TO_GO = _re(
    r"(make|makes|made|making|help|helps) (my |your |his |her |the |their )?(\w+ ){1,3}?(go away|disappear|vanish|"
    r"clear up)( completely| for good| forever| for ever| permanently| entirely| totally)?$"
)
# --- what a word means (definition) ---
_WORD_MEANS = _re(
    r"^what (does|do) (the (word|term|phrase) )?(?!it |this |that |these |those |my |your |his |her |their |"
    r"they |you |i |we |he |she |life |living |anything |any of |existence |the point )(\w+ ){1,4}?mean\b"
    r"(?! (if|when|for|that|to|by|in|about|with|after))"
)
_EQUALS_ASKED = re.compile(r"^[a-z][a-z' /-]{2,60}?\s*=\s*(\?+|[a-z][a-z' ,/-]{0,80}\??)\s*$")
# --- opening it, what it goes in, where it is kept (administration) ---
_CASINGS = r"(capsules?|caps|softgels?|gel caps?|pills?|tablets?|zzsubstance)"
_OPENED = _re(
    r"(open|pull apart|break open|split open|cut open|twist open|pierce|prick|snip)( up| out)? (the |a |an |my |"
    r"one |each )?(zzsubstance )?" + _CASINGS + r"( of zzsubstance)?|"
    # "empty" as a verb only, with where the contents go: "the empty tub" is no capsule opened
    r"empty (out )?(the |a |an |my |one |each )?(zzsubstance )?" + _CASINGS + r"( of zzsubstance)? (out )?(into|onto|"
    r"over|in|on)"
)
_TAKEN_IN = _re(
    r"(best|right|ideal|good) (drink|liquid|thing|food) to (take|have|mix|put) (zzsubstance|it|them)( \w+)? (in|with)|"
    r"(swallow|take|have) (my |the |your )?(zzsubstance|it|them)( \w+)? without (any |a |a glass of |a drink of )?"
    r"(water|a drink|liquid|fluid)"
)
_VEHICLES = (
    r"(bottle|bottles|drink|drinks|milk|water|juice|smoothie|shake|coffee|tea|yogurt|yoghurt|porridge|oats|cereal|soup|"
    r"food|dinner|breakfast|squash|formula)"
)
_PUT_IN = _re(
    r"(put|stir|mix|add|tip|pour|sprinkle|dissolve) (my |the |some |a |his |her )?(zzsubstance|it|them)( \w+)? "
    r"(in|into|onto|on|through) (my |his |her |the |a |their |our |your )?(\w+ ){0,2}?" + _VEHICLES
)
_PLACES = (
    r"(warm|hot|cold|cool|damp|humid|sunny) (kitchen|room|place|car|cupboard|bathroom|spot)|fridge|freezer|"
    r"bathroom|car|glovebox|sun|sunlight|heat|room temperature|\d+ ?(degrees|c)"
)
_KEPT = _re(
    r"(keep|kept|keeping|store|stored|storing|leave|left|leaving) (my |the |your |our |his |her )?(zzsubstance|it|"
    r"them)( \w+)? (in|under|below|above|at|out of|near|by) (a |an |the |my |our )?" + _PLACES
)
_ADMIN_WORDS = frozenset(
    "open empty pull break split cut twist pierce prick snip drink liquid without keep kept keeping store stored "
    "storing leave left leaving put stir mix add tip pour sprinkle dissolve".split()
)
_SAFE_FOR_SOMEONE = _re(r"safe|ok|okay|alright|all right|fine|risky|dangerous|harm\w*")
# --- whether a food counts towards it (sources) ---
_COUNTS_TOWARDS = _re(
    r"(count|counts|counted) (towards|toward|as|for) (my |your |the |a |one s )?(daily |day s |days )?"
    r"(zzsubstance|source|sources|intake)"
)


def asks_what_a_word_means(text: str) -> bool:
    """Whether a sentence (normalised) asks what a word means ("what does suicidal ideation mean"): a
    question asked even when the word is a crisis's own, unlike "what does life even mean"."""
    return "mean" in text.split() and bool(_WORD_MEANS.search(text))


_WHICH_OF_NAMED = re.compile(
    r"\b(which|better|best|worse|more|most|less|stronger|safer)\b.*\bzz\w+ (or|vs|versus) zz\w+\b|"
    r"\bzz\w+ (or|vs|versus) zz\w+,? (which|what)\b|\bzz\w+ (any |much )?(better|worse|stronger|safer) than zz\w+\b"
)


def asks_which_of_named(framed: str) -> bool:
    """Whether a message (names written as their kind, "zzsubstance") asks which of two named options is better, more,
    or worse: a question asked even where the despair is in the same sentence."""
    return bool(_WHICH_OF_NAMED.search(framed))


def _resources(t: str, words: set[str], *, medicine: bool) -> str | None:
    """Reaching a helpline or a person (module docstring); a line told as the source of an amount is the
    amount checked."""
    if words.isdisjoint(_LINE_WORDS) and "who" not in words:
        return None
    if _AMOUNT_TOLD_CHECKED.search(t) and not medicine:
        return Intent.DOSING
    if _REACHES_A_LINE.search(t):
        return Intent.RESOURCES
    return None


def asked_how_intent(
    t: str,
    text: str,
    predicate: str,
    *,
    substances: int,
    options: int,
    medicine: bool,
    population: bool,
    condition: bool,
    named: bool,
    amount: Callable[[], bool],
) -> str | None:
    """The intent one of the module's families reads from `t` (the asked part, names written as their
    kind, "zzsubstance"), from `predicate` (the same before idioms are set aside: "ibs go away" reads as an
    idiom there) or from `text` (the question as written), or None. `substances` counts the base's
    substances named, `options` everything a person might take that is named; `medicine`,
    `population` and `condition` say whether one is named, `named` whether anything is; `amount`
    (asked only where a family's words are present) whether an amount is told, which makes an
    administration question a dosing one."""
    words = set(t.split())
    found = _resources(t, words, medicine=medicine)
    if found is not None:
        return found
    if options >= 2 and "better" in words and _ANY_BETTER.search(t):
        return Intent.COMPARISON
    if substances == 1 and words & {"as", "than"} and not medicine and _FORM_AGAINST_FORM.search(t) and (
        _FORM_WORD.search(text.lower())
    ):
        return Intent.ADMINISTRATION
    if "or" in words and not medicine:
        if _NAMED_LAST.search(t):
            return Intent.COMPARISON
        if substances == 1 and _SALT_OR_SALT.search(text.lower()) and not amount():
            return Intent.ADMINISTRATION
    lack = words & {"low", "lack", "little", "enough", "shortage", "deficient", "deficiency"}
    if lack and words & {"why", "how"} and _WHY_A_LACK_CAUSES.search(t) and not medicine:
        return Intent.MECHANISM
    gone = {"away", "disappear", "vanish", "clear"}
    if condition and gone & set(predicate.split()) and _MADE_TO_GO.search(predicate) and not medicine:
        return Intent.CURE
    if asks_what_a_word_means(t):
        return Intent.DEFINITION
    if "=" in text and named and not any(c.isdigit() for c in text) and _EQUALS_ASKED.match(text.lower().strip()):
        return Intent.DEFINITION
    # the supplement may go unnamed ("can i take it without water"), as long as nothing else is named
    if (substances or not named) and not medicine and not words.isdisjoint(_ADMIN_WORDS):
        asked = _OPENED.search(t) or _TAKEN_IN.search(t) or _KEPT.search(t) or _PUT_IN.search(t)
        if asked and not amount():
            if population and _SAFE_FOR_SOMEONE.search(t):
                return Intent.SAFETY
            return Intent.ADMINISTRATION
    if substances and words & {"count", "counts", "counted"} and _COUNTS_TOWARDS.search(t):
        return Intent.SOURCES
    return None
