"""The mechanism paths of an answer as one SVG diagram: each path a row of boxes joined by arrows
marked + (raises) or − (lowers), ending in what the path would do to the outcome.

Presentation attributes only (no style attributes), so the diagram works under a Content-Security-
Policy that forbids inline styles; text goes through Jinja autoescape.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from jinja2 import Environment, PackageLoader, select_autoescape

from suppwise.questions.answer_model import Answer, MechanismOut
from suppwise.render import view

CHAR_PX: Final = 7.0
BOX_PAD: Final = 10.0
ARROW_PX: Final = 44.0
ROW_PX: Final = 64.0
BOX_H: Final = 30.0


@dataclass(frozen=True)
class _Box:
    x: float
    w: float
    cx: float
    label: str
    fill: str


@dataclass(frozen=True)
class _Arrow:
    x1: float
    x2: float
    cx: float
    sign: str
    color: str


@dataclass(frozen=True)
class _Row:
    y: float
    caption: str
    boxes: list[_Box]
    arrows: list[_Arrow]
    right: float


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("suppwise.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def _row(answer: Answer, mechanism: MechanismOut, y: float) -> _Row:
    names = [mechanism.steps[0].subject_name] + [step.object_name for step in mechanism.steps]
    boxes: list[_Box] = []
    arrows: list[_Arrow] = []
    x = 4.0
    for index, label in enumerate(names):
        width = len(label) * CHAR_PX + 2 * BOX_PAD
        fill = "#e8f0fa" if index == 0 else "#f6f6f6" if index < len(names) - 1 else "#fdf3dc"
        boxes.append(_Box(round(x, 1), round(width, 1), round(x + width / 2, 1), label, fill))
        x += width
        if index < len(mechanism.steps):
            sign = mechanism.steps[index].sign
            color, shown = ("#1e6b34", "+") if sign == "+" else ("#a01a2a", "−")
            arrows.append(_Arrow(round(x + 2, 1), round(x + ARROW_PX - 2, 1), round(x + ARROW_PX / 2, 1), shown, color))
            x += ARROW_PX
    caption = f"{view.mechanism_effect(answer, mechanism)} ({view.certainty_label(mechanism.certainty)} certainty)"
    return _Row(y, caption, boxes, arrows, x)


def mechanism_svg(answer: Answer) -> str | None:
    shown, _ = view.shown_mechanisms(answer)
    shown = [m for m in shown if m.steps]
    if not shown:
        return None
    rows = [_row(answer, m, 22 + i * ROW_PX) for i, m in enumerate(shown)]
    width = int(max(max(r.right for r in rows), max(len(r.caption) * 6.2 for r in rows)) + 8)
    height = int(22 + len(rows) * ROW_PX - 18)
    subject = rows[0].boxes[0].label
    desc = "; ".join(f"{m.text}: {view.mechanism_effect(answer, m)}" for m in shown)
    return (
        _environment()
        .get_template("mechanisms.svg.j2")
        .render(rows=rows, width=width, height=height, box_h=BOX_H, subject=subject, desc=desc)
    )
