"""Self-harm risk in free text: any sign of it shows crisis resources before anything else.

Deliberately over-inclusive: a false alarm costs a person one paragraph of reading, a miss could
cost far more. Matching is on folded text so spelling variants and punctuation do not hide it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

_PATTERNS = (
    r"suicid\w*",
    r"self[\s-]*harm\w*",
    r"harm(ing)?\s+my\s*self",
    r"hurt(ing)?\s+my\s*self",
    r"kill(ing)?\s+my\s*self",
    r"end(ing)?\s+(my|it)\s+(life|all)",
    r"take\s+my\s+(own\s+)?life",
    r"(want|wanting|wish)\s+(to\s+)?(be\s+)?dead",
    r"(want|wanting)\s+to\s+die",
    r"better\s+off\s+dead",
    r"no\s+reason\s+to\s+live",
    r"cut(ting)?\s+my\s*self",
    r"overdos\w*",
    r"(do not|don ?t|dont|no longer) want to (live|be alive|be here|exist|wake up)",
    r"(not|never) want(ing)? to wake up",
    r"(want|going|plan(ning)?) to (end|finish) (it|everything)",
    r"to die",
    r"kms",
    r"take all (of )?my (pills|tablets|meds|medication)",
    r"life (is not|isn ?t) worth",
    # a few other languages a person in distress may fall back on
    r"suicid\w*|suizid\w*",
    r"(je veux|envie de) mourir",
    r"(quiero|quisiera) morir(me)?",
    r"nicht mehr leben",
    r"voglio morire",
)
_CRISIS = re.compile(r"\b(" + "|".join(_PATTERNS) + r")", re.IGNORECASE)


@dataclass(frozen=True)
class CrisisResource:
    name: str
    contact: str
    region: str


# Well-established services; numbers as published by the services themselves.
CRISIS_RESOURCES: tuple[CrisisResource, ...] = (
    CrisisResource(
        "Emergency services",
        "call your local emergency number (112 in the EU, 911 in the US, 999 in the UK)",
        "everywhere",
    ),
    CrisisResource("988 Suicide & Crisis Lifeline", "call or text 988", "United States"),
    CrisisResource("Samaritans", "call 116 123 (free, 24 hours)", "United Kingdom and Ireland"),
    CrisisResource("Find A Helpline", "findahelpline.com lists free, confidential helplines by country", "worldwide"),
)


class CrisisResourceOut(BaseModel):
    """A crisis service as every result (answer, screen, report) shows it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    contact: str
    region: str


def crisis_resources_out() -> list[CrisisResourceOut]:
    return [CrisisResourceOut(name=r.name, contact=r.contact, region=r.region) for r in CRISIS_RESOURCES]


CRISIS_MESSAGE = (
    "If you are thinking about harming yourself or ending your life, please reach out for help now. "
    "You deserve support, and talking to someone can help."
)


def mentions_self_harm(text: str) -> bool:
    """True when the text shows any sign of self-harm or suicide risk."""
    folded = re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'").replace("'", ""))
    return bool(_CRISIS.search(folded) or _CRISIS.search(text.lower()))
