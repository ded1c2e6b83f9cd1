"""The report's charts as SVG text: no script, no external resource, so they
embed in the HTML report and in WeasyPrint's PDF alike.

Every user string is XML-escaped here; each chart is ``role="img"`` with a
``<title>`` naming it, and each bar or node its own ``<title>`` with its count.
Sizes are computed from the data only, so the same data draws the same chart.
"""

import math
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from .report_blocks import Bar, Edge

WIDTH = 640
ROW = 22  # a bar's row height
LABEL = 220  # the labels' column in horizontal bars
FONT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="12"'
PALETTE = ("#2f6f8f", "#d08a2e", "#5b8c3a", "#8c4f8c", "#b3443c", "#4a4a4a")
MAX_LABEL = 34  # characters shown of a label; its title holds it whole


def _short(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _svg(title: str, width: int, height: int, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label={quoteattr(title)} viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" {FONT}>'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _num(value: float) -> str:
    """Coordinates with at most one decimal: stable text for golden files."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bars(title: str, rows: Sequence[Bar]) -> str:
    """Horizontal bars, longest first as given: roles, choices, words, themes."""
    top = max((r.count for r in rows), default=0) or 1
    span = WIDTH - LABEL - 50
    body = []
    for i, row in enumerate(rows):
        y = i * ROW
        length = span * row.count / top
        body.append(
            f"<g><title>{escape(row.label)}: {row.count}</title>"
            f'<text x="{LABEL - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(_short(row.label))}</text>"
            f'<rect x="{LABEL}" y="{y + 3}" width="{_num(max(length, 1))}" '
            f'height="{ROW - 6}" fill="{PALETTE[0]}"/>'
            f'<text x="{_num(LABEL + length + 6)}" y="{y + 15}">{row.count}</text></g>'
        )
    return _svg(title, WIDTH, max(len(rows), 1) * ROW, body)


def columns(
    title: str, steps: Sequence[str], series: Sequence[tuple[str, Sequence[int]]]
) -> str:
    """Vertical columns per step of a scale; several series side by side (the
    comparison across meetings), with a legend when there is more than one."""
    height, base, legend = 200, 160, 18 if len(series) > 1 else 0
    top = max((c for _, counts in series for c in counts), default=0) or 1
    slot = (WIDTH - 40) / max(len(steps), 1)
    width = min(40.0, (slot - 8) / max(len(series), 1))
    body = [f'<line x1="20" y1="{base}" x2="{WIDTH - 20}" y2="{base}" stroke="#999"/>']
    for s, (name, counts) in enumerate(series):
        colour = PALETTE[s % len(PALETTE)]
        for i, count in enumerate(counts):
            x = 20 + i * slot + (slot - width * len(series)) / 2 + s * width
            h = (base - 20) * count / top
            body.append(
                f"<g><title>{escape(name)}, {escape(steps[i])}: {count}</title>"
                f'<rect x="{_num(x)}" y="{_num(base - h)}" width="{_num(width)}" '
                f'height="{_num(h)}" fill="{colour}"/>'
                f'<text x="{_num(x + width / 2)}" y="{_num(base - h - 4)}" '
                f'text-anchor="middle">{count}</text></g>'
            )
        if legend:
            body.append(
                f'<rect x="{20 + s * 150}" y="{height + 4}" width="10" height="10" '
                f'fill="{colour}"/><text x="{34 + s * 150}" y="{height + 13}">'
                f"{escape(_short(name, 20))}</text>"
            )
    for i, step in enumerate(steps):
        body.append(
            f'<text x="{_num(20 + i * slot + slot / 2)}" y="{base + 18}" '
            f'text-anchor="middle">{escape(_short(step, 18))}</text>'
        )
    return _svg(title, WIDTH, height + legend, body)


def network(title: str, nodes: Sequence[Bar], edges: Sequence[Edge]) -> str:
    """Actors on a circle in their given order (most named first, from the
    top, clockwise), sized by count; relations as lines, unclear ones dashed."""
    cx, cy, radius = WIDTH / 2, 230, 170
    top = max((n.count for n in nodes), default=0) or 1
    place: dict[str, tuple[float, float]] = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(len(nodes), 1) - math.pi / 2
        place[node.label] = (
            cx + radius * math.cos(angle),
            cy + radius * math.sin(angle),
        )
    body = []
    for edge in edges:
        if edge.source not in place or edge.target not in place:
            continue
        (x1, y1), (x2, y2) = place[edge.source], place[edge.target]
        dash = ' stroke-dasharray="5 4"' if edge.unclear else ""
        body.append(
            f"<g><title>{escape(edge.source)} – {escape(edge.target)}: "
            f"{escape(edge.relation)} ({edge.count})</title>"
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            f'stroke="#888" stroke-width="{min(1 + edge.count, 6)}"{dash}/></g>'
        )
    for node in nodes:
        x, y = place[node.label]
        r = 6 + 14 * node.count / top
        anchor = "start" if x > cx + 1 else "end" if x < cx - 1 else "middle"
        dx = r + 4 if anchor == "start" else -(r + 4) if anchor == "end" else 0
        dy = 4 if anchor != "middle" else (-r - 4 if y < cy else r + 14)
        body.append(
            f"<g><title>{escape(node.label)}: {node.count}</title>"
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" '
            f'fill="{PALETTE[1]}"/>'
            f'<text x="{_num(x + dx)}" y="{_num(y + dy)}" text-anchor="{anchor}">'
            f"{escape(_short(node.label, 24))}</text></g>"
        )
    return _svg(title, WIDTH, 2 * cy, body)
