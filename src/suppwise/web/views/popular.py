"""The questions the home page offers first: the first wording of several seed questions (the
frequently asked questions of the two source articles, tests/test_seed_questions.py `CASES`), so
every one of them is known to get the right intent and verdict from the bundled evidence base.
A test asks each of them and requires an answer."""

from __future__ import annotations

from typing import Final

POPULAR_QUESTIONS: Final[tuple[str, ...]] = (
    "Does glutamine increase pain in fibromyalgia?",  # fm-pain
    "What does glutamine do for depression?",  # depression-effect
    "Is glutamine safe for everyone?",  # safe-for-everyone
    "How much glutamine should I take for fibromyalgia?",  # dose
    "What are the potential side effects of glutamine?",  # side-effects
    "Can glutamine interact with other medications?",  # interactions
    "Is glutamine the same as glutamate?",  # definition
    "Should glutamine be taken on an empty stomach or with food?",  # administration
    "Which foods contain glutamine?",  # foods
    "What alternatives to glutamine could improve gut health in fibromyalgia?",  # gut-alternatives
)
