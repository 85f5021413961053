"""The model's records (objectives, actions, follow-up, indicators, measurements, budget) from a sheet's rows."""

from __future__ import annotations

from workbook.plan import codes
from workbook.plan.model import BBC, Action, BudgetLine, FollowUp, Indicator, Measurement, Objective, Origin, Settings
from workbook.plan.numbers import parse_number, parse_year
from workbook.plan.timing import parse_timing
from workbook.reading.sheet_tables import Row, text


def _number(value: object) -> float | None:
    return parse_number(value).value


def objectives(rows: list[tuple[Row, Origin]], numbering: str) -> tuple[Objective, ...]:
    """The objectives, strategic or operational by their code, each operational one with its parent."""
    strategic = {r["code"] for r, _ in rows if codes.kind_of(r["code"], numbering) == codes.STRATEGIC}
    result = []
    for row, origin in rows:
        code = row["code"]
        level = 2 if codes.kind_of(code, numbering) == codes.OPERATIONAL else 1
        parent = None
        if level == 2:
            parent = codes.bbc_parent(code, strategic) if numbering == BBC else codes.classic_parent(code)
        result.append(
            Objective(
                code=code,
                title=text(row["title"]),
                motivation=text(row["motivation"]),
                domain=text(row["domain"]),
                level=level,
                parent_code=parent,
                origin=origin,
            )
        )
    return tuple(result)


def action(row: Row, origin: Origin, settings: Settings, operational: set[str]) -> Action:
    """An action, its timing read against the plan period and its parent found by its code."""
    code = row["code"]
    timing = parse_timing(text(row["timing"]), settings.start_year, settings.end_year)
    see_also = text(row["see_also"])
    if settings.numbering == BBC:
        parent = codes.bbc_parent(code, operational) or codes.expected_bbc_parent(code)
    else:
        parent = codes.classic_parent(code)
    return Action(
        code=code,
        title=text(row["title"]),
        timing=timing.label,
        years=timing.years or (),
        description=text(row["description"]),
        lead=text(row["lead"]),
        partners=text(row["partners"]),
        budget=text(row["budget"]),
        contact=text(row["contact"]),
        see_also=see_also,
        see_also_codes=codes.cross_references(see_also),
        parent_code=parent,
        origin=origin,
    )


def follow_up(row: Row, origin: Origin) -> FollowUp:
    """A row of blad Opvolging."""
    return FollowUp(
        action_code=row["action_code"],
        year=parse_year(row["year"]),
        status=text(row["status"]),
        progress=text(row["progress"]),
        progress_colour=text(row["progress_colour"]),
        time=text(row["time"]),
        time_colour=text(row["time_colour"]),
        money=text(row["money"]),
        money_colour=text(row["money_colour"]),
        origin=origin,
    )


def indicator(row: Row, origin: Origin) -> Indicator:
    """A row of blad Indicatoren."""
    code = row["code"]
    return Indicator(
        code=code,
        text=text(row["text"]),
        timing=" ".join(text(row["timing"]).split()).rstrip(":").strip(),
        kind=text(row["kind"]),
        unit=text(row["unit"]),
        direction=text(row["direction"]),
        norm=text(row["norm"]),
        baseline_year=parse_year(row["baseline_year"]),
        baseline_value=_number(row["baseline_value"]),
        target_year=parse_year(row["target_year"]),
        target_value=_number(row["target_value"]),
        note=text(row["note"]),
        parent_code=codes.indicator_parent(code),
        origin=origin,
    )


def measurement(row: Row, origin: Origin, settings: Settings) -> Measurement:
    """A row of blad Metingen, its year read from the period."""
    period = text(row["period"]).strip()
    timing = parse_timing(period, settings.start_year, settings.end_year)
    parsed = parse_number(row["value"])
    share = parse_number(row["share"]).value if row["share"] not in (None, "") else parsed.share
    return Measurement(
        indicator_code=row["indicator_code"],
        period=period,
        year=parse_year(period) or (timing.years[0] if timing.years and len(timing.years) == 1 else None),
        partial=timing.partial,
        value=parsed.value,
        share=share,
        source=text(row["source"]),
        note=text(row["note"]),
        origin=origin,
    )


def budget_line(row: Row, origin: Origin) -> BudgetLine:
    """A row of blad Begroting."""
    return BudgetLine(
        year=parse_year(row["year"]),
        funding_kind=text(row["funding_kind"]),
        funder=text(row["funder"]),
        description=text(row["description"]),
        planned=_number(row["planned"]),
        spent=_number(row["spent"]),
        note=text(row["note"]),
        origin=origin,
    )
