"""A sensitivity told as a reaction names the sensitivity condition, so its warning leads
(questions/reactions.py); naming the substance as a thing does not."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.questions.vocabulary import lexicon_for

from .evidence_helpers import ask

MSG = "monosodium-glutamate"
SENSITIVITY = "msg-sensitivity"


def test_the_sensitivity_comes_from_the_conditions_name(bundled: EvidenceBase) -> None:
    assert lexicon_for(bundled).sensitivities == {MSG: SENSITIVITY}


@pytest.mark.parametrize(
    "text",
    [
        "msg gives me awful headaches, should i stay away from glutamine",
        "I get migraines from MSG. Is glutamine a problem for me?",
        "can't handle msg at all, is glutamine powder safe",
        "msg doesn't agree with me. glutamine ok?",
        "my son reacts to monosodium glutamate, can he have glutamine",
        "i break out in hives after msg, would glutamine do that too",
    ],
)
def test_a_reaction_to_msg_leads_with_the_sensitivity_warning(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert SENSITIVITY in answer.entities.get("condition", [])
    assert answer.safety_level == "avoid" and answer.summary.startswith("Avoid: glutamine")


@pytest.mark.parametrize(
    "text",
    [
        "does glutamine contain msg",
        "is msg the same thing as glutamine",
        "glutamine gives me headaches, is it like msg",
        "can msg give you headaches",
    ],
)
def test_msg_named_as_a_thing_is_msg(bundled: EvidenceBase, text: str) -> None:
    entities = parse(text, bundled).entities
    assert SENSITIVITY not in entities.get("condition", ())


_NEUTRAL = ["is", "glutamine", "the", "same", "as", "in", "food", "contain", "does", "how", "much", "a", "lot", "of"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=st.lists(st.sampled_from(_NEUTRAL), max_size=6), after=st.lists(st.sampled_from(_NEUTRAL), max_size=6))
def test_without_a_reaction_msg_never_names_the_sensitivity(
    bundled: EvidenceBase, before: list[str], after: list[str]
) -> None:
    query = parse(" ".join([*before, "msg", *after]), bundled)
    assert SENSITIVITY not in query.entities.get("condition", ())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    reaction=st.sampled_from(["msg gives me", "msg makes me", "i react to msg", "cant tolerate msg",
                              "i m intolerant to msg", "msg triggers my", "i get hives from msg"]),
    after=st.lists(st.sampled_from(["headaches", "sick", "rashes", "so", "badly", "every", "time"]), max_size=3),
)
def test_a_reaction_next_to_msg_always_names_the_sensitivity(
    bundled: EvidenceBase, reaction: str, after: list[str]
) -> None:
    query = parse(" ".join([reaction, *after, "is glutamine ok"]), bundled)
    assert SENSITIVITY in query.entities.get("condition", ())


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("i break out in hives after msg, would glutamine do that too", "side_effects"),
        ("msg makes me ill - will glutamine do the same?", "side_effects"),
        ("my friend's pain went away with magnesium, would glutamine do the same?", "effect"),
        ("I'm intolerant to msg - does that mean no glutamine for me?", "safety"),
        ("fatty liver and green tea extract - bad combo?", "safety"),
    ],
)
def test_doing_the_same_is_a_side_effect_only_after_a_reaction(bundled: EvidenceBase, text: str, intent: str) -> None:
    assert parse(text, bundled).intent.value == intent
