"""One outcome's diary as an inline SVG chart: the daily scores over the protocol's phases.

A clinician reads it to see what the numbers in the report rest on, so it shows the raw days, not a
smoothed curve: the line breaks wherever a day is missing (joining across a gap would invent the
days between), the phases are shaded with fills and hatches that survive a greyscale printer, and
the baseline mean is drawn so a change can be judged by eye. Geometry is computed here; the SVG text
comes from a Jinja2 template with autoescape, because titles carry names from user data.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from suppwise.render.html import environment
from suppwise.trials.report_model import OutcomeReport, PhaseSpan


@dataclass(frozen=True)
class PhaseStyle:
    """How a phase is drawn: a short band label, a legend entry, and its fill (a colour or a pattern)."""

    short: str
    legend: str  # the words after the band label in the legend: "On supplement", "W washout"
    fill: str
    pattern: str | None = None


# Lightness differs between the solid fills (on darkest, baseline light, off white) and the
# two non-compared phases are hatched, so the bands stay distinct on a black-and-white printout.
PHASE_STYLES: Final[dict[str, PhaseStyle]] = {
    "baseline": PhaseStyle("B", "baseline", "#e3e3e3"),
    "titration": PhaseStyle("T", "titration", "#ffffff", pattern="hatch"),
    "on": PhaseStyle("On", "supplement", "#b3cde8"),
    "off": PhaseStyle("Off", "supplement", "#ffffff"),
    "washout": PhaseStyle("W", "washout", "#ffffff", pattern="cross"),
}
UNKNOWN_PHASE: Final = PhaseStyle("?", "unplanned", "#ffffff")

FONT_PX: Final = 11
CHAR_PX: Final = 6.2  # average advance of an 11 px sans-serif character, to keep labels from colliding
MARGIN_LEFT: Final = 56
MARGIN_RIGHT: Final = 14
MARGIN_TOP: Final = 20
MARGIN_BOTTOM: Final = 46
VALUE_PAD: Final = 7  # scores at the scale's ends are drawn this far inside the plot, not on its edge
MAX_X_TICKS: Final = 8
MARKERS_UP_TO_DAYS: Final = 120  # above this many days a dot marks only a day standing alone
TICK_STEPS_DAYS: Final = (1, 2, 7, 14, 28, 56, 91, 182, 364)
MONTH_TICKS_FROM_DAYS: Final = 120
LEGEND_LEFT: Final = 8.0
LEGEND_CHAR_PX: Final = 5.7  # the legend is set at 10 px
LEGEND_GAP: Final = 12.0
LEGEND_ROW: Final = 15

XY = tuple[float, float]


@dataclass(frozen=True)
class Band:
    x: str
    width: str
    fill: str
    phase: str


@dataclass(frozen=True)
class Label:
    x: str
    y: str
    text: str
    anchor: str = "middle"


@dataclass(frozen=True)
class Tick:
    """An axis tick: where its grid line or tick mark sits, and its label."""

    pos: str
    label: Label


@dataclass(frozen=True)
class Point:
    x: str
    y: str


@dataclass(frozen=True)
class LegendItem:
    x: str
    x_mid: str
    x_end: str
    text_x: str
    kind: str  # "band", "line" or "mean"
    fill: str
    short: str  # the band label, in bold, as it appears over the band
    text: str


@dataclass(frozen=True)
class LegendRow:
    items: list[LegendItem]
    text_y: str
    swatch_y: str
    line_y: str


@dataclass(frozen=True)
class ChartGeometry:
    """Everything the template draws, already placed and rounded to one decimal."""

    id: str
    width: int
    height: int
    title: str
    desc: str
    plot_x: str
    plot_y: str
    plot_w: str
    plot_h: str
    plot_right: str
    plot_bottom: str
    tick_end: str
    bands: list[Band]
    band_labels: list[Label]
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    lines: list[str]
    points: list[Point]
    point_r: str
    mean_y: str | None
    mean_label: Label | None
    mean_box: tuple[str, str, str, str] | None  # x, y, width, height of the label's backing
    direction: str
    direction_x: str
    direction_y: str
    empty_label: Label | None
    legend: list[LegendRow]
    patterns: list[str]


def _n(value: float) -> str:
    """A coordinate with one decimal at most, which keeps a 366-day chart small."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "outcome"


def _y_step(low: float, high: float) -> float:
    span = high - low
    for step in (1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0):
        if span / step <= 6:
            return step
    return span / 5


def _y_ticks(low: float, high: float) -> list[float]:
    step = _y_step(low, high)
    first = step * -(-low // step)
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(value)
        value += step
    return ticks


def _date_label(day: date) -> str:
    return f"{day:%b} {day.day}"


def _tick_days(first: date, last: date) -> list[date]:
    """A few dates to label: every few days or weeks from the start for a short trial; the first of
    every month or few months for a long one, where "Feb 26, Apr 22" would be hard to read."""
    n_days = (last - first).days + 1
    if n_days <= MONTH_TICKS_FROM_DAYS:
        step = next((s for s in TICK_STEPS_DAYS if n_days / s <= MAX_X_TICKS), TICK_STEPS_DAYS[-1])
        return [first + timedelta(days=i) for i in range(0, n_days, step)]
    months = [date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1) for i in range(14)]
    starts = [m for m in months if first <= m <= last]
    every = -(-len(starts) // MAX_X_TICKS)
    return starts[::every]


def _runs(days: list[date]) -> list[list[date]]:
    """Consecutive days grouped into runs; a missing day starts a new run."""
    runs: list[list[date]] = []
    for day in days:
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _merged(phases: list[PhaseSpan]) -> list[tuple[str, date, date]]:
    """Adjacent spans of the same phase (titration steps, back-to-back off blocks) as one band."""
    merged: list[tuple[str, date, date]] = []
    for span in sorted(phases, key=lambda s: s.start):
        if merged and merged[-1][0] == span.phase and span.start - merged[-1][2] == timedelta(days=1):
            merged[-1] = (span.phase, merged[-1][1], span.end)
        else:
            merged.append((span.phase, span.start, span.end))
    return merged


def _overlaps(box: tuple[float, float, float, float], marks: list[tuple[float, float]], lines: list[list[XY]]) -> int:
    """How many points and line segments a label box would cover (segments by their bounding box)."""
    left, top, right, bottom = box
    hits = sum(1 for x, y in marks if left - 3 <= x <= right + 3 and top - 3 <= y <= bottom + 3)
    for run in lines:
        for (ax, ay), (bx, by) in itertools.pairwise(run):
            if min(ax, bx) <= right and max(ax, bx) >= left and min(ay, by) <= bottom and max(ay, by) >= top:
                hits += 1
    return hits


def _label_spot(
    marks: list[XY],
    lines: list[list[XY]],
    line_y: float,
    width: float,
    height: float,
    plot: tuple[float, float, float, float],
) -> XY:
    """Where the baseline-mean label covers the fewest scores. It hugs the dashed line when it can
    (just above, then just below, right-hand end first); when the scores crowd the line everywhere
    it moves to the clearest band of the plot, where its colour still ties it to the line."""
    x0, y0, x1, y1 = plot
    near = [line_y - height - 1, line_y + 2]
    away = [y0 + 2 + i * height for i in range(int((y1 - y0 - 4) // height))]
    tops = [t for t in near if y0 + 1 <= t and t + height <= y1 - 1]
    tops += sorted((t for t in away if t + height <= y1 - 1), key=lambda t: abs(t + height / 2 - line_y))
    slots = 12
    best: tuple[int, int, int, XY] | None = None
    for t_rank, top in enumerate(tops):
        for slot in range(slots + 1):
            left = x1 - 2 - width - slot * (x1 - x0 - width - 4) / slots
            score = (_overlaps((left, top, left + width, top + height), marks, lines), t_rank, slot, (left, top))
            if best is None or score[:3] < best[:3]:
                best = score
    return best[3] if best is not None else (x1 - 2 - width, max(y0 + 1, line_y - height - 1))


def _legend(chart_id: str, phases: list[str], width: int, *, scores: bool, mean: bool) -> list[list[LegendItem]]:
    """One entry per phase drawn, then the score line and the baseline mean, in as many rows as
    the width needs (a row is laid out by estimated text width, so entries never overlap)."""
    entries: list[tuple[str, str, str, str, float]] = []  # kind, fill, short, text, swatch width
    for phase in phases:
        style = PHASE_STYLES.get(phase, UNKNOWN_PHASE)
        fill = f"url(#{chart_id}-{style.pattern})" if style.pattern else style.fill
        entries.append(("band", fill, style.short, style.legend, 13.0))
    if scores:
        entries.append(("line", "", "", "daily score", 18.0))
    if mean:
        entries.append(("mean", "", "", "baseline mean", 18.0))
    rows: list[list[LegendItem]] = [[]]
    cursor = LEGEND_LEFT
    for kind, fill, short, text, swatch in entries:
        chars = len(short) + 1 + len(text) if short else len(text)
        item_width = swatch + 4 + chars * LEGEND_CHAR_PX
        if rows[-1] and cursor + item_width > width - 4:
            rows.append([])
            cursor = LEGEND_LEFT
        rows[-1].append(
            LegendItem(
                _n(cursor),
                _n(cursor + swatch / 2),
                _n(cursor + swatch),
                _n(cursor + swatch + 4),
                kind,
                fill,
                short,
                text,
            )
        )
        cursor += item_width + LEGEND_GAP
    return rows


def _describe(outcome: OutcomeReport, recorded: int, first: date | None, last: date | None) -> str:
    direction = "higher is worse" if outcome.higher_is_worse else "higher is better"
    period = f" from {first.isoformat()} to {last.isoformat()}" if first and last else ""
    days = (last - first).days + 1 if first and last else 0
    mean = (
        f"baseline mean {outcome.baseline_mean:.1f}"
        if outcome.baseline_mean is not None
        else "no baseline mean (no baseline scores)"
    )
    return (
        f"{outcome.name}: daily scores on a {outcome.low:g} to {outcome.high:g} scale ({direction}), "
        f"{recorded} of {days} days recorded{period}; {mean}; verdict: {outcome.analysis.verdict_text}."
    )


def _geometry(outcome: OutcomeReport, phases: list[PhaseSpan], width: int, height: int) -> ChartGeometry:
    chart_id = f"chart-{_slug(outcome.field)}"
    merged = _merged(phases)
    used_phases = list(dict.fromkeys(phase for phase, _, _ in merged))
    recorded = sorted((p.day, p.value) for p in outcome.series if p.value is not None)
    all_days = [p.day for p in outcome.series] + [d for s in phases for d in (s.start, s.end)]
    first, last = (min(all_days), max(all_days)) if all_days else (None, None)
    has_mean = outcome.baseline_mean is not None and first is not None
    legend = _legend(chart_id, used_phases, width, scores=bool(recorded), mean=has_mean)
    x0, x1 = float(MARGIN_LEFT), float(width - MARGIN_RIGHT)
    y0, y1 = float(MARGIN_TOP), float(height - MARGIN_BOTTOM - LEGEND_ROW * (len(legend) - 1))
    low, high = outcome.low, outcome.high if outcome.high > outcome.low else outcome.low + 1
    n_days = (last - first).days + 1 if first and last else 1
    column = (x1 - x0) / n_days

    def x_of(day: date) -> float:
        assert first is not None
        return x0 + ((day - first).days + 0.5) * column

    def y_of(value: float) -> float:
        return y1 - VALUE_PAD - (value - low) / (high - low) * (y1 - y0 - 2 * VALUE_PAD)

    bands: list[Band] = []
    band_labels: list[Label] = []
    if first is not None:
        for phase, start, end in merged:
            style = PHASE_STYLES.get(phase, UNKNOWN_PHASE)
            left = x0 + (start - first).days * column
            band_width = ((end - start).days + 1) * column
            fill = f"url(#{chart_id}-{style.pattern})" if style.pattern else style.fill
            bands.append(Band(_n(left), _n(band_width), fill, phase))
            if band_width >= len(style.short) * CHAR_PX + 2:
                band_labels.append(Label(_n(left + band_width / 2), _n(y0 - 6), style.short))

    y_ticks = [Tick(_n(y_of(v)), Label(_n(x0 - 5), _n(y_of(v) + 4), f"{v:g}", "end")) for v in _y_ticks(low, high)]

    x_ticks: list[Tick] = []
    if first is not None and last is not None:
        for day in _tick_days(first, last):
            x = x_of(day)
            anchor = "start" if x - x0 < 18 else "end" if x1 - x < 18 else "middle"
            x_ticks.append(Tick(_n(x), Label(_n(x), _n(y1 + 15), _date_label(day), anchor)))

    value_of = dict(recorded)
    runs = [run for run in _runs(list(value_of)) if len(run) > 1]
    lines_xy = [[(x_of(d), y_of(value_of[d])) for d in run] for run in runs]
    lines = [" ".join(f"{_n(x)},{_n(y)}" for x, y in run) for run in lines_xy]
    # On a long trial a dot per day adds nothing the line does not show and costs the PDF most of
    # its drawing; only days standing alone between missing ones keep a dot there.
    on_a_line = {day for run in runs for day in run} if n_days > MARKERS_UP_TO_DAYS else set()
    points = [Point(_n(x_of(d)), _n(y_of(v))) for d, v in recorded if d not in on_a_line]

    mean_y: str | None = None
    mean_label: Label | None = None
    mean_box: tuple[str, str, str, str] | None = None
    if outcome.baseline_mean is not None and first is not None:
        line_y = y_of(outcome.baseline_mean)
        text = f"baseline mean {outcome.baseline_mean:.1f}"
        box_w, box_h = len(text) * CHAR_PX + 6, FONT_PX + 3.0
        marks = [(x_of(d), y_of(v)) for d, v in recorded]
        left, top = _label_spot(marks, lines_xy, line_y, box_w, box_h, (x0, y0, x1, y1))
        mean_y = _n(line_y)
        mean_label = Label(_n(left + box_w - 3), _n(top + box_h - 3.5), text, "end")
        mean_box = (_n(left), _n(top), _n(box_w), _n(box_h))

    empty = Label(_n((x0 + x1) / 2), _n((y0 + y1) / 2), "no scores recorded") if not recorded else None

    return ChartGeometry(
        id=chart_id,
        width=width,
        height=height,
        title=f"{outcome.name}: daily scores",
        desc=_describe(outcome, len(recorded), first, last),
        plot_x=_n(x0),
        plot_y=_n(y0),
        plot_w=_n(x1 - x0),
        plot_h=_n(y1 - y0),
        plot_right=_n(x1),
        plot_bottom=_n(y1),
        tick_end=_n(y1 + 4),
        bands=bands,
        band_labels=band_labels,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        lines=lines,
        points=points,
        point_r="2.5" if n_days <= MARKERS_UP_TO_DAYS else "1.6",
        mean_y=mean_y,
        mean_label=mean_label,
        mean_box=mean_box,
        direction="higher is worse" if outcome.higher_is_worse else "higher is better",
        direction_x="14",
        direction_y=_n((y0 + y1) / 2),
        empty_label=empty,
        legend=[
            LegendRow(items, _n(y1 + 36 + r * LEGEND_ROW), _n(y1 + 27 + r * LEGEND_ROW), _n(y1 + 32 + r * LEGEND_ROW))
            for r, items in enumerate(legend)
        ],
        patterns=sorted({s.pattern for p in used_phases if (s := PHASE_STYLES.get(p)) and s.pattern}),
    )


def outcome_chart_svg(outcome: OutcomeReport, phases: list[PhaseSpan], *, width: int = 720, height: int = 240) -> str:
    """The outcome's daily scores over the phase bands, as an inline `<svg role="img">` element
    with a `<title>` and a `<desc>` that say in words what the chart shows."""
    geometry = _geometry(outcome, phases, width, height)
    return environment().get_template("trial_chart.svg.j2").render(g=geometry).strip()
