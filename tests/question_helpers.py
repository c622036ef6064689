"""What the question-round tests share: the bundled base loaded once per process, and the intent a
question is read as, by the parser or by the answer a person sees. Kept here so that each round's test
file holds only its families of wordings."""

from __future__ import annotations

from functools import cache

from suppwise.evidence import EvidenceBase, bundled_data_dir, load_evidence
from suppwise.questions.answer import build_answer
from suppwise.questions.answer_model import Answer
from suppwise.questions.parse import parse


@cache
def bundled_base() -> EvidenceBase:
    """The bundled base, loaded once: hypothesis examples and parametrised cases all read the same one."""
    return load_evidence(bundled_data_dir())


def parsed_intent(text: str) -> str:
    """The intent the parser reads in `text`."""
    return parse(text, bundled_base()).intent.value


def answered_intent(text: str) -> str:
    """The intent the answer a person sees is built for (an answer may route a parse further)."""
    return str(build_answer(bundled_base(), parse(text, bundled_base())).intent)


def entity_ids(answer: Answer) -> set[str]:
    """Every entity id an answer recognised, whatever its kind."""
    return {e for ids in answer.entities.values() for e in ids}


@cache
def answered(text: str) -> Answer:
    """The answer a person sees for `text`, built once per text: a round's cases and its hypothesis
    examples ask the same wording several times."""
    return build_answer(bundled_base(), parse(text, bundled_base()))


def answered_entities(text: str) -> set[str]:
    """Every entity id the answer to `text` recognised, whatever its kind."""
    return entity_ids(answered(text))


def answered_populations(text: str) -> set[str]:
    """The populations the answer to `text` is screened for."""
    return set(answered(text).populations)
