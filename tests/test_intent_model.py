"""The learned intent reader (suppwise.questions.learned_intent, docs/question-understanding.md,
"Ninth round"): the shipped file is what tools/train_text_models.py builds, it reads the way a
question is asked, and where it overrides the rules it changes the intent and nothing else."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import suppwise.questions.learned_intent as learned_intent
from suppwise.evidence import EvidenceBase
from suppwise.questions.accuracy import PARTS, TUNED, load_items, predict
from suppwise.questions.intent import Intent
from suppwise.questions.parse import Query, parse
from suppwise.safety.crisis import CrisisTier
from suppwise.textmodel import LinearTextModel, dump_model, feature_names, features, load_model, parse_model

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
READABLE = sorted({item.text for part in TUNED for name in PARTS[part] for item in load_items(CORPUS / name)})

# Written for this test, never taken from the corpus, as the model reads them (names as their kind).
UNMISTAKABLE = {
    "how many mg of zzsubstance should i take each day": Intent.DOSING,
    "can i take zzsubstance with zzdrug": Intent.INTERACTION,
    "what are the side effects of zzsubstance": Intent.SIDE_EFFECTS,
    "which foods are high in zzsubstance": Intent.SOURCES,
    "should i take zzsubstance in the morning or at night": Intent.ADMINISTRATION,
}


@contextmanager
def intent_model(model: LinearTextModel) -> Iterator[None]:
    """Parses inside read intent with `model` in place of the shipped file."""
    shipped = learned_intent.load_model
    learned_intent.load_model = lambda name: model if name == learned_intent.MODEL else shipped(name)  # type: ignore[assignment]
    try:
        yield
    finally:
        learned_intent.load_model = shipped  # type: ignore[assignment]


def test_the_shipped_intent_model_was_trained_on_the_current_data() -> None:
    """Changing the training data or the script without retraining fails here (as for crisis.bin):
    run `python tools/train_text_models.py`."""
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import train_text_models  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    model = load_model(learned_intent.MODEL)
    assert model.meta["trained_on"] == train_text_models.data_hash()
    assert (model.meta["C"], model.threshold) == (train_text_models.INTENT_C, train_text_models.INTENT_THRESHOLD)


@pytest.mark.parametrize(("text", "intent"), UNMISTAKABLE.items())
def test_the_model_reads_unmistakable_questions(text: str, intent: Intent) -> None:
    model = load_model(learned_intent.MODEL)
    assert set(model.labels) <= {i.value for i in Intent}
    probabilities = model.probabilities(text)
    assert max(probabilities, key=lambda k: probabilities[k]) == intent.value
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9


def _always(label: str) -> LinearTextModel:
    """A model sure of one intent whatever it reads."""
    rows = memoryview(bytes(1 << 4)).cast("b")
    return LinearTextModel(
        labels=(label, Intent.EFFECT.value), bits=4, scale=1.0, bias=(50.0, 0.0), rows=(rows, rows), threshold=0.9,
        meta={},
    )


def test_the_rules_alone_never_read_the_model(bundled: EvidenceBase) -> None:
    """`learned=False` is what the model is trained beside; with it on, a sure model decides."""
    text = "Is glutamine worth a go for my fibro, I'm on sertraline"
    with intent_model(_always(Intent.SOURCES.value)):
        assert parse(text, bundled, learned=False).intent is not Intent.SOURCES
        assert parse(text, bundled).intent is Intent.SOURCES


def test_a_clear_crisis_and_a_request_for_help_keep_the_rules_intent(bundled: EvidenceBase) -> None:
    with intent_model(_always(Intent.DOSING.value)):
        assert parse("I want to die", bundled).intent is Intent.UNKNOWN
        assert parse("who can I call for help tonight", bundled).intent is Intent.RESOURCES
    with intent_model(_always(Intent.RESOURCES.value)):
        assert parse("how much glutamine should I take", bundled).intent is Intent.DOSING


def _all_but_intent(query: Query) -> dict[str, object]:
    return {f.name: getattr(query, f.name) for f in fields(query) if f.name != "intent"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.sampled_from(READABLE))
def test_the_model_changes_the_intent_and_nothing_else(bundled: EvidenceBase, text: str) -> None:
    """Over the readable parts' questions, with the model overriding wherever it leans at all
    (threshold 0.5, far below the shipped one): the parse differs from the rules' in intent only;
    the answer's crisis flag, entities, populations and lead level do not move; a clear crisis and a
    request for help keep the rules' intent, and no question is given `resources` by the model."""
    shipped = load_model(learned_intent.MODEL)
    with intent_model(replace(shipped, threshold=1.01)):
        rules, rules_answer = parse(text, bundled), predict(bundled, text)
    with intent_model(replace(shipped, threshold=0.5)):
        hybrid, hybrid_answer = parse(text, bundled), predict(bundled, text)
    assert _all_but_intent(hybrid) == _all_but_intent(rules)
    assert (hybrid_answer.crisis, hybrid_answer.entities, hybrid_answer.population, hybrid_answer.lead_level) == (
        rules_answer.crisis, rules_answer.entities, rules_answer.population, rules_answer.lead_level
    )
    if rules.reading.tier is CrisisTier.CLEAR or Intent.RESOURCES in (rules.intent, hybrid.intent):
        assert hybrid.intent is rules.intent


# Every combination the design comparison tried (tools/intent_model_designs.py), and none.
FEATURE_SETS = [(), ("trigrams",), ("start", "qwords"), ("number",), ("textchars",),
                ("trigrams", "start", "qwords", "number")]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\n", max_size=120),
       st.sampled_from(FEATURE_SETS))
def test_features_are_deterministic_and_blind_to_case_and_spacing(text: str, extras: tuple[str, ...]) -> None:
    """The same question typed in capitals or with stray spaces is the same question to the model."""
    buckets = features(text, 16, extras)
    assert buckets == features(text, 16, extras) == sorted(set(buckets))
    assert buckets == features(" ".join(text.lower().split()), 16, extras)
    assert buckets == features("  " + "\t ".join(text.upper().split()) + " ", 16, extras)


def test_the_feature_families_read_what_they_name() -> None:
    text = "how much zzsubstance is 500mg a day"
    assert {"t how much zzsubstance", "s0 how", "s1 how much", "q0 how", "q is", "n"} <= feature_names(
        text, ("trigrams", "start", "qwords", "number"))
    assert "n" not in feature_names("how much zzsubstance a day", ("number",))
    assert "cw m" in feature_names(text, ("textchars",))  # across the words' boundary
    assert "cw m" not in feature_names(text)
    assert feature_names(text) <= feature_names(text, ("trigrams",))


def test_a_format_2_file_keeps_its_features_and_format_1_reads_as_before() -> None:
    """A model trained with extra families is read with them; a format 1 file (crisis.bin) with none."""
    extras = ("start", "number")
    bits = 4
    body = bytes(range(1 << bits)) + bytes(1 << bits)
    data = dump_model(["dosing", "effect"], bits, 0.5, [0.0, 0.0], body, 0.9, {"C": 1.0}, extras)
    model = parse_model(data)
    assert model.extras == extras and model.meta["format"] == "suppwise-linear-text-model/2"
    text = "how much zzsubstance 500mg"
    buckets = features(text, bits, extras)
    expected = 0.5 * sum(range(1 << bits)[b] for b in buckets) / len(buckets) ** 0.5
    assert model.margins(text)[0] == pytest.approx(expected)
    assert parse_model(dump_model(["dosing"], bits, 0.5, [0.0], bytes(1 << bits), 0.9, {})).extras == ()
    assert load_model("crisis.bin").extras == ()
    with pytest.raises(ValueError, match="unknown features"):
        parse_model(data.replace(b'"start"', b'"sparkle"'))
