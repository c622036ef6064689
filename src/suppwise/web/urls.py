"""Stable addresses for the public pages, and the one rule for their JSON twins.

Pages:
    /                       home                /substances, /conditions   the lists to browse
    /q/<slug>               an answer           /substances/<id>, /conditions/<id>   one entity
    /check                  the safety check    /docs                      the API reference

A question's slug is the question in lower case with every run of other characters turned into one
`-`: "Does glutamine increase pain in fibromyalgia?" is `/q/does-glutamine-increase-pain-in-fibromyalgia`.
The page asks the slug's words back as a question, so a link can be written by hand and any two
spellings of a question that differ only in case or punctuation share one page (and one cache entry).

The JSON twin of a page is its path with `.json` appended: `/q/<slug>.json` is the Answer,
`/substances/glutamine.json` the entity page's data, `/substances.json` the list. The home page's
path is `/`, so its twin is `/index.json` (`/.json` is served too). The twin of `/check` is
`/check.json` (the form's fields and choices); its result, the Screen, is `POST /api/v1/check`.
"""

from __future__ import annotations

import re
from typing import Final

from suppwise.questions.parse import MAX_QUESTION_CHARS

TWIN_SUFFIX: Final = ".json"
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(question: str) -> str:
    """The question's address: lower case, runs of anything but a-z and 0-9 made one `-`."""
    return _NOT_WORD.sub("-", question.lower()).strip("-")[:MAX_QUESTION_CHARS].rstrip("-")


def question_from_slug(page_slug: str) -> str:
    """The question a slug stands for, written as a person would ask it (so the answer's heading
    reads as a sentence): words separated by spaces, first letter and the word "I" capitalised, a
    question mark. (Other capitals, as in "MSG", cannot be recovered from a slug.)"""
    words = " ".join("I" if word == "i" else word for word in page_slug.split("-") if word)
    return f"{words[:1].upper()}{words[1:]}?" if words else ""


def question_url(question: str) -> str:
    return f"/q/{slug(question)}"


def twin(path: str) -> str:
    """The JSON twin of a page path."""
    return "/index.json" if path == "/" else path + TWIN_SUFFIX


def split_twin(name: str) -> tuple[str, bool]:
    """A path segment without its `.json` suffix, and whether the twin was asked for."""
    if name.endswith(TWIN_SUFFIX):
        return name.removesuffix(TWIN_SUFFIX), True
    return name, False
