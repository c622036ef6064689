"""The rules' fallback made visible and the learned reader confined to the `effect` default
(docs/question-understanding.md, "Fourteenth round"): the flag is set only where no rule read a cue,
the model never overrules a cue, and a question that names nothing stays `unknown`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

import suppwise.questions.learned_intent as learned_intent
from suppwise.evidence import EvidenceBase
from suppwise.questions.accuracy import predict
from suppwise.questions.intent import Intent
from suppwise.questions.parse import parse
from suppwise.textmodel import LinearTextModel


def _always(label: str) -> LinearTextModel:
    """A model sure of one intent whatever it reads, with its general override off (as shipped)."""
    rows = memoryview(bytes(1 << 4)).cast("b")
    return LinearTextModel(
        labels=(label, Intent.DEFINITION.value), bits=4, scale=1.0, bias=(50.0, 0.0), rows=(rows, rows),
        threshold=1.01, meta={},
    )


@contextmanager
def fallback_reader(model: LinearTextModel, threshold: float) -> Iterator[None]:
    """Parses inside read with `model` and the fallback reader at `threshold`."""
    shipped, shipped_threshold = learned_intent.load_model, learned_intent.FALLBACK_THRESHOLD
    learned_intent.load_model = lambda name: model if name == learned_intent.MODEL else shipped(name)  # type: ignore[assignment]
    learned_intent.FALLBACK_THRESHOLD = threshold
    try:
        yield
    finally:
        learned_intent.load_model = shipped  # type: ignore[assignment]
        learned_intent.FALLBACK_THRESHOLD = shipped_threshold


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("glutamine fibromyalgia", Intent.EFFECT),  # bare keywords: the default for what is named
        ("glutamine", Intent.DEFINITION),
        ("is it raining", Intent.UNKNOWN),
    ],
)
def test_a_default_intent_is_flagged(bundled: EvidenceBase, text: str, intent: Intent) -> None:
    query = parse(text, bundled)
    assert (query.intent, query.intent_fallback) == (intent, True)


@pytest.mark.parametrize(
    "text",
    [
        "Does glutamine increase pain in fibromyalgia?",  # a cue: increase
        "what is glutamine",  # "what is <a name>" is a cue, not a default
        "how much glutamine should I take",
        "I want to die",  # the crisis convention decides
    ],
)
def test_an_intent_read_from_a_cue_is_not_flagged(bundled: EvidenceBase, text: str) -> None:
    assert not parse(text, bundled).intent_fallback


def test_the_fallback_reader_ships_off(bundled: EvidenceBase) -> None:
    """The declared rule kept it off (+1 on fresh-g-dev, +3 needed): a sure model changes nothing."""
    assert learned_intent.FALLBACK_THRESHOLD > 1.0
    with fallback_reader(_always(Intent.SAFETY.value), learned_intent.FALLBACK_THRESHOLD):
        assert predict(bundled, "glutamine fibromyalgia").intent == Intent.EFFECT


def test_switched_on_it_reads_only_the_effect_default(bundled: EvidenceBase) -> None:
    """Switched on, a sure model replaces the `effect` default, and nothing a cue decided."""
    with fallback_reader(_always(Intent.SAFETY.value), 0.5):
        assert predict(bundled, "glutamine fibromyalgia").intent == Intent.SAFETY
        assert predict(bundled, "Does glutamine increase pain in fibromyalgia?").intent == Intent.EFFECT
        assert predict(bundled, "how much glutamine should I take").intent == Intent.DOSING
        assert predict(bundled, "glutamine").intent == Intent.DEFINITION  # a default, but not `effect`
        # the flag is the rules' reading: it says the intent was assumed, whoever assumed it
        assert parse("glutamine fibromyalgia", bundled).intent_fallback


@pytest.mark.parametrize("label", [Intent.SAFETY, Intent.DOSING, Intent.EFFECT])
def test_a_question_naming_nothing_stays_unknown(bundled: EvidenceBase, label: Intent) -> None:
    """The guard an earlier attempt over every default lacked: "is it raining" was read as safety."""
    with fallback_reader(_always(label.value), 0.5):
        assert predict(bundled, "is it raining").intent == Intent.UNKNOWN
        assert predict(bundled, "what's the weather like tomorrow").intent == Intent.UNKNOWN


@pytest.mark.parametrize("label", [Intent.UNKNOWN, Intent.RESOURCES])
def test_the_model_cannot_take_the_answer_away_from_a_named_question(bundled: EvidenceBase, label: Intent) -> None:
    with fallback_reader(_always(label.value), 0.5):
        assert predict(bundled, "glutamine fibromyalgia").intent == Intent.EFFECT
