"""The mechanism paths of an answer as one inline SVG: one row per path, the supplement in the left
column and the symptom in the right, the steps between them as boxes, each arrow marked with a
green + (raises) or a red − (lowers), and the symptom's box tinted by what the path would do to it
(ease or worsen), always with the words in the row's caption.

Made for the web page (the standalone HTML report has its own, smaller one in render/): labels wrap
onto two lines so a row stays narrow, text is large enough to read at the diagram's natural width,
and on a narrow screen the diagram scrolls sideways instead of shrinking. Only presentation
attributes (fill, stroke, font-size), never a style attribute, so it renders under a
Content-Security-Policy without 'unsafe-inline'; every label goes through Jinja's autoescape.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from suppwise.questions.answer_model import Answer, MechanismOut
from suppwise.render import view
from suppwise.web.views.pages import environment

FONT_PX: Final = 14
CHAR_PX: Final = 8.0  # a generous average advance at 14 px, so labels never overflow their box
LINE_PX: Final = 17
WRAP_CHARS: Final = 15
PAD_PX: Final = 10
BOX_H: Final = 46
ARROW_PX: Final = 52
CAPTION_PX: Final = 22
ROW_GAP: Final = 18
MARGIN: Final = 6
SIGN_COLOURS: Final[dict[str, str]] = {"+": "#1e6b34", "−": "#a3192b"}
BOX_COLOURS: Final[dict[str, tuple[str, str]]] = {
    "start": ("#e8f0f9", "#0b5394"),
    "step": ("#ffffff", "#7d8a96"),
    "helps": ("#e8f5ec", "#1c6b35"),
    "worsens": ("#fdecee", "#a3192b"),
}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    lines: tuple[str, ...]
    fill: str
    stroke: str

    @property
    def text_y(self) -> float:
        """Baseline of the first line, so one or two lines sit in the middle of the box."""
        return round(self.y + BOX_H / 2 - (len(self.lines) - 1) * LINE_PX / 2 + FONT_PX * 0.36, 1)

    @property
    def cx(self) -> float:
        return round(self.x + self.w / 2, 1)


@dataclass(frozen=True)
class Arrow:
    x1: float
    x2: float
    y: float
    sign: str
    colour: str

    @property
    def sign_x(self) -> float:
        return round(self.x1 + 16, 1)


@dataclass(frozen=True)
class Row:
    caption: str
    caption_y: float
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...]


def wrap(label: str, width: int = WRAP_CHARS) -> tuple[str, ...]:
    """At most two lines, broken between words; a second line takes all the rest."""
    words = label.split()
    first: list[str] = []
    while words and (not first or len(" ".join([*first, words[0]])) <= width):
        first.append(words.pop(0))
    return (" ".join(first), " ".join(words)) if words else (" ".join(first),)


def box_width(lines: tuple[str, ...]) -> float:
    return round(max(len(line) for line in lines) * CHAR_PX + 2 * PAD_PX, 1)


def _names(mechanism: MechanismOut) -> list[str]:
    return [mechanism.steps[0].subject_name, *(step.object_name for step in mechanism.steps)]


def _inner_width(mechanism: MechanismOut) -> float:
    """Width of the steps between the two columns, with the arrows around them."""
    middle = _names(mechanism)[1:-1]
    return sum(box_width(wrap(n)) for n in middle) + (len(middle) + 1) * ARROW_PX


def layout(answer: Answer, mechanisms: list[MechanismOut]) -> tuple[list[Row], float, float]:
    """Rows, total width and height. Columns line up: every row's first box has the width of the
    widest first box, every last box starts at the same x."""
    left = max(box_width(wrap(_names(m)[0])) for m in mechanisms)
    right = max(box_width(wrap(_names(m)[-1])) for m in mechanisms)
    right_x = MARGIN + left + max(_inner_width(m) for m in mechanisms)
    rows = []
    for index, mechanism in enumerate(mechanisms):
        top = MARGIN + index * (CAPTION_PX + BOX_H + ROW_GAP)
        y = top + CAPTION_PX
        names = _names(mechanism)
        boxes = [Box(MARGIN, y, left, wrap(names[0]), *BOX_COLOURS["start"])]
        x = MARGIN + left
        for name in names[1:-1]:
            lines = wrap(name)
            boxes.append(Box(x + ARROW_PX, y, box_width(lines), lines, *BOX_COLOURS["step"]))
            x += ARROW_PX + box_width(lines)
        end_fill, end_stroke = BOX_COLOURS.get(mechanism.effect, BOX_COLOURS["step"])
        boxes.append(Box(right_x, y, right, wrap(names[-1]), end_fill, end_stroke))
        arrows = []
        for step, (source, target) in zip(mechanism.steps, pairwise(boxes), strict=False):
            sign = "+" if step.sign == "+" else "−"
            arrows.append(Arrow(source.x + source.w + 2, target.x - 3, y + BOX_H / 2, sign, SIGN_COLOURS[sign]))
        effect = view.mechanism_effect(answer, mechanism)
        caption = f"Path {index + 1}: {effect} ({view.certainty_label(mechanism.certainty)} certainty)"
        rows.append(Row(caption, top + FONT_PX, tuple(boxes), tuple(arrows)))
    width = right_x + right + MARGIN
    height = MARGIN + len(rows) * (CAPTION_PX + BOX_H + ROW_GAP) - ROW_GAP + MARGIN
    return rows, width, height


def mechanism_diagram(answer: Answer, mechanisms: list[MechanismOut]) -> str | None:
    """The SVG for these paths (the ones the page lists), or None when none has a step."""
    shown = [m for m in mechanisms if m.steps]
    if not shown:
        return None
    rows, width, height = layout(answer, shown)
    subject = shown[0].steps[0].subject_name
    outcomes = sorted({view.mid_name(answer, m.outcome) for m in shown})
    description = "; ".join(f"path {i + 1}: {m.text}, {view.mechanism_effect(answer, m)}" for i, m in enumerate(shown))
    return (
        environment()
        .get_template("mechanism_diagram.svg.j2")
        .render(
            rows=rows,
            width=int(width + 1),
            height=int(height + 1),
            box_h=BOX_H,
            font_px=FONT_PX,
            line_px=LINE_PX,
            title=f"How {subject} could affect {' and '.join(outcomes)}, path by path",
            description=description,
        )
    )
