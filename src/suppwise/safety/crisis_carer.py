"""Someone else's risk, told by the person who looks after them.

"my daughter cuts her arms, would omega 3 help her mood" is a crisis (the corpus guide, rule 9: crisis
resources serve carers too), but the self-harm it names is reported, not asked about: the writer wants
to help her. Withholding the whole answer, as for a question about a way to harm oneself, leaves a
carer with a refusal beside the helplines. So a self-harm way told of someone else keeps the answer
(without dose figures, as every clear-tier answer), and the message above the resources speaks to the
carer as well as to anyone at risk (docs/crisis.md, "Sixteenth round").

Read on the folded text (`crisis_text.fold`), like every crisis pattern. Not reported: a way asked
about ("how do people cut themselves", "the least painful way"), or the writer's own harm ("myself",
"my wrists") beside the other person's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["CARER_MESSAGE", "reports_someone_else"]

# The people a carer writes about: family, partners, friends, and those looked after for a living.
_OTHER = (
    r"(daughter|son|child|kid|teen|teenager|boy|girl|stepdaughter|stepson|husband|wife|partner|boyfriend|"
    r"girlfriend|fiance|fiancee|friend|best friend|mate|flatmate|roommate|housemate|mum|mom|mother|dad|father|"
    r"brother|sister|nan|gran|grandma|grandmother|grandad|grandpa|grandfather|grandson|granddaughter|niece|nephew|"
    r"cousin|aunt|uncle|student|pupil|client|patient|resident|colleague|year old|yr old|yo)s?"
)
# Someone else named as the one the message is about ("my 16 yo son", "our daughter", "my best friend"), or a
# reflexive that is not the writer's ("burns himself", "hurting herself").
_SOMEONE_ELSE = re.compile(
    rf"(?<![\w])((my|our) (\w+ ){{0,2}}{_OTHER}|himself|herself|themselves|themself)(?![\w])"
)
# Who a signal is said of: the last person named in the signal's words or the few before them. The writer ("i am
# ready to go", after "i told my daughter") or another ("my brother told me he s been cutting again").
_WRITER = r"i|me|myself|im|we|us|ourselves"
_OTHERS_SAID = (
    rf"he|she|they|him|her|his|their|hes|shes|himself|herself|themselves|themself|(my|our) (\w+ ){{0,2}}{_OTHER}"
)
_PERSON_SAID = re.compile(rf"(?<![\w])(?:(?P<writer>{_WRITER})|(?P<other>{_OTHERS_SAID}))(?![\w])")
_WORDS_BEFORE = 8
# The writer's own harm, or a way asked about: then the way is not only reported, and the answer stays withheld.
_OWN_OR_ASKED = re.compile(
    r"(?<![\w])(myself|my (wrists?|arms?|legs?|thighs?|skin|body)|(least|less|most|quickest|easiest|fastest|"
    r"surest|painless|best) (\w+ )?(way|ways|method|methods)|how (do|does|did|would|could|can|to) (\w+ ){0,3}"
    r"(cut|burn|hang|jump|harm|hurt|starve|poison|drown))(?![\w])"
)

CARER_MESSAGE = (
    "If someone you care for is harming themselves or thinking about ending their life, and they may be in "
    "danger now, call your local emergency number. The people below can also help you support them, and they "
    "are there for you too, if you are struggling yourself: you do not have to handle this alone."
)


def reports_someone_else(folded: str, spans: Iterable[tuple[int, int]]) -> bool:
    """True when a folded message tells of another person's risk: every signal (its `spans` in
    `folded`) is said of someone else, and the message neither asks about a way nor speaks of the
    writer harming themselves."""
    if not _SOMEONE_ELSE.search(folded) or _OWN_OR_ASKED.search(folded):
        return False
    spans = list(spans)
    return bool(spans) and all(_said_of_someone_else(folded, start, end) for start, end in spans)


def _said_of_someone_else(folded: str, start: int, end: int) -> bool:
    """True when the last person named in a signal's words, or in the few words before it, is not the writer."""
    before = folded[:start].split()[-_WORDS_BEFORE:]
    said = list(_PERSON_SAID.finditer(" ".join([*before, folded[start:end]])))
    return bool(said) and said[-1].group("other") is not None
