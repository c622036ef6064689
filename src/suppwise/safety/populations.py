"""Recognising special populations (pregnancy, breastfeeding, children, older adults) in a question
and in a population record, so "is it safe while pregnant?" reaches the pregnancy caution and "my 3
year old" the children's one.

Ages and life stages are read as the screen reads a profile's age: under 18 is a child, 65 or over an
older adult (`CHILD_BELOW_AGE`, `OLDER_FROM_AGE`). The population is that of the person the question
is about: a child mentioned in passing ("letters to my kids", "my kids would be better off") places
nobody, nor does a nursing mother's baby (she is the one taking it), nor an adult's childhood ("had
seizures as a child"), nor a son or daughter given an adult age ("my son is 19").
"""

from __future__ import annotations

import re

CHILD_BELOW_AGE = 18
OLDER_FROM_AGE = 65

POPULATION_CUES: dict[str, re.Pattern[str]] = {
    # "expecting" alone means a baby only when a person is expecting and nothing else is named:
    # "now I'm expecting", "she's expecting again", not "I'm expecting a parcel".
    "pregnancy": re.compile(
        r"\b(pregnan\w*|expecting a baby|trying to conceive|trying for a baby|ttc|"
        r"(i m|im|i am|she s|she is|we re|we are|wife|wife s|partner|partner s|girlfriend) expecting"
        r"(?= again| twins| and| so| but| can| could| is| should| now|$))\b"
    ),
    "breastfeeding": re.compile(r"\b(breast ?feed\w*|breast milk|nursing|lactating|lactation|chest ?feed\w*)\b"),
    "children": re.compile(r"\b(child\w*|kids?|teen\w*|adolescen\w*|infants?|toddlers?|my (son|daughter))\b"),
    "older adults": re.compile(r"\b(elderly|older (adults?|people)|seniors?)\b"),
}

_RELATIVE = (
    r"(son|daughter|boy|girl|child|kid|grandson|granddaughter|grandchild|nephew|niece|baby|toddler|mum|mom|mother|"
    r"dad|father|husband|wife|partner|gran|grandma|grandad|grandpa|nan|granny|aunt|uncle|brother|sister)"
)
_AGE = (
    r"(?P<age>\d{1,3}) ?(?:-| )?(?:year|yr|years|yrs)s?(?: |-)?old|(?P<age2>\d{1,3}) ?yo\b|"
    r"\baged? (?P<age3>\d{1,3})\b|\((?P<age4>\d{1,3})\)|"
    r"\b(?:i am|i m|im|she is|she s|he is|he s|they are|who is|is now|turned|turning) (?P<age5>\d{1,3})\b(?! ?(?:g|"
    r"mg|kg|"
    r"weeks|days|months|minutes|hours|percent|times|%|stone|lbs|cm|kilos|grams))|"
    r"\b" + _RELATIVE + r" (?:is|s|who is|aged) (?P<age6>\d{1,3})\b|"
    r"\bin (?:my|her|his|their) (?P<decade>[5-9]0)s\b"
)
_AGE_RE = re.compile(_AGE)
_MONTHS_OLD = re.compile(r"\b\d{1,2} ?(?:month|months|week|weeks) old\b")
_CHILD_WORDS = re.compile(
    r"\b(toddlers?|babies|baby|infants?|teenagers?|teenage|teens?|adolescents?|kids?|children|child|"
    r"youngsters?|pre ?teens?|schoolchildren|my (son|daughter|boy|girl|grandson|granddaughter))\b"
)
_OLDER_WORDS = re.compile(
    r"\b(elderly|older (adults?|people|person|patients?|women|men)|seniors?|senior citizens?|pensioners?|oaps?|"
    r"over (65|70|75|80|sixty five|seventy|eighty)s?|geriatric|in old age|old age|aged parent)\b"
)
# A child named only in passing: the subject of the question is someone else.
_PASSING = re.compile(
    r"\b(to|for|from|about|with|without|of|around|like|than|and) (my|our|the) (kids|children|son|daughter|grandkids|"
    r"grandchildren)\b(?! (take|have|use|try|drink|eat|on|who|with|if|safely|glutamine))|"
    r"\b(my|our) (kids|children|son|daughter) (would|will|could|might|deserve|are|is|keep|say|says|think|thinks|"
    r"mean|love|need)\b(?! (take|have|use|try|ok|safe|allowed|be (ok|fine|safe)))|"
    r"\bas a (child|kid|teenager|teen|baby)\b|\bwhen i was (a )?(child|kid|teenager|teen|little|young)\b|"
    r"\b(nursing|breastfeeding|feeding|breast feeding) (my|a|the|her) (\d+ ?(month|week|months|weeks) old|baby|"
    r"newborn|infant|son|daughter|little one)\b|"
    r"\b(while|when) (nursing|breastfeeding|pregnant|breast feeding)\b"
)


def _ages(text: str) -> list[int]:
    ages: list[int] = []
    for match in _AGE_RE.finditer(text):
        decade = match.group("decade")
        if decade:
            ages.append(int(decade))
            continue
        value = next((match.group(g) for g in ("age", "age2", "age3", "age4", "age5", "age6") if match.group(g)), None)
        if value is not None and 0 < int(value) < 120:
            ages.append(int(value))
    return ages


def populations_in(text: str) -> set[str]:
    """The special populations a piece of (normalised, lower-case) text places its subject in."""
    found = {name for name in ("pregnancy", "breastfeeding") if POPULATION_CUES[name].search(text)}
    ages = _ages(text)
    if any(age < CHILD_BELOW_AGE for age in ages) or _MONTHS_OLD.search(text):
        found.add("children")
    if any(age >= OLDER_FROM_AGE for age in ages):
        found.add("older adults")
    if _OLDER_WORDS.search(text):
        found.add("older adults")
    adult_relative = any(CHILD_BELOW_AGE <= age < OLDER_FROM_AGE for age in ages)
    passing = _PASSING.sub(" ", text)
    if "breastfeeding" in found:
        passing = re.sub(r"\b\d{1,2} ?(month|months|week|weeks) old\b", " ", passing)
        if not any(age < CHILD_BELOW_AGE for age in ages if age > 1):
            found.discard("children")
    if _CHILD_WORDS.search(passing) and not adult_relative:
        found.add("children")
    return found


def population_matches(record_text: str, question: str) -> bool:
    """True when a population record and a question speak of the same population."""
    return bool(record_populations(record_text) & populations_in(question))


def record_populations(record_text: str) -> set[str]:
    """The populations a record's name speaks of ("Children and adolescents" → children)."""
    text = record_text.lower()
    return {name for name, pattern in POPULATION_CUES.items() if pattern.search(text)}
