"""Positions over time as inline SVG: one step line per actor across an issue's scale. The
other charts come from :mod:`peacetalks.report.charts`; like them, every text is escaped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 760, 300
#: One colour per actor (Okabe–Ito, colour-blind-safe); after eight, lines are dashed too.
PALETTE = ("#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#7f7f7f")
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 150, 16, 250


@dataclass(frozen=True)
class Step:
    date: dt.date
    value: float
    title: str


@dataclass(frozen=True)
class Track:
    name: str
    steps: tuple[Step, ...]


def history_chart(label: str, scale: tuple[float, float], anchors: Sequence[float], tracks: Sequence[Track],
                  end: dt.date) -> str:
    """Each actor's position from its first coding to ``end``, held flat between codings."""
    low, high = scale
    dates = [s.date for t in tracks for s in t.steps] or [end]
    first = min(dates)
    days = max((end - first).days, 1)

    def x(day: dt.date) -> float:
        return _LEFT + (day - first).days / days * (WIDTH - _LEFT - _RIGHT)

    def y(value: float) -> float:
        return _BOTTOM - (value - low) / (high - low) * (_BOTTOM - _TOP)

    body = []
    for value in anchors:
        body.append(f'<line x1="{_LEFT}" x2="{WIDTH - _RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                    f'stroke="#e3e6eb"/><text x="{_LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">'
                    f"{value:g}</text>")
    for day, anchor in ((first, "start"), (end, "end")):
        body.append(f'<text x="{x(day):.1f}" y="{_BOTTOM + 20}" text-anchor="{anchor}" fill="#5b6472">'
                    f"{day.isoformat()}</text>")
    body.append(f'<line x1="{_LEFT}" x2="{WIDTH - _RIGHT}" y1="{_BOTTOM}" y2="{_BOTTOM}" stroke="#1d2430"/>')
    label_at = _label_heights([y(max(t.steps, key=lambda s: s.date).value) for t in tracks])
    for k, track in enumerate(tracks):
        colour = PALETTE[k % len(PALETTE)]
        dash = ' stroke-dasharray="6 3"' if k >= len(PALETTE) else ""
        steps = sorted(track.steps, key=lambda s: s.date)
        path = [f"M{x(steps[0].date):.1f} {y(steps[0].value):.1f}"]
        for later in steps[1:]:
            path.append(f"H{x(later.date):.1f} V{y(later.value):.1f}")
        path.append(f"H{x(end):.1f}")
        marks = "".join(f'<circle cx="{x(s.date):.1f}" cy="{y(s.value):.1f}" r="3.5" fill="{colour}">'
                        f"<title>{escape(s.title)}</title></circle>" for s in steps)
        label_y = label_at[k] + 4
        body.append(f'<g class="track" data-actor="{escape(track.name)}"><path d="{" ".join(path)}" fill="none" '
                    f'stroke="{colour}" stroke-width="2" stroke-opacity=".8"{dash}/>{marks}'
                    f'<text x="{WIDTH - _RIGHT + 8}" y="{label_y}" fill="{colour}">{escape(track.name)}</text></g>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart history-chart" role="img" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" aria-label="{escape(label)}" '
            f'font-family="system-ui, DejaVu Sans, sans-serif" font-size="12"><title>{escape(label)}</title>'
            + "".join(body) + "</svg>")


def _label_heights(ends: Sequence[float], gap: float = 14) -> list[float]:
    """Heights for the actor names at the right edge: at each line's end, pushed apart so that
    no two overlap."""
    order = sorted(range(len(ends)), key=lambda k: ends[k])
    placed: dict[int, float] = {}
    previous = -gap
    for k in order:
        placed[k] = max(ends[k], previous + gap)
        previous = placed[k]
    return [placed[k] for k in range(len(ends))]


def probability_chart(label: str, months: Sequence[str], series: Mapping[str, Sequence[float]],
                      bands: Mapping[str, Sequence[tuple[float, float]]]) -> str:
    """Outcome probabilities by month: one line per outcome over its 95 % Monte Carlo band."""
    right = 190

    def x(k: int) -> float:
        return _LEFT + k / max(len(months) - 1, 1) * (WIDTH - _LEFT - right)

    def y(p: float) -> float:
        return _BOTTOM - p * (_BOTTOM - _TOP)

    body = []
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        body.append(f'<line x1="{_LEFT}" x2="{WIDTH - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#e3e6eb"/>'
                    f'<text x="{_LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:.0%}</text>')
    for k in (0, len(months) - 1):
        body.append(f'<text x="{x(k):.1f}" y="{_BOTTOM + 20}" text-anchor="{"start" if k == 0 else "end"}" '
                    f'fill="#5b6472">{escape(months[k])}</text>')
    ends = [y(values[-1]) for values in series.values()]
    label_at = _label_heights(ends)
    for n, (name, values) in enumerate(series.items()):
        colour = PALETTE[n % len(PALETTE)]
        band = bands.get(name, ())
        if band:
            upper = " ".join(f"{x(k):.1f},{y(hi):.1f}" for k, (_, hi) in enumerate(band))
            lower = " ".join(f"{x(k):.1f},{y(lo):.1f}" for k, (lo, _) in reversed(list(enumerate(band))))
            body.append(f'<polygon class="band" points="{upper} {lower}" fill="{colour}" fill-opacity=".15"/>')
        line = " ".join(f"{x(k):.1f},{y(p):.1f}" for k, p in enumerate(values))
        body.append(f'<g class="outcome" data-outcome="{escape(name)}"><title>{escape(name)}: '
                    f'{values[-1]:.1%} by {escape(months[-1])}</title>'
                    f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>'
                    f'<text x="{WIDTH - right + 8}" y="{label_at[n] + 4:.1f}" fill="{colour}">{escape(name)}'
                    "</text></g>")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart probability-chart" role="img" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" aria-label="{escape(label)}" '
            f'font-family="system-ui, DejaVu Sans, sans-serif" font-size="12"><title>{escape(label)}</title>'
            + "".join(body) + "</svg>")
