"""Charts: the claims behind each figure estimate, drawn as one PNG (pure: a DataFrame in, PNG bytes out).

One panel per estimate with two or more claims. Inside a panel the x axis is the report date
(one lane per date, plus an "undated" lane for claims with no report date), the y axis the
claimed value: a marker at the claim's point value (the rule of marts.fct_figure_estimates)
with a low-high error bar, its shape telling the hedge (▲ "over / at least", ▼ "up to / less
than", ◆ range, ● exact or about), its colour the source, and a label naming the claimant and
the outlet it came through. A dotted line marks the estimate's best value (the median).

No Dagster here: the asset in orchestration/defs/assets/charts.py queries the warehouse and calls
``figure_estimates_png``; tests call it on small frames.
"""
from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # no display: render to files only

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from orchestration.library.estimates import UNDATED, point_value  # noqa: E402  (the estimate's rule, shared with the brief)

MAX_PANELS = 8
# a panel with hundreds of claims is unreadable and took seconds per panel to draw
MAX_CLAIMS_PER_PANEL = 20

MARKERS = {"over": "^", "at_least": "^", "up_to": "v", "less_than": "v", "range": "D"}


def claim_label(claimed_by=None, reported_via=None, publisher=None, file_name=None) -> str:
    """Who the claim is from: "claimant via outlet", else whichever is known, else the article it is in."""
    claimed_by, reported_via, publisher, file_name = (_text(v) for v in (claimed_by, reported_via, publisher, file_name))
    if claimed_by and reported_via and claimed_by != reported_via:
        return f"{claimed_by} via {reported_via}"
    if claimed_by or reported_via:
        return claimed_by or reported_via
    where = publisher or file_name
    return f"unattributed, in {where}" if where else "unattributed"


@dataclass
class Point:
    x: float
    y: float
    low: float
    high: float
    label: str
    surface: str
    marker: str
    source: str


def _text(value) -> str:
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _date_key(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def _panels(claims: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """(title, claims) per estimate with >= 2 claims, the most-claimed first."""
    key = "estimate_id" if "estimate_id" in claims.columns else "estimate"
    groups = [(name, frame) for name, frame in claims.groupby(key, sort=False) if len(frame) >= 2]
    groups.sort(key=lambda g: (-len(g[1]), _text(g[1]["estimate"].iloc[0])))
    return [(_text(frame["estimate"].iloc[0]) or str(name), frame) for name, frame in groups]


def _thin(frame: pd.DataFrame, limit: int) -> pd.DataFrame:
    """At most ``limit`` claims, spread evenly over the sorted values so the lowest and the highest
    claim (the disagreement an analyst looks for) are always kept."""
    if len(frame) <= limit:
        return frame
    low = frame["value_low"].astype(float)
    ordered = frame.assign(_v=low).sort_values(["_v", "value_high"], kind="stable").drop(columns="_v")
    step = (len(ordered) - 1) / (limit - 1)
    return ordered.iloc[sorted({round(k * step) for k in range(limit)})]


def _layout(frame: pd.DataFrame) -> tuple[list[Point], list[tuple[float, str]], list[float]]:
    """Each claim gets its own x slot, grouped in lanes by report date; undated claims come last."""
    rows = []
    for rec in frame.to_dict("records"):
        low, high = float(rec["value_low"]), float(rec["value_high"])
        if math.isnan(high):
            high = low
        qualifier = _text(rec.get("qualifier")) or None
        label = _text(rec.get("label")) or claim_label(rec.get("claimed_by"), rec.get("reported_via"),
                                                       rec.get("publisher"), rec.get("file_name"))
        rows.append((_date_key(rec.get("report_date")), point_value(low, high, qualifier), low, high, label,
                     _text(rec.get("surface_text")), MARKERS.get(qualifier or "", "o")))
    dated = sorted({r[0] for r in rows if r[0] is not None})
    lanes = [*dated, None] if any(r[0] is None for r in rows) else dated
    points, ticks, separators = [], [], []
    x = 0.0
    for i, lane in enumerate(lanes):
        members = sorted((r for r in rows if r[0] == lane), key=lambda r: (r[1], r[4]))
        start = x
        for _, y, low, high, label, surface, marker in members:
            points.append(Point(x, y, low, high, label, surface, marker, label))
            x += 1.0
        ticks.append(((start + x - 1.0) / 2, UNDATED if lane is None else lane.strftime("%d %b %Y")))
        if i < len(lanes) - 1:
            separators.append(x - 0.25)
            x += 0.5
    return points, ticks, separators


def _number(value: float, _pos=None) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.4g}"


def draw_figure_estimates(claims: pd.DataFrame, max_panels: int = MAX_PANELS,
                          max_claims: int = MAX_CLAIMS_PER_PANEL) -> Figure:
    """The chart as a matplotlib Figure (tests inspect its texts; ``figure_estimates_png`` renders it).

    ``claims``: one row per claim with columns estimate_id (optional), estimate (panel title),
    value_low, value_high, report_date (date or empty), and either label or some of claimed_by,
    reported_via, publisher, file_name; optional qualifier, surface_text, best, n_sources.
    """
    panels = _panels(claims) if len(claims) else []
    shown = panels[:max_panels]
    if not shown:
        fig = plt.figure(figsize=(8, 2))
        fig.text(0.5, 0.5, "No figure estimate has two or more claims yet.", ha="center", va="center", fontsize=12)
        return fig

    widths = [min(len(frame), max_claims) for _, frame in shown]
    width = max(8.0, min(18.0, 2.2 + 1.25 * max(widths)))
    fig, axes = plt.subplots(len(shown), 1, figsize=(width, 3.6 * len(shown)), squeeze=False)
    palette = plt.get_cmap("tab10").colors
    for ax, (title, frame) in zip(axes[:, 0], shown):
        points, ticks, separators = _layout(_thin(frame, max_claims))
        colours = {}
        for p in points:
            colours.setdefault(p.source, palette[len(colours) % len(palette)])
        for p in points:
            colour = colours[p.source]
            ax.errorbar([p.x], [p.y], yerr=[[p.y - p.low], [p.high - p.y]], fmt=p.marker, color=colour,
                        markersize=8, capsize=5, elinewidth=1.5, zorder=3)
        best = frame["best"].dropna().iloc[0] if "best" in frame.columns and frame["best"].notna().any() else None
        if best is not None:
            ax.axhline(float(best), color="grey", linestyle=":", linewidth=1, zorder=1)
        lows = [p.low for p in points] + [p.y for p in points]
        highs = [p.high for p in points] + [p.y for p in points]
        ymin, ymax = min(lows), max(highs)
        span = (ymax - ymin) or max(abs(ymax) * 0.1, 1.0)
        ax.set_ylim(ymin - 0.9 * span, ymax + 0.9 * span)
        # labels alternate above and below so neighbours with the same value do not collide
        for i, p in enumerate(points):
            above = i % 2 == 0
            text = "\n".join(textwrap.wrap(p.label, 28))
            if p.surface:
                text += f"\n“{textwrap.shorten(p.surface, 30, placeholder='…')}”"
            ax.annotate(
                text, xy=(p.x, p.high if above else p.low), xytext=(0, 9 if above else -9),
                textcoords="offset points", ha="center", va="bottom" if above else "top", fontsize=7.5,
                color=colours[p.source], gid="claim-label",
                bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none", alpha=0.85), zorder=4,
            )
        for s in separators:
            ax.axvline(s, color="lightgrey", linewidth=1, zorder=0)
        ax.set_xticks([t for t, _ in ticks], [label for _, label in ticks])
        ax.set_xlim(-0.8, max(p.x for p in points) + 0.8)
        ax.yaxis.set_major_formatter(FuncFormatter(_number))
        ax.grid(axis="y", color="#eeeeee", zorder=0)
        # the estimate's own source count (claimant, else outlet, else article) when given
        given = frame["n_sources"].dropna() if "n_sources" in frame.columns else []
        n_sources = int(given.iloc[0]) if len(given) else len({p.source for p in _layout(frame)[0]})
        total = len(frame)
        claims_text = f"{total} claims" if total == len(points) else f"{total} claims ({len(points)} shown, lowest to highest)"
        ax.set_title(f"{title} — {claims_text} from {n_sources} source{'s' if n_sources != 1 else ''}",
                     fontsize=11, loc="left")
        ax.set_ylabel("claimed value")
    hedges = "● exact / about   ▲ over / at least   ▼ up to / less than   ◆ range   ┆ low–high   ⋯ best (median)"
    note = f"   ({len(panels) - len(shown)} more estimates not shown)" if len(panels) > len(shown) else ""
    fig.suptitle("Figure estimates: every claim by report date", fontsize=13, x=0.01, ha="left",
                 y=1 - 0.2 / fig.get_figheight(), va="top")
    fig.text(0.01, 0.005, hedges + note, fontsize=8, color="dimgrey", ha="left", va="bottom")
    # fixed margins in inches: tight_layout measured every label and took a third of the drawing time
    height = fig.get_figheight()
    fig.subplots_adjust(left=1.1 / fig.get_figwidth(), right=1 - 0.2 / fig.get_figwidth(),
                        top=1 - 0.95 / height, bottom=0.85 / height, hspace=0.5)
    return fig


def figure_estimates_png(claims: pd.DataFrame, dpi: int = 100) -> bytes:
    """The chart rendered as PNG bytes."""
    fig = draw_figure_estimates(claims)
    try:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi)
        return buffer.getvalue()
    finally:
        plt.close(fig)
