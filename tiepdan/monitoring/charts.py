"""Charts drawn on the server as inline SVG (docs/adr/0006-charts.md): no JavaScript, no web assets,
printable, readable without a network. Pure: numbers in, markup out. Every label is escaped; the
numbers of every chart are also shown as a table next to it by the templates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 640
BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_WIDTH = 210


def _fmt(value: float) -> str:
    """The active language's number style (core/formats: 1.234,5 in Vietnamese)."""
    if float(value).is_integer():
        return number_format(int(value), force_grouping=True)
    return number_format(value, decimal_pos=1, force_grouping=True)


def _clip(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(rows: Sequence[tuple[str, float]], *, title: str, css: str = "bar") -> SafeString:
    """Horizontal bars, one per (label, value), in the given order."""
    if not rows:
        return mark_safe("")
    top = max((v for _, v in rows), default=0) or 1
    height = len(rows) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    span = WIDTH - LABEL_WIDTH - 60
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">'
        f'<title>{escape(title)}</title>'
    ]
    for i, (label, value) in enumerate(rows):
        y = BAR_GAP + i * (BAR_HEIGHT + BAR_GAP)
        width = max(1.0, span * value / top) if value else 0
        parts.append(
            f'<text class="lbl" x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 5}" text-anchor="end">'
            f"{escape(_clip(str(label)))}</text>"
            f'<rect class="{css}" x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}">'
            f"<title>{escape(str(label))}: {_fmt(value)}</title></rect>"
            f'<text class="val" x="{LABEL_WIDTH + width + 4:.1f}" y="{y + BAR_HEIGHT - 5}">{_fmt(value)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


@dataclass(frozen=True)
class Line:
    name: str
    values: Sequence[float | None]
    css: str = "s0"


def time_chart(
    labels: Sequence[str],
    lines: Sequence[Line],
    *,
    title: str,
    band: tuple[Sequence[float | None], Sequence[float | None]] | None = None,
    marker: int | None = None,
    height: int = 220,
) -> SafeString:
    """Lines over time (x = index into `labels`), an optional shaded band (low, high) and an optional
    vertical marker (e.g. where the forecast starts). A few x labels are drawn, never all."""
    n = len(labels)
    if n == 0:
        return mark_safe("")
    left, right, top_pad, bottom = 44, 12, 12, 28
    plot_w = WIDTH - left - right
    plot_h = height - top_pad - bottom
    peak = max(
        [v for line in lines for v in line.values if v is not None]
        + ([v for v in band[1] if v is not None] if band else [])
        + [1]
    )

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top_pad + plot_h - plot_h * v / peak

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">'
        f'<title>{escape(title)}</title>'
    ]
    for frac in (0, 0.5, 1):
        gy = y(peak * frac)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{WIDTH - right}" y1="{gy:.1f}" y2="{gy:.1f}"/>'
            f'<text class="axis" x="{left - 4}" y="{gy + 4:.1f}" text-anchor="end">{_fmt(round(peak * frac, 1))}</text>'
        )
    if band is not None:
        low, high = band
        upper = [(x(i), y(v)) for i, v in enumerate(high) if v is not None]
        lower = [(x(i), y(v)) for i, v in reversed(list(enumerate(low))) if v is not None]
        if upper and lower:
            points = " ".join(f"{px:.1f},{py:.1f}" for px, py in upper + lower)
            parts.append(f'<polygon class="band" points="{points}"/>')
    if marker is not None and 0 <= marker < n:
        parts.append(
            f'<line class="marker" x1="{x(marker):.1f}" x2="{x(marker):.1f}" y1="{top_pad}" y2="{top_pad + plot_h}"/>'
        )
    for line in lines:
        segment: list[str] = []
        segments: list[list[str]] = []
        for i, v in enumerate(line.values):
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x(i):.1f},{y(v):.1f}")
        if segment:
            segments.append(segment)
        for seg in segments:
            if len(seg) == 1:
                cx, cy = seg[0].split(",")
                parts.append(f'<circle class="{line.css}" cx="{cx}" cy="{cy}" r="2.5"/>')
            else:
                parts.append(f'<polyline class="line {line.css}" points="{" ".join(seg)}"/>')
    step = max(1, n // 6)
    for i in range(0, n, step):
        parts.append(
            f'<text class="axis" x="{x(i):.1f}" y="{height - 8}" text-anchor="middle">{escape(labels[i])}</text>'
        )
    # The legend sits at the top right, clear of the y-axis labels.
    legend_x = WIDTH - right - sum(24 + 6 * len(line.name) for line in lines)
    for line in lines:
        parts.append(
            f'<rect class="{line.css}" x="{legend_x}" y="2" width="10" height="8"/>'
            f'<text class="axis" x="{legend_x + 14}" y="10">{escape(line.name)}</text>'
        )
        legend_x += 24 + 6 * len(line.name)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


@dataclass(frozen=True)
class Area:
    name: str
    level: str  # css class: low | medium | high | none
    score: float | None
    link: str = ""


def choropleth(shapes: Mapping[str, str], view_box: str, areas: Mapping[str, Area], *, title: str) -> SafeString:
    """Communes coloured by risk level; `shapes` maps a commune code to an SVG path (from the agency's
    GeoJSON, projected by monitoring.geojson). A commune without data is drawn in the neutral colour."""
    parts = [
        f'<svg class="chart map" viewBox="{escape(view_box)}" role="img" aria-label="{escape(title)}">'
        f'<title>{escape(title)}</title>'
    ]
    for code, path in shapes.items():
        area = areas.get(code)
        level = area.level if area else "none"
        name = area.name if area else code
        score = " — " + _("%(score)s điểm") % {"score": _fmt(area.score)} if area and area.score is not None else ""
        shape = (
            f'<path class="area risk-{escape(level)}" d="{escape(path)}" data-code="{escape(code)}">'
            f"<title>{escape(name)}{score}</title></path>"
        )
        if area and area.link:
            shape = f'<a href="{escape(area.link)}">{shape}</a>'
        parts.append(shape)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
