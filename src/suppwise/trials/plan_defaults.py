"""A plan's defaults, declared once and cheap to import: the plan's own fields (`trials.plan`) and so
the plan request every shell sends take them, and the CLI shows them in its help without loading
the plan models at start-up."""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Design(StrEnum):
    AB = "ab"
    ABAB = "abab"


BASELINE_DAYS: Final = 14
DAYS_PER_STEP: Final = 3
DESIGN: Final = Design.ABAB
BLOCK_DAYS: Final = 14
PAIRS: Final = 2
WASHOUT_DAYS: Final = 3
