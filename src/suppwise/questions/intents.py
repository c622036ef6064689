"""The intents a question can have, in a module of their own: the frame modules that `intent` reads
(asked_how, asked_ways, asked_whether, asked_shapes, families, leftover_shapes, question_frames, taking_it)
return one of them, and importing the enum from here rather than from `intent` keeps them free of a cycle."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Intent"]


class Intent(StrEnum):
    """What a question asks, one primary intent per question (docs/question-corpus.md §2)."""

    EFFECT = "effect"
    CURE = "cure"
    SAFETY = "safety"
    INTERACTION = "interaction"
    SIDE_EFFECTS = "side_effects"
    DOSING = "dosing"
    ADMINISTRATION = "administration"
    SOURCES = "sources"
    COMPARISON = "comparison"
    ALTERNATIVES = "alternatives"
    MECHANISM = "mechanism"
    DEFINITION = "definition"
    RESOURCES = "resources"
    UNKNOWN = "unknown"
