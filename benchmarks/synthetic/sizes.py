"""The named sizes of a synthetic plan (klein, typisch, stad, grens, groot) and their scaling."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Size:
    """How much a synthetic plan holds; `descriptive` indicator lines come on top of the quantitative ones."""

    name: str
    numbering: str
    strategic: int
    operational: int
    results: int
    actions: int
    quantitative: int
    descriptive: int
    years: int
    budget_lines_per_year: int


SIZES: dict[str, Size] = {
    "klein": Size("klein", "klassiek", 3, 10, 30, 60, 8, 12, 3, 4),
    "typisch": Size("typisch", "klassiek", 5, 29, 77, 120, 50, 100, 6, 6),
    "stad": Size("stad", "BBC", 15, 100, 0, 1000, 300, 100, 6, 14),
    # The largest plan planrapport reads (workbook/reading/plan_size.py): 2.000 actions, 1.000 indicators.
    "grens": Size("grens", "BBC", 30, 200, 0, 2000, 750, 250, 6, 14),
    "groot": Size("groot", "BBC", 150, 1000, 0, 10000, 3000, 1000, 6, 40),
}
REPORT_YEAR = 2023


def scaled(size: str, factor: float) -> Size:
    """A size with every count multiplied by `factor` (for scaling checks between the named sizes)."""
    spec = SIZES[size]

    def grow(value: int) -> int:
        return max(1, round(value * factor))

    return replace(
        spec,
        name=f"{size}x{factor:g}",
        strategic=grow(spec.strategic),
        operational=grow(spec.operational),
        results=grow(spec.results) if spec.results else 0,
        actions=grow(spec.actions),
        quantitative=grow(spec.quantitative),
        descriptive=grow(spec.descriptive),
    )
