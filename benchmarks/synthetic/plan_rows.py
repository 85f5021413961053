"""The rows of a synthetic plan: settings, objectives, results, actions and their follow-up."""

from __future__ import annotations

import random

from benchmarks.synthetic.indicator_rows import budget_rows, indicator_rows
from benchmarks.synthetic.sentences import Writer, capital
from benchmarks.synthetic.sizes import REPORT_YEAR, SIZES, Size
from benchmarks.synthetic.words import DOMAINS, PARTNERS, PLACE_PARTS, SERVICES


def spread(total: int, parents: int, rng: random.Random, cap: int | None = None) -> list[int]:
    """Split `total` children over `parents`, at least one each, the rest at random (never above `cap`)."""
    counts = [1] * parents
    if cap is not None and total > parents * cap:
        raise ValueError(f"{total} items do not fit under {parents} parents of at most {cap}")
    for _ in range(total - parents):
        while True:
            index = rng.randrange(parents)
            if cap is None or counts[index] < cap:
                counts[index] += 1
                break
    return counts


def municipality_name(rng: random.Random) -> str:
    first, second = rng.choice(PLACE_PARTS[0]), rng.choice(PLACE_PARTS[1])
    return first + (capital(second) if first.endswith("-") else second)


def action_timing(rng: random.Random, start: int, end: int) -> str:
    options = (
        (40, "Jaarlijks"),
        (12, f"Vanaf {start + 1}"),
        (8, str(start)),
        (10, f"{start}-{end}"),
        (6, f"Jaarlijks vanaf {start + 2}"),
        (6, "Per 2 jaar"),
        (10, f"{start + 1}-{end - 1}"),
        (4, f"Vanaf {start + 1} jaarlijks"),
        (4, str(end)),
    )
    if end - start < 3:
        options = ((50, "Jaarlijks"), (20, f"Vanaf {start + 1}"), (15, str(start)), (15, f"{start}-{end}"))
    return rng.choices([text for _, text in options], weights=[weight for weight, _ in options])[0]


def timing_years(timing: str, start: int, end: int) -> tuple[int, ...]:
    from workbook.plan.timing import parse_timing

    return parse_timing(timing, start, end).years or ()


def plan_data(size: str | Size, seed: int = 1) -> dict[str, object]:
    """The rows of a synthetic plan, as workbook.builders.template.fill takes them (sheet name -> rows by header)."""
    spec = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(f"{spec.name}:{seed}")
    municipality = municipality_name(rng)
    write = Writer(rng, municipality)
    end = REPORT_YEAR
    start = end - spec.years + 1
    bbc = spec.numbering == "BBC"
    settings = {
        "Gemeente": municipality,
        "Titel van het plan": (
            f"Meerjarenplan {start}-{end}: werken aan samenleven in diversiteit"
            if bbc
            else f"Integratiebeleidsplan {start}-{end}"
        ),
        "Beginjaar": start,
        "Eindjaar": end,
        "Rapportjaar": REPORT_YEAR,
        "Nummering": spec.numbering,
        "Minimale cofinanciering": 1 / 3,
        "Opgesteld door": capital(write.pick(SERVICES)),
        "Fictieve gegevens": (
            f"Synthetisch plan van de omvang '{spec.name}' (seed {seed}), gemaakt om planrapport "
            "te meten: de gemeente en alle gegevens zijn verzonnen."
        ),
    }
    objectives, results, actions = _structure(spec, rng, write)
    follow_ups = _follow_ups(actions, rng, write, start, end, long=bbc or spec.actions <= 200)
    indicators, measurements = indicator_rows(spec, results if not bbc else actions, rng, write, start, end)
    return {
        "Instellingen": settings,
        "Doelstellingen": objectives,
        "Resultaten": results,
        "Acties": actions,
        "Opvolging": follow_ups,
        "Indicatoren": indicators,
        "Metingen": measurements,
        "Begroting": budget_rows(spec, rng, municipality, start, end),
    }


def _structure(spec: Size, rng: random.Random, write: Writer) -> tuple[list, list, list]:
    objectives: list[dict] = []
    results: list[dict] = []
    actions: list[dict] = []
    start = REPORT_YEAR - spec.years + 1
    bbc = spec.numbering == "BBC"
    if bbc:
        # Three-digit codes hold 900 objectives; a bigger plan (100.000 actions) numbers them with four.
        numbers = range(100, 1000) if spec.strategic <= 900 else range(1000, 10000)
        strategic = [f"BD{n}" for n in sorted(rng.sample(numbers, spec.strategic))]
        per_strategic = spread(spec.operational, spec.strategic, rng, cap=10)
        per_plan = spread(spec.actions, spec.operational, rng, cap=10)
        plan_index = 0
        for code, count in zip(strategic, per_strategic, strict=True):
            objectives.append(
                {"Code": code, "Titel": write.action_plan_title(), "Motivering": write.motivation(rng.randint(1, 2))}
            )
            for digit in range(count):
                plan_code = f"AP{code[2:]}{digit}"
                objectives.append(
                    {"Code": plan_code, "Titel": write.action_plan_title(), "Domein": write.pick(DOMAINS)}
                )
                for action_digit in range(per_plan[plan_index]):
                    actions.append(_action(f"A{plan_code[2:]}{action_digit}", rng, write, start, long=True))
                plan_index += 1
    else:
        per_strategic = spread(spec.operational, spec.strategic, rng)
        per_operational = spread(spec.results, spec.operational, rng)
        per_result = spread(spec.actions, spec.results, rng)
        operational_index = result_index = 0
        for sd in range(1, spec.strategic + 1):
            objectives.append(
                {"Code": str(sd), "Titel": write.strategic_title(), "Motivering": write.motivation(rng.randint(1, 3))}
            )
            for od in range(1, per_strategic[sd - 1] + 1):
                od_code = f"{sd}.{od}"
                objectives.append(
                    {
                        "Code": od_code,
                        "Titel": write.operational_title(),
                        "Domein": write.pick(DOMAINS) if rng.random() < 0.7 else "",
                    }
                )
                for number_ in range(1, per_operational[operational_index] + 1):
                    result_code = f"{od_code}.{number_}"
                    results.append({"Code": result_code, "Resultaat": write.result()})
                    for action in range(1, per_result[result_index] + 1):
                        actions.append(_action(f"{result_code}.{action}", rng, write, start, long=False))
                    result_index += 1
                operational_index += 1
    _add_cross_references(actions, rng)
    return objectives, results, actions


def _action(code: str, rng: random.Random, write: Writer, start: int, long: bool) -> dict:
    return {
        "Code": code,
        "Tijdstip": action_timing(rng, start, REPORT_YEAR),
        "Actie": write.action_title(),
        "Omschrijving": write.description(rng.randint(1, 3)) if long or rng.random() < 0.5 else "",
        "Trekker": capital(write.pick(SERVICES)),
        "Partners": ", ".join(rng.sample(PARTNERS, rng.randint(1, 4))),
        "Budget/personeelsinzet": rng.choice(
            ("Binnen werkingsbudget", "0,5 VTE", "1 VTE", "€ 5.000", "Personeelsinzet dienst integratie", "")
        ),
        "Contact": f"{rng.choice(('integratie', 'samenleven', 'inclusie', 'welzijn'))}@"
        f"{write.municipality.casefold().replace(' ', '')}.be",
    }


def _add_cross_references(actions: list[dict], rng: random.Random) -> None:
    """About one action in ten says "Zie ook" another action of the plan, as Denderleeuw's report does."""
    for action in actions:
        if len(actions) > 1 and rng.random() < 0.1:
            other = rng.choice(actions)
            if other is not action:
                action["Zie ook"] = f"{other['Code']} {other['Actie']}"


def _follow_ups(actions: list[dict], rng: random.Random, write: Writer, start: int, end: int, long: bool) -> list[dict]:
    rows = []
    for action in actions:
        years = [y for y in timing_years(action["Tijdstip"], start, end) if y <= REPORT_YEAR]
        for year in years:
            last = year == years[-1]
            roll = rng.random()
            if roll < 0.08:
                time, colour, status = "Vertraagd", "oranje", "In uitvoering"
            elif roll < 0.11:
                time, colour, status = "Uitgesteld", "rood", "In voorbereiding"
            else:
                time, colour = "Op schema", "groen"
                status = "Afgerond" if (not last and rng.random() < 0.3) else "In uitvoering"
            late = time != "Op schema"
            paragraphs = rng.randint(2, 5) if (long and year == REPORT_YEAR) else rng.randint(1, 2)
            money = write.money()
            rows.append(
                {
                    "Actie": action["Code"],
                    "Jaar": year,
                    "Status": status,
                    "Stand van zaken": write.progress(year, paragraphs, late),
                    "Stand van zaken (indicator)": colour,
                    "Tijd": time,
                    "Tijd (indicator)": colour,
                    "Geld": money,
                    "Geld (indicator)": "groen" if money else "",
                }
            )
    return rows
