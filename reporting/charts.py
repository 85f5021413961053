"""Charts for the report: a line chart per quantitative indicator and an action-status chart per objective."""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import pickle
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reporting import formatting
from reporting.rollups import NO_FOLLOW_UP, NOT_FILLED
from reporting.trends import Point, format_value

if TYPE_CHECKING:
    import pandas as pd

    from reporting.rollups import PlanRollup

# Part of every cache key: change it when the drawing changes, so no old picture is served.
STYLE_VERSION = "2"
DPI = 200
PALETTE = 64
# Inches: 14 cm wide, as the report places them, so a point in the picture is a point on paper.
LINE_SIZE = (5.5, 2.4)
STATUS_WIDTH = 5.5
INK = "#1F3864"  # the workbook's title blue: near-black in print
GREY = "#6E6E6E"
TARGET = "#A0410D"
# Below this many charts a process pool costs more to start than it saves: spawned workers (Windows, macOS)
# import matplotlib again first; forked ones (Linux) start in milliseconds with everything imported.
POOL_THRESHOLD = 60
FORK_POOL_THRESHOLD = 12
_MEMORY: dict[str, bytes] = {}
_MEMORY_LIMIT = 2000

# Status bars: fill and hatching per word of the Status list (by position), so that they stay apart in black
# and white; an empty white bar is an action without follow-up.
_STATUS_STYLES = (
    ("#D9D9D9", "\\\\\\"),  # Niet gestart
    ("#BDD7EE", "///"),  # In voorbereiding
    ("#5B9BD5", ""),  # In uitvoering
    ("#1F3864", ""),  # Afgerond
    ("#F4B183", "xx"),  # Stopgezet
)
_OTHER_STATUS_STYLE = ("#C9C9C9", "++")
_GAP_STYLES = {NOT_FILLED: ("#FFFFFF", ".."), NO_FOLLOW_UP: ("#FFFFFF", "")}
_DARK_FILLS = {"#5B9BD5", "#1F3864"}


@dataclass(frozen=True)
class Chart:
    png: bytes
    alt_text: str


@dataclass(frozen=True)
class PlannedChart:
    """A chart not drawn yet: what drawing it takes, and its text alternative (known without drawing)."""

    kind: str  # "line" | "status"
    spec: Mapping[str, object]
    alt_text: str


# ---- indicator line charts ----

def indicator_chart(trend: Mapping[str, object], *, cache_dir: Path | None = None) -> Chart:
    """The line chart of one row of the trend table (reporting.trends): values by year, partial periods
    hollow and starred, the baseline as a dashed line, the target as a star, the projection dash-dotted."""
    spec = _line_spec(trend)
    return Chart(_cached("line", spec, cache_dir), _line_alt_text(spec))


def indicator_charts(
    trends: pd.DataFrame, *, workers: int | None = None, cache_dir: Path | None = None
) -> dict[str, Chart]:
    """A chart per quantitative indicator with at least one value, by indicator code. Many charts are drawn
    in a pool of processes (`workers`, default: the number of cores, or 1 inside a worker process; 1 draws
    here)."""
    lines, _ = planned_charts(trends, None, ())
    return dict(zip(lines, draw_charts(lines.values(), workers=workers, cache_dir=cache_dir), strict=True))


def planned_charts(
    trends: pd.DataFrame | None, rollup: PlanRollup | None, status_codes: Iterable[str]
) -> tuple[dict[str, PlannedChart], dict[str, PlannedChart]]:
    """The line charts of `indicator_charts` and the status charts of the objectives `status_codes`, by code,
    planned but not drawn: a document draws only those it shows, all at once, with `draw_charts`."""
    rows = trends.to_dict("records") if trends is not None else []
    lines = {}
    for row in rows:
        if _drawable(row):
            spec = _line_spec(row)
            lines[spec["code"]] = PlannedChart("line", spec, _line_alt_text(spec))
    bars = {}
    for code in status_codes if rollup is not None else ():
        spec = _status_spec(rollup, code)
        bars[code] = PlannedChart("status", spec, _status_alt_text(spec))
    return lines, bars


def draw_charts(
    planned: Iterable[PlannedChart], *, workers: int | None = None, cache_dir: Path | None = None
) -> list[Chart]:
    """The pictures of `planned`, in that order; drawn in one pool when there are many, the slower status
    charts first."""
    planned = list(planned)
    jobs = sorted(((c.kind, c.spec) for c in planned), key=lambda job: job[0] != "status")
    pictures = _pictures(jobs, workers, cache_dir)
    return [Chart(pictures[_key(c.kind, c.spec)], c.alt_text) for c in planned]


def _pictures(jobs: list[tuple[str, dict]], workers: int | None, cache_dir: Path | None) -> dict[str, bytes]:
    """The picture of every (kind, spec) by cache key: from the caches, else drawn here or in a pool."""
    pictures: dict[str, bytes] = {}
    missing = []
    for kind, spec in jobs:
        key = _key(kind, spec)
        found = _lookup(key, cache_dir)
        if found is None:
            missing.append((key, kind, spec))
        else:
            pictures[key] = found
    if workers is None:
        # Inside a worker of a batch (which already keeps every core busy) draw here; else use every core.
        workers = 1 if multiprocessing.parent_process() is not None else os.cpu_count() or 1
    forked = (multiprocessing.get_start_method(allow_none=True) or multiprocessing.get_all_start_methods()[0]) == "fork"
    if workers > 1 and len(missing) >= (FORK_POOL_THRESHOLD if forked else POOL_THRESHOLD):
        chunk = max(1, len(missing) // (workers * 4))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            drawn = list(pool.map(_draw, [(kind, spec) for _, kind, spec in missing], chunksize=chunk))
    else:
        drawn = [_draw((kind, spec)) for _, kind, spec in missing]
    for (key, _, _), png in zip(missing, drawn, strict=True):
        _store(key, png, cache_dir)
        pictures[key] = png
    return pictures


def _draw(job: tuple[str, Mapping[str, object]]) -> bytes:
    kind, spec = job
    return _draw_line(spec) if kind == "line" else _draw_status(spec)


def _drawable(row: Mapping[str, object]) -> bool:
    return bool(row["quantitative"]) and any(p.value is not None for p in row["points"])


def _line_spec(trend: Mapping[str, object]) -> dict[str, object]:
    """The figures a line chart needs, as plain values: the cache key and what a pool process receives."""
    points = tuple(Point(*p) for p in trend["points"] if p[3] is not None)
    return {
        "code": trend["code"], "text": trend["text"], "unit": trend["unit"] or "",
        "points": tuple((p.period, p.year, p.partial, p.value, p.share) for p in points),
        "baseline": _pair(trend["baseline_year"], trend["baseline_value"]),
        "baseline_origin": trend["baseline_origin"] or "",
        "target": _pair(trend["target_year"], trend["target_value"]),
        "projection": _pair(trend["projection_year"], trend["projection_value"]),
        "compared": _pair(trend["compared_year"], trend["compared_value"]),
        "verdict": trend["verdict"] or "",
    }


def _pair(year: object, value: object) -> tuple[int, float] | None:
    if value is None or year is None:
        return None
    return int(year), float(value)


def _line_alt_text(spec: Mapping[str, object]) -> str:
    unit = spec["unit"]
    values = []
    for period, _, partial, value, share in spec["points"]:
        text = f"{period}: {format_value(value, unit)}"
        if share is not None:
            text += f" ({formatting.percent(share, 1)})"
        if partial:
            text += ", deel van een jaar"
        values.append(text)
    parts = [f"Lijngrafiek van de indicator {spec['code']}, {spec['text']}. Waarden per jaar: {'; '.join(values)}."]
    if spec["baseline"]:
        year, value = spec["baseline"]
        word = "Nulmeting" if spec["baseline_origin"] == "nulmeting" else "Eerste meting als nulmeting"
        parts.append(f"{word}: {format_value(value, unit)} in {year}.")
    if spec["target"]:
        year, value = spec["target"]
        parts.append(f"Streefwaarde: {format_value(value, unit)} tegen {year}.")
    if spec["projection"]:
        year, value = spec["projection"]
        parts.append(f"De lijn door de volledige jaren komt in {year} uit op {format_value(value, unit)}.")
    if spec["verdict"]:
        parts.append(f"Oordeel: {spec['verdict']}.")
    return " ".join(parts)


class _Canvas:
    """One figure per process, cleared and reused: creating a figure costs more than drawing a small chart."""

    def __init__(self, size: tuple[float, float]) -> None:
        import matplotlib

        matplotlib.use("Agg", force=False)
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=size, dpi=DPI)
        self.canvas = FigureCanvasAgg(self.figure)

    def png(self) -> bytes:
        import matplotlib
        from PIL import Image

        # Hinting bends letters to a screen's pixel grid; at this resolution it only costs time (a sixth).
        with matplotlib.rc_context({"text.hinting": "no_hinting"}):
            self.canvas.draw()
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        # A chart is a few colours and their anti-aliased edges: a palette of 64 looks the same and makes the
        # picture (and the report, and zipping it) less than half as large. The lightest colour is the paper.
        picture = image.convert("RGB").quantize(PALETTE, method=Image.Quantize.FASTOCTREE)
        palette = picture.getpalette()[: 3 * PALETTE]
        lightest = max(range(len(palette) // 3), key=lambda i: sum(palette[3 * i: 3 * i + 3]))
        palette[3 * lightest: 3 * lightest + 3] = [255, 255, 255]
        picture.putpalette(palette)
        buffer = io.BytesIO()
        # Fast compression: the pictures are small either way, and encoding was a third of the time.
        picture.save(buffer, format="PNG", compress_level=1, dpi=(DPI, DPI))
        return buffer.getvalue()


_CANVASES: dict[tuple[float, float], _Canvas] = {}


def _canvas(size: tuple[float, float]) -> _Canvas:
    if size not in _CANVASES:
        _CANVASES[size] = _Canvas(size)
    canvas = _CANVASES[size]
    canvas.figure.clear()
    return canvas


def _style(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GREY)
    ax.tick_params(colors="#262626", labelsize=8.5, length=3, color=GREY)
    ax.set_axisbelow(True)


class _LineCanvas(_Canvas):
    """The line chart's figure and axes, made once per process: each chart only swaps the lines and texts,
    which keeps the axes' tick objects (their creation is most of what a fresh figure costs)."""

    def __init__(self) -> None:
        super().__init__(LINE_SIZE)
        self.ax = self.figure.add_axes((0.1, 0.2, 0.7, 0.68))
        _style(self.ax)
        self.ax.grid(axis="y", color="#D9D9D9", linewidth=0.6)

    def reset(self):
        for artist in (*self.ax.lines, *self.ax.texts, *self.figure.texts):
            artist.remove()
        return self.ax


_LINE_CANVAS: list[_LineCanvas] = []


def _line_canvas() -> _LineCanvas:
    if not _LINE_CANVAS:
        _LINE_CANVAS.append(_LineCanvas())
    return _LINE_CANVAS[0]


def _draw_line(spec: Mapping[str, object]) -> bytes:
    from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

    canvas = _line_canvas()
    figure = canvas.figure
    ax = canvas.reset()
    unit = spec["unit"]
    points = spec["points"]
    baseline, target, projection = spec["baseline"], spec["target"], spec["projection"]
    full = [(year, value, share) for _, year, partial, value, share in points if not partial]
    partial = [(year, value, share, period) for period, year, is_partial, value, share in points if is_partial]
    extras = [e for e in (baseline, target, projection) if e]
    years = [p[1] for p in points] + [e[0] for e in extras]
    values = [p[3] for p in points] + [e[1] for e in extras]
    first, last = min(years), max(years)
    low, high = min(values), max(values)
    bottom = 0.0 if low >= 0 else low - (high - low) * 0.1
    top = high + (high - bottom) * 0.2 or 1.0
    ax.set_ylim(bottom, top)
    ax.set_xlim(first - 0.5, last + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10], min_n_ticks=3))
    # The axis carries plain numbers (and % for percentages); the unit is its label.
    axis_unit = unit if unit.strip().casefold() in ("percentage", "%") else ""
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _tick(v, axis_unit)))
    partial_years = {p[0] for p in partial}
    # Every year while they fit; over a long stretch whole years at a step MaxNLocator chooses.
    years_shown = FixedLocator(list(range(first, last + 1))) if last - first <= 12 else MaxNLocator(
        nbins=8, integer=True)
    ax.xaxis.set_major_locator(years_shown)
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda v, _: f"{round(v)}*" if round(v) in partial_years else f"{round(v)}"))
    span = top - bottom
    margin = _margin_labels(baseline, target, span, spec["baseline_origin"], unit)
    side = ax.get_yaxis_transform()  # x in axes fractions, y in data: labels in the right margin
    if baseline:
        ax.axhline(baseline[1], color=GREY, linestyle=(0, (5, 3)), linewidth=1.0, zorder=1)
        ax.text(1.02, margin["baseline"], margin["baseline_text"], transform=side, color=GREY, fontsize=8,
                va="center", ha="left")
    if projection and full and projection[0] > full[-1][0]:
        ax.plot([full[-1][0], projection[0]], [full[-1][1], projection[1]], color=INK, linestyle=(0, (6, 2, 1, 2)),
                linewidth=1.0, zorder=2)
        middle = ((full[-1][0] + projection[0]) / 2, (full[-1][1] + projection[1]) / 2)
        ax.text(middle[0], middle[1] - span * 0.06, f"trend: {format_value(projection[1], unit)}",
                color=INK, fontsize=8, ha="center", va="top")
    if target:
        ax.plot([target[0]], [target[1]], marker="*", markersize=12, color=TARGET, markeredgecolor="black",
                markeredgewidth=0.5, linestyle="none", zorder=4)
        ax.axhline(target[1], color=TARGET, linestyle=(0, (1, 2)), linewidth=0.9, zorder=1)
        ax.text(1.02, margin["target"], margin["target_text"], transform=side, color=TARGET, fontsize=8,
                va="center", ha="left")
    if full:
        ax.plot([p[0] for p in full], [p[1] for p in full], color=INK, marker="o", markersize=5,
                linewidth=1.8, zorder=3)
    if partial:
        ax.plot([p[0] for p in partial], [p[1] for p in partial], linestyle="none", marker="s", markersize=5.5,
                markerfacecolor="white", markeredgecolor=INK, markeredgewidth=1.3, zorder=3)
    references = [e[1] for e in (baseline, target) if e]
    for year, value, share, *rest in [*full, *partial]:
        label = format_value(value, unit) + (f" ({formatting.percent(share, 0)})" if share is not None else "")
        above = _label_above(value, references, span, bottom, target is not None and target[0] == year and
                             target[1] >= value)
        ax.text(year, value + (span if above else -span) * 0.05, label + ("*" if rest else ""), fontsize=8.5,
                ha="center", va="bottom" if above else "top", color="#262626", zorder=5,
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    if unit and not axis_unit:  # above the axis, from the left edge: wide numbers never push it off the picture
        figure.text(0.015, 0.9, unit, fontsize=8, color="#262626", ha="left", va="bottom")
    if partial:
        periods = "; ".join(period for *_, period in partial)
        figure.text(0.1, 0.02, f"* deel van een jaar, niet vergelijkbaar met volledige jaren: {periods}",
                    fontsize=7.5, color="#262626", ha="left", va="bottom", style="italic")
    return canvas.png()


def _label_above(value: float, references: list[float], span: float, bottom: float, star_above: bool) -> bool:
    """A value's label goes above its point, unless a baseline or target line (or the target's star) is just
    there and the space below is free."""
    def crowded(sign: int) -> bool:
        return any(0 <= (ref - value) * sign < span * 0.14 for ref in references)

    if star_above or crowded(1):
        return crowded(-1) or value - span * 0.14 < bottom
    return True


@lru_cache(maxsize=4096)
def _tick(value: float, unit: str) -> str:
    return format_value(value, unit)


def _margin_labels(
    baseline: tuple[int, float] | None, target: tuple[int, float] | None, span: float, origin: str, unit: str
) -> dict[str, object]:
    """Texts and heights of the baseline and target labels beside the plot, pushed apart when they touch."""
    labels: dict[str, object] = {}
    if baseline:
        word = "nulmeting" if origin == "nulmeting" else "eerste meting"
        labels.update(baseline=baseline[1], baseline_text=f"{word}\n{format_value(baseline[1], unit)} ({baseline[0]})")
    if target:
        labels.update(target=target[1], target_text=f"streefwaarde\n{format_value(target[1], unit)} ({target[0]})")
    if baseline and target:
        gap = span * 0.2
        if abs(target[1] - baseline[1]) < gap:
            middle = (target[1] + baseline[1]) / 2
            upper = target[1] >= baseline[1]
            labels["target"] = middle + (gap / 2 if upper else -gap / 2)
            labels["baseline"] = middle - (gap / 2 if upper else -gap / 2)
    return labels


# ---- status chart per strategic objective ----

def status_chart(rollup: PlanRollup, code: str, *, cache_dir: Path | None = None) -> Chart:
    """Actions per status for the operational objectives under one strategic objective (or the objective
    itself when it has none), as horizontal stacked bars with hatching, counts written in the bars."""
    spec = _status_spec(rollup, code)
    return Chart(_cached("status", spec, cache_dir), _status_alt_text(spec))


def _status_spec(rollup: PlanRollup, code: str) -> dict[str, object]:
    objective = rollup.objective(code)
    rows = rollup.children(code) or (objective,)
    words = [w for w in rollup.status_words if any(r.by_status.get(w) for r in rows)]
    return {
        "code": code,
        "title": objective.title,
        "rows": tuple((r.code, tuple(r.by_status.get(w, 0) for w in words)) for r in rows),
        "words": tuple(words),
        "styles": tuple(_status_style(w, rollup.status_words) for w in words),
        "year": rollup.year,
    }


def _status_style(word: str, words: tuple[str, ...]) -> tuple[str, str]:
    if word in _GAP_STYLES:
        return _GAP_STYLES[word]
    position = words.index(word)
    return _STATUS_STYLES[position] if position < len(_STATUS_STYLES) else _OTHER_STATUS_STYLE


def status_charts(rollup: PlanRollup, *, cache_dir: Path | None = None) -> dict[str, Chart]:
    """A status chart per strategic objective, by objective code."""
    _, bars = planned_charts(None, rollup, [o.code for o in rollup.strategic])
    return dict(zip(bars, draw_charts(bars.values(), cache_dir=cache_dir), strict=True))


def _status_alt_text(spec: Mapping[str, object]) -> str:
    year = f" in {spec['year']}" if spec["year"] else ""
    parts = []
    for code, counts in spec["rows"]:
        found = [f"{n} {w[:1].lower()}{w[1:]}" for w, n in zip(spec["words"], counts, strict=True) if n]
        parts.append(f"{code}: {', '.join(found) if found else 'geen acties'}")
    return f"Staafgrafiek van de acties per status{year} onder {spec['code']}, {spec['title']}. " + "; ".join(
        parts) + "."


def _draw_status(spec: Mapping[str, object]) -> bytes:
    from matplotlib.ticker import MaxNLocator

    rows = spec["rows"]
    height = 0.9 + 0.34 * len(rows)
    canvas = _canvas((STATUS_WIDTH, height))
    figure = canvas.figure
    legend_space = 0.55 / height
    ax = figure.add_axes((0.13, legend_space + 0.28 / height, 0.84, 1 - legend_space - 0.38 / height))
    _style(ax)
    labels = [code for code, _ in rows]
    positions = list(range(len(rows)))[::-1]
    totals = [sum(counts) for _, counts in rows]
    widest = max(totals + [1])
    left = [0] * len(rows)
    handles = []
    for index, (word, (colour, hatch)) in enumerate(zip(spec["words"], spec["styles"], strict=True)):
        counts = [counts[index] for _, counts in rows]
        bars = ax.barh(positions, counts, left=left, height=0.62, color=colour, hatch=hatch,
                       edgecolor="#262626", linewidth=0.6, label=word)
        handles.append(bars)
        dark = colour in _DARK_FILLS
        for position, start, count in zip(positions, left, counts, strict=True):
            if count and count / widest > 0.045:
                ax.text(start + count / 2, position, str(count), ha="center", va="center", fontsize=8,
                        color="white" if dark else "black", fontweight="bold",
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": colour, "edgecolor": "none"}
                        if hatch else None)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    for position, total in zip(positions, totals, strict=True):
        ax.text(total + widest * 0.01, position, f"{total}", va="center", ha="left", fontsize=8, color=GREY)
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, widest * 1.08)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    ax.xaxis.set_major_formatter(lambda v, _: formatting.number(v))
    ax.grid(axis="x", color="#D9D9D9", linewidth=0.6)
    ax.set_xlabel("aantal acties", fontsize=8.5, color="#262626")
    if handles:
        figure.legend(handles=handles, loc="lower center", ncol=min(len(handles), 4), fontsize=8, frameon=False,
                      handlelength=1.6, handleheight=1.1, columnspacing=1.2, bbox_to_anchor=(0.55, 0.0))
    return canvas.png()


# ---- cache by data hash ----

@lru_cache(maxsize=1)
def _drawing_version() -> str:
    """Our style and the matplotlib that draws: a picture from another version is never reused."""
    from importlib.metadata import version

    return f"{STYLE_VERSION}/{version('matplotlib')}/{DPI}"


def _key(kind: str, spec: Mapping[str, object]) -> str:
    payload = pickle.dumps((_drawing_version(), kind, sorted(spec.items())), protocol=4)
    return hashlib.sha256(payload).hexdigest()


def _lookup(key: str, cache_dir: Path | None) -> bytes | None:
    if key in _MEMORY:
        return _MEMORY[key]
    if cache_dir is not None:
        path = Path(cache_dir) / f"{key}.png"
        try:
            png = path.read_bytes()
        except OSError:
            return None
        _remember(key, png)
        return png
    return None


def _store(key: str, png: bytes, cache_dir: Path | None) -> None:
    _remember(key, png)
    if cache_dir is None:
        return
    folder = Path(cache_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{key}.{os.getpid()}.tmp"
        temporary.write_bytes(png)
        os.replace(temporary, folder / f"{key}.png")
    except OSError:
        pass  # a cache that cannot be written only costs time


def _remember(key: str, png: bytes) -> None:
    if len(_MEMORY) >= _MEMORY_LIMIT:
        _MEMORY.pop(next(iter(_MEMORY)))
    _MEMORY[key] = png


def _cached(kind: str, spec: Mapping[str, object], cache_dir: Path | None) -> bytes:
    key = _key(kind, spec)
    found = _lookup(key, cache_dir)
    if found is None:
        found = _draw_line(spec) if kind == "line" else _draw_status(spec)
        _store(key, found, cache_dir)
    return found


def clear_cache() -> None:
    """Forget the pictures drawn in this process (the disk cache, if any, stays)."""
    _MEMORY.clear()


def chart_codes(trends: pd.DataFrame) -> list[str]:
    """The indicators `indicator_charts` draws a chart for."""
    return [row["code"] for row in trends.to_dict("records") if _drawable(row)]
