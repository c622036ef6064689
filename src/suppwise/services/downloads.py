"""The kinds of file a trial can be downloaded as, and the file itself: plain values with no
renderer behind them, so a shell can name them in its options at start-up for nothing (the CLI's
`--format` choices); `services.files` makes the bytes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ReportFormat(StrEnum):
    """The report's formats: the JSON contract, a page, a PDF and a FHIR R4 Bundle."""

    JSON = "json"
    HTML = "html"
    PDF = "pdf"
    FHIR = "fhir"


@dataclass(frozen=True)
class DownloadFile:
    body: bytes
    media_type: str
    filename: str
