"""The indicators, measurements and budget lines of a synthetic plan."""

from __future__ import annotations

import random

from benchmarks.synthetic.sentences import Writer
from benchmarks.synthetic.sizes import REPORT_YEAR, Size
from benchmarks.synthetic.words import BUDGET_LINES, PARTNERS, SOURCES, THEMES, UNITS
from reporting.figures.formatting import number


def indicator_rows(
    spec: Size, parents: list[dict], rng: random.Random, write: Writer, start: int, end: int
) -> tuple[list[dict], list[dict]]:
    total = spec.quantitative + spec.descriptive
    kinds = ["kwantitatief"] * spec.quantitative + ["beschrijvend"] * spec.descriptive
    rng.shuffle(kinds)
    # Indicators hang under results (classic) or actions (BBC), a few under the same parent.
    owners = sorted(rng.choices(range(len(parents)), k=total))
    numbers: dict[int, int] = {}
    indicators, measurements = [], []
    for owner, kind in zip(owners, kinds, strict=True):
        numbers[owner] = numbers.get(owner, 0) + 1
        code = f"{parents[owner]['Code']}-I{numbers[owner]}"
        if kind == "beschrijvend":
            indicators.append(
                {
                    "Code": code,
                    "Tijdstip": rng.choice(
                        (
                            "Jaarlijks",
                            str(start),
                            f"Vanaf {start + 1}",
                            f"{end}: eindmeting",
                            "Norm",
                            "Trend",
                            f"Vanaf {start + 1} jaarlijks",
                        )
                    ),
                    "Indicator": write.descriptive_indicator(),
                    "Soort": "beschrijvend",
                }
            )
            continue
        row, values = quantitative_rows(code, rng, write, start, end)
        indicators.append(row)
        measurements.extend(values)
    return indicators, measurements


def quantitative_rows(code: str, rng: random.Random, write: Writer, start: int, end: int) -> tuple[dict, list[dict]]:
    unit = rng.choice(UNITS)
    direction = "dalen" if unit == "dagen" else rng.choices(("stijgen", "dalen", "behouden"), (7, 2, 1))[0]
    percent = unit == "percentage"
    baseline = round(rng.uniform(5, 60), 1) if percent else rng.randint(10, 1500)
    if unit == "euro":
        baseline *= 20
    factor = {"stijgen": 1.4, "dalen": 0.7, "behouden": 1.0}[direction]
    target = round(min(baseline * factor, 95.0), 1) if percent else round(baseline * factor)
    row = {
        "Code": code,
        "Tijdstip": "Jaarlijks",
        "Indicator": write.quantitative_indicator(unit),
        "Soort": "kwantitatief",
        "Eenheid": unit,
        "Gewenste richting": direction,
        "Nulmeting jaar": start,
        "Nulmeting waarde": baseline,
        "Streefjaar": end,
        "Streefwaarde": target,
    }
    if rng.random() < 0.2:
        row["Toelichting"] = (
            f"Noot: de cijfers van {write.pick(PARTNERS)} gaan voor {start} enkel over de periode juni-december."
        )
    values = []
    source = rng.choice(SOURCES)
    value = baseline
    partial_first = rng.random() < 0.05
    for year in range(start, end + 1):
        if year > start:
            step = (target - baseline) / (end - start) * rng.uniform(0.3, 1.5)
            value = value + step + rng.uniform(-0.05, 0.05) * max(abs(baseline), 1)
        shown = min(max(round(value, 1), 0.0), 100.0) if percent else max(round(value), 0)
        period = f"{year} (juni-december)" if (partial_first and year == start) else str(year)
        measurement: dict[str, object] = {"Indicator": code, "Periode": period, "Waarde": shown, "Bron": source}
        if percent and rng.random() < 0.3:
            measurement["Waarde"] = number(shown)  # typed as Dutch text, e.g. "22,4"
        if unit == "personen" and rng.random() < 0.3:
            measurement["Aandeel"] = rng.randint(20, 80)
        values.append(measurement)
    return row, values


def budget_rows(spec: Size, rng: random.Random, municipality: str, start: int, end: int) -> list[dict]:
    rows = []
    bestuur = f"Gemeente {municipality}"
    for year in range(start, end + 1):
        subsidy = 0
        year_rows = []
        for index in range(spec.budget_lines_per_year):
            kind, funder, text = BUDGET_LINES[index % len(BUDGET_LINES)]
            if kind == "Eigen middelen gemeente":
                continue  # the municipality's share follows from the subsidy, below
            planned = rng.randint(10, 70) * 500
            if kind == "Vlaamse subsidie":
                subsidy += planned
            year_rows.append((kind, funder, text, planned))
        own = round(subsidy * rng.uniform(0.36, 0.5))
        year_rows.append(("Eigen middelen gemeente", bestuur, "Loonkost {fte} beleidsmedewerker", own))
        for kind, funder, text, planned in year_rows:
            spent = round(planned * rng.uniform(0.9, 1.0)) if year <= REPORT_YEAR else None
            if kind == "Eigen middelen gemeente":
                spent = planned
            rows.append(
                {
                    "Jaar": year,
                    "Soort financiering": kind,
                    "Financier": funder.format(bestuur=bestuur),
                    "Omschrijving": text.format(fte=rng.choice(("1FT", "½FT", "0,8FT")), theme=rng.choice(THEMES)),
                    "Gepland": planned,
                    "Besteed": spent,
                }
            )
    return rows
