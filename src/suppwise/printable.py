"""What text people send may hold: any printable character, including line breaks and tabs in a
note, but no other control character and no lone surrogate. A NUL cannot be stored by PostgreSQL
(it had made the database's own error, with its address, the answer) and means nothing in a diary.

Pure, so the request models every shell builds (`suppwise.trials.requests`) check it themselves;
the web app's forms and bodies use the same rule (`suppwise.web.inputs`).
"""

from __future__ import annotations

import re
from typing import Annotated, Final

from pydantic import AfterValidator

_FORBIDDEN: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def forbidden_character(text: str) -> str | None:
    """The first character that may not appear in text people send, as `U+0000`, or None."""
    found = _FORBIDDEN.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def printable(value: str) -> str:
    """A pydantic validator: the text, or ValueError naming the control character."""
    bad = forbidden_character(value)
    if bad is not None:
        raise ValueError(f"contains the control character {bad}, which is not allowed")
    return value


PrintableText = Annotated[str, AfterValidator(printable)]
