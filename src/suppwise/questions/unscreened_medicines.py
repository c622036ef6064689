"""A medicine the base lacks, named beside one it knows, said in the interaction answer (issue 12 §3;
fifth try-out, docs/question-understanding.md).

"fibro, ibs, migraines and anxiety, on amitriptyline and propranolol, is magnesium safe" was answered
"No interaction between magnesium and amitriptyline is recorded": the answer went by the medicine
the base knows and never said that propranolol, which the base lacks, had not been looked at. Asked
alone ("on propranolol, is magnesium ok") the same medicine is said to be unknown; beside a known one
it vanished, and the answer read as if every medicine named had been screened. Now the interaction
answer about the known medicines ends with the ones it could not screen.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["unscreened_sentence"]


def unscreened_sentence(unknown_medicines: Sequence[str], substance: str) -> str:
    """" 'propranolol' is not in the evidence base, so ..." for the medicines named that the base lacks
    (at most three, as the answer names unknown terms elsewhere); empty when there are none."""
    shown = list(dict.fromkeys(unknown_medicines))[:3]
    if not shown:
        return ""
    terms = ", ".join(f"'{t}'" for t in shown)
    verb, it = ("is", "it interacts") if len(shown) == 1 else ("are", "they interact")
    return f" {terms} {verb} not in the evidence base, so suppwise cannot say whether {it} with {substance}."
