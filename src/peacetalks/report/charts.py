"""Charts as inline SVG, drawn here from plain numbers: no plotting library, no script, no font
or asset fetched from anywhere. Every text is escaped; every mark has a ``<title>`` that says in
words what it shows (screen readers and hover tooltips read it).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 760
_LEFT, _RIGHT = 118, 24
_FONT = 'font-family="system-ui, DejaVu Sans, sans-serif"'
#: Colour of an actor's mark by its role (colour-blind-safe Okabe–Ito palette).
ROLE_COLOURS = {"party": "#d55e00", "mediator": "#0072b2", "guarantor": "#cc79a7", "supporter": "#009e73",
                "observer": "#7f7f7f"}
_MODEL_COLOUR = "#1d2430"


@dataclass(frozen=True)
class ActorMark:
    name: str
    role: str
    position: float
    #: capability × salience as a share of the largest possible (0–1); sets the mark's area.
    weight: float
    title: str


@dataclass(frozen=True)
class ModelMark:
    name: str
    outcome: float
    low: float | None
    high: float | None
    title: str


@dataclass(frozen=True)
class Point:
    date: dt.date
    value: float
    low: float | None
    high: float | None
    title: str


def _t(text: str) -> str:
    return escape(text, quote=True)


def _svg(height: int, label: str, body: list[str], kind: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" role="img" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" aria-label="{_t(label)}" '
            f'{_FONT} font-size="12"><title>{_t(label)}</title>' + "".join(body) + "</svg>")


def issue_chart(label: str, scale: tuple[float, float], anchors: Sequence[float],
                actors: Sequence[ActorMark], models: Sequence[ModelMark]) -> str:
    """Actors placed on an issue's scale (area ∝ capability × salience) above each model's
    predicted outcome (a diamond) and its 90 % interval (a bar)."""
    low, high = scale
    span = high - low

    def x(value: float) -> float:
        return _LEFT + (value - low) / span * (WIDTH - _LEFT - _RIGHT)

    placed = _rows(actors, x)
    row_height, top = 34, 34
    actors_bottom = top + max(1, len(placed)) * row_height
    axis_y = actors_bottom + 8
    models_top = axis_y + 34
    height = models_top + len(models) * 24 + 12
    body = [_legend(sorted({a.role for a in actors}, key=list(ROLE_COLOURS).index))]
    body.append(f'<text x="{_LEFT - 10}" y="{top + 14}" text-anchor="end" fill="#5b6472">actors</text>')
    for r, row in enumerate(placed):
        cy = top + r * row_height + row_height / 2
        for mark, radius in row:
            cx = x(mark.position)
            colour = ROLE_COLOURS.get(mark.role, "#7f7f7f")
            left = _label_left(cx, radius, mark.name)
            tx, side = (cx - radius - 3, "end") if left else (cx + radius + 3, "start")
            body.append(f'<g class="actor" data-actor="{_t(mark.name)}"><title>{_t(mark.title)}</title>'
                        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" fill="{colour}" fill-opacity=".7" '
                        f'stroke="{colour}"/>'
                        f'<text x="{tx:.1f}" y="{cy + 4:.1f}" text-anchor="{side}">{_t(mark.name)}</text></g>')
    # The scale, with a tick and the value at each anchor.
    body.append(f'<line class="axis" x1="{x(low):.1f}" x2="{x(high):.1f}" y1="{axis_y}" y2="{axis_y}" '
                'stroke="#1d2430" stroke-width="1.5"/>')
    for value in anchors:
        body.append(f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="{top - 4}" y2="{axis_y + 5}" '
                    'stroke="#d7dbe2" stroke-dasharray="2 3"/>'
                    f'<text class="anchor" x="{x(value):.1f}" y="{axis_y + 19}" text-anchor="middle">{value:g}</text>')
    body.append(f'<text x="{_LEFT - 10}" y="{models_top - 6}" text-anchor="end" fill="#5b6472">models</text>')
    for m, model in enumerate(models):
        y = models_top + m * 24 + 10
        body.append(f'<text x="{_LEFT - 10}" y="{y + 4}" text-anchor="end">{_t(model.name)}</text>')
        group = [f'<g class="model" data-model="{_t(model.name)}"><title>{_t(model.title)}</title>']
        if model.low is not None and model.high is not None:
            group.append(f'<line class="interval" x1="{x(model.low):.1f}" x2="{x(model.high):.1f}" y1="{y}" '
                         f'y2="{y}" stroke="{_MODEL_COLOUR}" stroke-opacity=".45" stroke-width="6" '
                         'stroke-linecap="round"/>')
        if math.isfinite(model.outcome):
            cx = x(model.outcome)
            group.append(f'<path class="outcome" d="M{cx:.1f} {y - 7} l7 7 l-7 7 l-7 -7 z" '
                         f'fill="{_MODEL_COLOUR}"/>')
        body.append("".join(group) + "</g>")
    return _svg(height, label, body, "issue-chart")


def _rows(actors: Sequence[ActorMark], x: Callable[[float], float]) -> list[list[tuple[ActorMark, float]]]:
    """Stack the marks in rows so that no two circles or names overlap: each goes in the first
    row where the previous name ends left of its circle."""
    rows: list[list[tuple[ActorMark, float]]] = []
    ends: list[float] = []
    for mark in sorted(actors, key=lambda a: (a.position, -a.weight)):
        radius = 3 + 12 * math.sqrt(max(mark.weight, 0.0))
        cx = x(mark.position)
        text = _text_width(mark.name) + 5
        if _label_left(cx, radius, mark.name):
            start, end = cx - radius - text, cx + radius
        else:
            start, end = cx - radius, cx + radius + text
        for r, last in enumerate(ends):
            if last + 4 <= start:
                rows[r].append((mark, radius))
                ends[r] = end
                break
        else:
            rows.append([(mark, radius)])
            ends.append(end)
    return rows


def _text_width(text: str) -> float:
    """A generous estimate of a 12 px label's width; there is no font metrics offline."""
    return 6.6 * len(text)


def _label_left(cx: float, radius: float, name: str) -> bool:
    """Names that would run past the right edge go on the circle's left."""
    return cx + radius + 5 + _text_width(name) > WIDTH


def _legend(roles: Sequence[str]) -> str:
    parts, cursor = [], float(_LEFT)
    for role in roles:
        colour = ROLE_COLOURS.get(role, "#7f7f7f")
        parts.append(f'<circle cx="{cursor + 6:.1f}" cy="12" r="6" fill="{colour}" fill-opacity=".7"/>'
                     f'<text x="{cursor + 16:.1f}" y="16">{_t(role)}</text>')
        cursor += 30 + 7 * len(role)
    parts.append(f'<text x="{WIDTH - _RIGHT}" y="16" text-anchor="end" fill="#5b6472">'
                 "area ∝ capability × salience</text>")
    return '<g class="legend">' + "".join(parts) + "</g>"


def series_chart(label: str, unit: str, points: Sequence[Point]) -> str:
    """A dated series as a line with a dot per observation and a bar for its interval."""
    height, top, bottom, left = 256, 16, 200, 56
    dates = [p.date for p in points]
    first, last = min(dates), max(dates)
    if first == last:
        first, last = first - dt.timedelta(days=30), last + dt.timedelta(days=30)
    lows = [p.low if p.low is not None else p.value for p in points]
    highs = [p.high if p.high is not None else p.value for p in points]
    # Zero is on the axis so that a move looks as large as it is; shares run to 100 %.
    share = "percent" in unit.lower() or unit.strip() == "%"
    ceiling = 100.0 if share and max(highs) <= 100 else max(highs)
    ticks = nice_ticks(min(0.0, min(lows)), ceiling)
    y_low, y_high = ticks[0], ticks[-1]

    def x(day: dt.date) -> float:
        return left + (day - first).days / (last - first).days * (WIDTH - left - _RIGHT)

    def y(value: float) -> float:
        return bottom - (value - y_low) / (y_high - y_low) * (bottom - top)

    body: list[str] = []
    _y_grid(body, ticks, y, left)
    years = [day for day in (dt.date(year, 1, 1) for year in range(first.year, last.year + 1)) if first <= day <= last]
    if len(years) < 2:  # a short series: also mark where it starts and ends
        for day, anchor in ((first, "start"), (last, "end")):
            body.append(f'<text x="{x(day):.1f}" y="{bottom + 34}" text-anchor="{anchor}" fill="#5b6472">'
                        f"{day:%Y-%m}</text>")
    for day in years:
        body.append(f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="#1d2430"/>'
                    f'<text x="{x(day):.1f}" y="{bottom + 19}" text-anchor="middle">{day.year}</text>')
    body.append(f'<line x1="{left}" x2="{WIDTH - _RIGHT}" y1="{bottom}" y2="{bottom}" stroke="#1d2430"/>'
                f'<text x="{left}" y="{height - 6}" fill="#5b6472">{_t(unit)}</text>')
    ordered = sorted(points, key=lambda p: p.date)
    line = " ".join(f"{x(p.date):.1f},{y(p.value):.1f}" for p in ordered)
    body.append(f'<polyline class="series" points="{line}" fill="none" stroke="#0072b2" stroke-width="2"/>')
    for p in ordered:
        mark = [f'<g class="point"><title>{_t(p.title)}</title>']
        if p.low is not None and p.high is not None:
            mark.append(f'<line x1="{x(p.date):.1f}" x2="{x(p.date):.1f}" y1="{y(p.low):.1f}" y2="{y(p.high):.1f}" '
                        'stroke="#0072b2" stroke-opacity=".5" stroke-width="3"/>')
        mark.append(f'<circle cx="{x(p.date):.1f}" cy="{y(p.value):.1f}" r="4" fill="#0072b2"/></g>')
        body.append("".join(mark))
    return _svg(height, label, body, "series-chart")


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high], about ``count`` of them."""
    if high <= low:
        low, high = low - 1, high + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = [start]
    while ticks[-1] < high - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


@dataclass(frozen=True)
class Cell:
    #: 0–1 utility; None where the actor takes no part.
    value: float | None
    #: True acceptable, False not, None unknown (no reservation value).
    acceptable: bool | None
    title: str


def heatmap(label: str, rows: Sequence[str], columns: Sequence[str], cells: Sequence[Sequence[Cell]]) -> str:
    """Rows × columns of utilities (darker is better for the column's actor), each marked ✓
    (acceptable), ✗ (not) or nothing (unknown)."""
    left, head, row_height = 250, 96, 24
    width = (WIDTH - left - _RIGHT) / max(1, len(columns))
    height = head + row_height * len(rows) + 28
    body = []
    for c, name in enumerate(columns):
        cx = left + (c + 0.5) * width
        body.append(f'<text x="{cx:.1f}" y="{head - 8}" transform="rotate(-40 {cx:.1f} {head - 8})">{_t(name)}</text>')
    for r, name in enumerate(rows):
        y = head + r * row_height
        room = int((left - 12) / 6.8)  # characters that fit left of the grid
        short = name if len(name) <= room else name[:room - 1] + "…"
        body.append(f'<text x="{left - 8}" y="{y + 16}" text-anchor="end"><title>{_t(name)}</title>{_t(short)}</text>')
        for c, cell in enumerate(cells[r]):
            x = left + c * width
            group = [f'<g class="cell"><title>{_t(cell.title)}</title>']
            if cell.value is None:
                group.append(f'<rect x="{x + 1:.1f}" y="{y + 1}" width="{width - 2:.1f}" height="{row_height - 2}" '
                             'fill="#f3f5f8"/>')
            else:
                shade = _shade(cell.value)
                ink = "#ffffff" if cell.value > 0.6 else "#1d2430"
                mark = {True: " ✓", False: " ✗", None: ""}[cell.acceptable]
                stroke = ' stroke="#d55e00" stroke-width="2"' if cell.acceptable is False else ""
                group.append(f'<rect x="{x + 1:.1f}" y="{y + 1}" width="{width - 2:.1f}" height="{row_height - 2}" '
                             f'fill="{shade}"{stroke}/>'
                             f'<text x="{x + width / 2:.1f}" y="{y + 16}" text-anchor="middle" fill="{ink}" '
                             f'font-size="11">{cell.value:.2f}{mark}</text>')
            body.append("".join(group) + "</g>")
    body.append(f'<text x="{left}" y="{height - 8}" fill="#5b6472">utility 0 → 1 (the actor\'s own positions); '
                "✓ acceptable, ✗ not</text>")
    return _svg(height, label, body, "heatmap")


def _shade(value: float) -> str:
    """White to deep blue as utility goes from 0 to 1."""
    share = min(max(value, 0.0), 1.0)
    start, end = (247, 251, 255), (8, 48, 107)
    rgb = (round(a + (b - a) * share) for a, b in zip(start, end, strict=True))
    return "#" + "".join(f"{v:02x}" for v in rgb)


@dataclass(frozen=True)
class Happening:
    date: dt.date
    kind: str
    title: str


def timeline_chart(label: str, events: Sequence[Happening]) -> str:
    """Events on a time axis, one lane per kind of event."""
    kinds = sorted({e.kind for e in events})
    lane, top, left = 22, 12, 96
    bottom = top + lane * len(kinds)
    height = bottom + 30
    first, last = min(e.date for e in events), max(e.date for e in events)
    if first == last:
        first, last = first - dt.timedelta(days=30), last + dt.timedelta(days=30)

    def x(day: dt.date) -> float:
        return left + (day - first).days / (last - first).days * (WIDTH - left - _RIGHT)

    body = []
    for k, kind in enumerate(kinds):
        y = top + k * lane + lane / 2
        body.append(f'<line x1="{left}" x2="{WIDTH - _RIGHT}" y1="{y}" y2="{y}" stroke="#e3e6eb"/>'
                    f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{_t(kind)}</text>')
    for e in events:
        y = top + kinds.index(e.kind) * lane + lane / 2
        body.append(f'<g class="event"><title>{_t(f"{e.date}: {e.title}")}</title>'
                    f'<circle cx="{x(e.date):.1f}" cy="{y}" r="5" fill="#0072b2" fill-opacity=".6"/></g>')
    body.append(f'<line x1="{left}" x2="{WIDTH - _RIGHT}" y1="{bottom}" y2="{bottom}" stroke="#1d2430"/>')
    for year in range(first.year, last.year + 1):
        day = dt.date(year, 1, 1)
        if first <= day <= last:
            body.append(f'<text x="{x(day):.1f}" y="{bottom + 18}" text-anchor="middle">{year}</text>')
    return _svg(height, label, body, "timeline-chart")


#: Colours of the scenario outcomes, war to settlement (Okabe–Ito).
OUTCOME_COLOURS = ("#d55e00", "#8b2c00", "#56b4e9", "#9ecae1", "#e69f00", "#009e73")


@dataclass(frozen=True)
class Layer:
    name: str
    #: One share (0–1) per month.
    values: tuple[float, ...]
    title: str


def _y_grid(body: list[str], ticks: Sequence[float], y: Callable[[float], float], left: float,
            label: str = "{:g}") -> None:
    """Horizontal grid lines across the plot, each labelled at the left."""
    for tick in ticks:
        body.append(f'<line x1="{left}" x2="{WIDTH - _RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#e3e6eb"/>'
                    f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{label.format(tick)}</text>')


def _month_axis(body: list[str], months: Sequence[str], x: Callable[[int], float], bottom: float,
                first: int = 0) -> None:
    """A tick at the first month and at every sixth month since ``first`` months before it,
    labelled with its year-month."""
    for k, month in enumerate(months):
        if k == 0 or (k + first) % 6 == 0:
            body.append(f'<line x1="{x(k):.1f}" x2="{x(k):.1f}" y1="{bottom}" y2="{bottom + 5}" stroke="#1d2430"/>'
                        f'<text x="{x(k):.1f}" y="{bottom + 19}" text-anchor="middle">{_t(month)}</text>')
    body.append(f'<line x1="{x(0):.1f}" x2="{x(len(months) - 1):.1f}" y1="{bottom}" y2="{bottom}" stroke="#1d2430"/>')


def stacked_area(label: str, months: Sequence[str], layers: Sequence[Layer]) -> str:
    """Shares that sum to one each month, stacked bottom to top in the order given."""
    height, top, bottom, left = 300, 16, 220, 56
    last = max(1, len(months) - 1)

    def x(k: int) -> float:
        return left + k / last * (WIDTH - left - _RIGHT)

    def y(share: float) -> float:
        return bottom - share * (bottom - top)

    body: list[str] = []
    _y_grid(body, (0.0, 0.25, 0.5, 0.75, 1.0), y, left, "{:.0%}")
    below = [0.0] * len(months)
    for n, layer in enumerate(layers):
        above = [b + v for b, v in zip(below, layer.values, strict=True)]
        outline = [f"{x(k):.1f},{y(v):.1f}" for k, v in enumerate(above)]
        outline += [f"{x(k):.1f},{y(v):.1f}" for k, v in reversed(list(enumerate(below)))]
        colour = OUTCOME_COLOURS[n % len(OUTCOME_COLOURS)]
        body.append(f'<g class="layer" data-outcome="{_t(layer.name)}"><title>{_t(layer.title)}</title>'
                    f'<polygon points="{" ".join(outline)}" fill="{colour}" fill-opacity=".85" stroke="#ffffff" '
                    'stroke-width=".5"/></g>')
        below = above
    _month_axis(body, months, x, bottom, first=1)  # month 1 is the first shown: ticks at 6, 12, …
    cursor, row = float(left), bottom + 40
    for n, layer in enumerate(layers):
        room = 22 + _text_width(layer.name)
        if cursor + room > WIDTH - _RIGHT:
            cursor, row = float(left), row + 18
        colour = OUTCOME_COLOURS[n % len(OUTCOME_COLOURS)]
        body.append(f'<rect x="{cursor:.1f}" y="{row - 10}" width="12" height="12" fill="{colour}"/>'
                    f'<text x="{cursor + 16:.1f}" y="{row}">{_t(layer.name)}</text>')
        cursor += room
    return _svg(max(height, row + 12), label, body, "stacked-area")


def fan_chart(label: str, unit: str, months: Sequence[str], quantiles: Mapping[str, Sequence[float]]) -> str:
    """A variable's 5–95 % and 25–75 % bands across runs and its median, month by month
    (``quantiles`` q05, q25, q50, q75, q95, index 0 = the forecast date)."""
    height, top, bottom, left = 240, 16, 190, 56
    low, high = min(quantiles["q05"]), max(quantiles["q95"])
    ticks = nice_ticks(low, high if high > low else low + 1)
    y_low, y_high = ticks[0], ticks[-1]
    last = max(1, len(months) - 1)

    def x(k: int) -> float:
        return left + k / last * (WIDTH - left - _RIGHT)

    def y(value: float) -> float:
        return bottom - (value - y_low) / (y_high - y_low) * (bottom - top)

    body: list[str] = []
    _y_grid(body, ticks, y, left)
    for lo, hi, shade, what in (("q05", "q95", ".18", "5–95 %"), ("q25", "q75", ".35", "25–75 %")):
        outline = [f"{x(k):.1f},{y(v):.1f}" for k, v in enumerate(quantiles[hi])]
        outline += [f"{x(k):.1f},{y(v):.1f}" for k, v in reversed(list(enumerate(quantiles[lo])))]
        title = f"{what} of runs, {months[-1]}: {quantiles[lo][-1]:.3g}–{quantiles[hi][-1]:.3g}"
        body.append(f'<g class="band"><title>{_t(title)}</title>'
                    f'<polygon points="{" ".join(outline)}" fill="#0072b2" fill-opacity="{shade}"/></g>')
    median = " ".join(f"{x(k):.1f},{y(v):.1f}" for k, v in enumerate(quantiles["q50"]))
    title = f"median, {months[-1]}: {quantiles['q50'][-1]:.3g}"
    body.append(f'<g class="median"><title>{_t(title)}</title>'
                f'<polyline points="{median}" fill="none" stroke="#0072b2" stroke-width="2"/></g>')
    _month_axis(body, months, x, bottom)
    body.append(f'<text x="{left}" y="{height - 6}" fill="#5b6472">{_t(unit)} · median, 25–75 % and 5–95 % of runs'
                '</text>')
    return _svg(height, label, body, "fan-chart")


@dataclass(frozen=True)
class TornadoBar:
    name: str
    #: The probability (0–1) with the parameter at its 5th and at its 95th percentile.
    low: float
    high: float
    title: str


def tornado(label: str, baseline: float, bars: Sequence[TornadoBar]) -> str:
    """One bar per parameter from the probability at its 5th percentile (light) to that at its
    95th (dark), around the baseline; widest swing on top."""
    left, top, row_height = 250, 28, 22
    bottom = top + row_height * len(bars)
    height = bottom + 40
    values = [baseline, *(b.low for b in bars), *(b.high for b in bars)]
    ticks = nice_ticks(max(0.0, min(values) - 0.01), min(1.0, max(values) + 0.01), 4)

    def x(share: float) -> float:
        return left + (share - ticks[0]) / (ticks[-1] - ticks[0]) * (WIDTH - left - _RIGHT)

    body = [f'<text x="{left}" y="14" fill="#5b6472">parameter at its</text>'
            f'<rect x="{left + 110}" y="4" width="12" height="12" fill="#9ecae1"/>'
            f'<text x="{left + 126}" y="14" fill="#5b6472">5th</text>'
            f'<rect x="{left + 160}" y="4" width="12" height="12" fill="#0072b2"/>'
            f'<text x="{left + 176}" y="14" fill="#5b6472">95th percentile</text>']
    for tick in ticks:
        body.append(f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top - 4}" y2="{bottom}" stroke="#e3e6eb"/>'
                    f'<text x="{x(tick):.1f}" y="{bottom + 16}" text-anchor="middle">{tick:.0%}</text>')
    for r, bar in enumerate(bars):
        y = top + r * row_height
        group = [f'<g class="bar" data-parameter="{_t(bar.name)}"><title>{_t(bar.title)}</title>',
                 f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{_t(bar.name)}</text>']
        ends = sorted(((bar.low, "#9ecae1"), (bar.high, "#0072b2")), key=lambda e: -abs(e[0] - baseline))
        for value, colour in ends:  # the longer first, so that the shorter shows on top of it
            start, end = sorted((x(baseline), x(value)))
            group.append(f'<rect x="{start:.1f}" y="{y + 4}" width="{max(end - start, 1.5):.1f}" '
                         f'height="{row_height - 8}" fill="{colour}" fill-opacity=".9"/>')
        body.append("".join(group) + "</g>")
    body.append(f'<line class="baseline" x1="{x(baseline):.1f}" x2="{x(baseline):.1f}" y1="{top - 6}" '
                f'y2="{bottom + 4}" stroke="#1d2430" stroke-width="1.5"/>'
                f'<text x="{left}" y="{height - 6}" fill="#5b6472">probability; the line is the forecast with every '
                f'parameter drawn ({baseline:.1%})</text>')
    return _svg(height, label, body, "tornado")
