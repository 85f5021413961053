"""Structure: codes present and well-formed, unique, with an existing parent; no empty objectives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reporting.validation.context import Context, at, is_blank, issue, quoted
from reporting.validation.report import Issue
from workbook.plan import codes
from workbook.plan.model import BBC, CLASSIC, CLASSIC_WITHOUT_RESULTS, NUMBERINGS, Origin, Plan, has_results
from workbook.plan.schema import ACTIONS, FOLLOW_UP, INDICATORS, MEASUREMENTS, OBJECTIVES, RESULTS

_KIND_NAMES = {
    (False, codes.STRATEGIC): "strategische doelstelling",
    (False, codes.OPERATIONAL): "operationele doelstelling",
    (False, codes.RESULT): "resultaat",
    (False, codes.ACTION): "actie",
    (True, codes.STRATEGIC): "beleidsdoelstelling",
    (True, codes.OPERATIONAL): "actieplan",
    (True, codes.ACTION): "actie",
}
_KIND_SHEETS = {
    codes.STRATEGIC: OBJECTIVES.name,
    codes.OPERATIONAL: OBJECTIVES.name,
    codes.RESULT: RESULTS.name,
    codes.ACTION: ACTIONS.name,
}
_EXAMPLES = {
    (CLASSIC, OBJECTIVES.name): "1 (strategische doelstelling) of 1.1 (operationele doelstelling)",
    (CLASSIC_WITHOUT_RESULTS, OBJECTIVES.name): "1 (strategische doelstelling) of 1.1 (operationele doelstelling)",
    (BBC, OBJECTIVES.name): "BD109 (beleidsdoelstelling) of AP1090 (actieplan)",
    (CLASSIC, RESULTS.name): "1.1.1 (resultaat 1 van operationele doelstelling 1.1)",
    (CLASSIC, ACTIONS.name): "1.1.1.1 (actie 1 van resultaat 1.1.1)",
    (CLASSIC_WITHOUT_RESULTS, ACTIONS.name): "1.1.1 (actie 1 van operationele doelstelling 1.1)",
    (BBC, ACTIONS.name): "A10900 (actie onder actieplan AP1090)",
}
_NEUTER = {"resultaat", "actieplan"}


def check(ctx: Context) -> Iterator[Issue]:
    plan = ctx.plan
    yield from _missing_codes(plan)
    yield from _duplicates(plan)
    yield from _missing_texts(plan)
    mismatch = _numbering_mismatch(plan)
    if mismatch:
        yield mismatch
    else:
        yield from _hierarchy(plan)
    yield from _orphans(plan)


def kind_name(kind: str, bbc: bool) -> str:
    return _KIND_NAMES.get((bbc, kind), kind)


def article(name: str) -> str:
    """The Dutch definite article of a level's name: "het resultaat", "de actie", "de indicator"."""
    return "het" if name.split()[-1] in _NEUTER else "de"


def _coded_rows(plan: Plan) -> Iterable[tuple[str, str, str, Origin]]:
    """(sheet, code field, code, origin) for every row of the coded sheets."""
    for row in plan.objectives:
        yield OBJECTIVES.name, "code", row.code, row.origin
    for row in plan.results:
        yield RESULTS.name, "code", row.code, row.origin
    for row in plan.actions:
        yield ACTIONS.name, "code", row.code, row.origin
    for row in plan.indicators:
        yield INDICATORS.name, "code", row.code, row.origin


def _missing_codes(plan: Plan) -> Iterator[Issue]:
    what = {
        OBJECTIVES.name: "de code van de doelstelling",
        RESULTS.name: "de code van het resultaat",
        ACTIONS.name: "de code van de actie",
        INDICATORS.name: "de code van de indicator",
        FOLLOW_UP.name: "de code van de actie waarover de rij gaat",
        MEASUREMENTS.name: "de code van de indicator waarover de meting gaat",
    }
    rows = [
        *_coded_rows(plan),
        *((FOLLOW_UP.name, "action_code", f.action_code, f.origin) for f in plan.follow_ups),
        *((MEASUREMENTS.name, "indicator_code", m.indicator_code, m.origin) for m in plan.measurements),
    ]
    for sheet, field_name, code, origin in rows:
        if code:
            continue
        raw = origin.raw.get(field_name)
        if is_blank(raw):
            yield at(
                origin,
                field_name,
                "ontbrekende-code",
                "",
                f"Deze rij op blad {sheet} heeft geen code. Vul {what[sheet]} in, of maak de rij helemaal leeg.",
            )
        else:
            yield at(origin, field_name, "ongeldige-code", "", f"{quoted(raw)} is geen code. Vul {what[sheet]} in.")


def _duplicates(plan: Plan) -> Iterator[Issue]:
    first: dict[tuple[str, str], Origin] = {}
    for sheet, field_name, code, origin in _coded_rows(plan):
        if not code:
            continue
        earlier = first.setdefault((sheet, code), origin)
        if earlier is not origin:
            yield at(
                origin,
                field_name,
                "dubbele-code",
                code,
                f"De code {code} staat ook in rij {earlier.row} van blad {sheet}. Elke code mag maar één keer "
                "voorkomen: geef een van beide rijen een andere code, of voeg ze samen.",
            )
    seen: dict[tuple[str, int], Origin] = {}
    for row in plan.follow_ups:
        if not row.action_code or row.year is None:
            continue
        earlier = seen.setdefault((row.action_code, row.year), row.origin)
        if earlier is not row.origin:
            yield at(
                row.origin,
                "year",
                "dubbele-opvolging",
                row.action_code,
                f"Actie {row.action_code} heeft voor {row.year} ook een rij opvolging in rij {earlier.row}. "
                "Houd één rij per actie en jaar: voeg de stand van zaken samen en wis de andere rij.",
            )


def _missing_texts(plan: Plan) -> Iterator[Issue]:
    rows = [
        *((o.code, o.title, "title", o.origin, "titel", "Doelstelling") for o in plan.objectives),
        *((r.code, r.text, "text", r.origin, "tekst", "Resultaat") for r in plan.results),
        *((a.code, a.title, "title", a.origin, "titel", "Actie") for a in plan.actions),
        *((i.code, i.text, "text", i.origin, "tekst", "Indicator") for i in plan.indicators),
    ]
    for code, text, field_name, origin, word, what in rows:
        if code and not text.strip():
            column = "Titel" if what == "Doelstelling" else what
            yield at(
                origin,
                field_name,
                "ontbrekende-tekst",
                code,
                f"{what} {code} heeft geen {word}. Vul kolom {column} in; zonder {word} kan de rij niet in "
                "het rapport.",
            )


def _numbering_mismatch(plan: Plan) -> Issue | None:
    """The numbering under which clearly more codes fit their sheet than under the chosen one."""
    numbering = plan.settings.numbering
    rows = [(OBJECTIVES.name, o.code) for o in plan.objectives if o.code]
    rows += [(RESULTS.name, r.code) for r in plan.results if r.code]
    rows += [(ACTIONS.name, a.code) for a in plan.actions if a.code]

    def fitting(candidate: str) -> int:
        return sum(1 for sheet, code in rows if _KIND_SHEETS.get(codes.kind_of(code, candidate)) == sheet)

    own = fitting(numbering)
    best = max((n for n in NUMBERINGS if n != numbering), key=fitting)
    if fitting(best) <= own:
        return None
    example = next((code for sheet, code in rows if _KIND_SHEETS.get(codes.kind_of(code, numbering)) != sheet), "")
    return issue(
        "verkeerde-nummering",
        plan.settings.cell("numbering"),
        "",
        f"De nummering staat op '{numbering}', maar de codes passen bij de nummering '{best}' (bv. {example}). "
        f"Kies bij Nummering op blad Instellingen '{best}'.",
    )


def _hierarchy(plan: Plan) -> Iterator[Issue]:
    numbering = plan.settings.numbering
    bbc = numbering == BBC
    valid: dict[str, set[str]] = {kind: set() for kind in _KIND_SHEETS}
    rows = [(OBJECTIVES.name, o.code, o.origin, o) for o in plan.objectives]
    rows += [(RESULTS.name, r.code, r.origin, r) for r in plan.results]
    rows += [(ACTIONS.name, a.code, a.origin, a) for a in plan.actions]
    placed = []
    for sheet, code, origin, row in rows:
        if not code:
            continue
        kind = codes.kind_of(code, numbering)
        if kind is None:
            yield at(origin, "code", "ongeldige-code", code, _malformed(code, sheet, numbering))
        elif _KIND_SHEETS[kind] != sheet:
            yield at(origin, "code", "verkeerd-niveau", code, _misplaced(code, kind, sheet, numbering))
        else:
            valid[kind].add(code)
            placed.append((sheet, code, origin, row, kind))
    children: dict[str, int] = {}
    for _sheet, code, origin, row, kind in placed:
        parent, parent_kind = _parent(code, kind, row, numbering)
        if parent_kind is None:
            continue
        if parent and parent in valid[parent_kind]:
            children[parent] = children.get(parent, 0) + 1
            continue
        name = kind_name(kind, bbc)
        parent_name = kind_name(parent_kind, bbc)
        where = _KIND_SHEETS[parent_kind]
        if parent:
            text = (
                f"{name.capitalize()} {code} valt onder {parent_name} {parent}, maar die staat niet op blad "
                f"{where}. Voeg {parent_name} {parent} toe, of verbeter de code."
            )
        else:
            none = "geen enkel" if article(parent_name) == "het" else "geen enkele"
            text = (
                f"{name.capitalize()} {code} valt onder {none} {parent_name} op blad {where}. "
                f"Voeg {article(parent_name)} {parent_name} toe, of verbeter de code."
            )
        yield at(origin, "code", "ontbrekende-ouder", code, text)
    indicator_parents = {i.parent_code for i in plan.indicators if i.parent_code}
    for _sheet, code, origin, _row, kind in placed:
        if kind == codes.STRATEGIC and not children.get(code):
            below = "actieplannen" if bbc else "operationele doelstellingen"
            yield at(
                origin,
                "code",
                "lege-doelstelling",
                code,
                f"{kind_name(kind, bbc).capitalize()} {code} heeft geen {below}. Voeg op blad Doelstellingen "
                f"minstens één toe (bv. {_first_child(code, bbc)}), of wis de rij.",
            )
        elif kind == codes.OPERATIONAL and not children.get(code):
            below, sheet = ("resultaten", RESULTS.name) if has_results(numbering) else ("acties", ACTIONS.name)
            yield at(
                origin,
                "code",
                "lege-doelstelling",
                code,
                f"{kind_name(kind, bbc).capitalize()} {code} heeft geen {below}. Voeg op blad {sheet} "
                f"minstens één toe (bv. {_first_child(code, bbc)}), of wis de rij.",
            )
        elif kind == codes.RESULT and not children.get(code) and code not in indicator_parents:
            yield at(
                origin,
                "code",
                "leeg-resultaat",
                code,
                f"Resultaat {code} heeft geen acties en geen indicatoren. Voeg op blad Acties een actie toe "
                f"(bv. {code}.1) of op blad Indicatoren hoe het resultaat geëvalueerd wordt (bv. {code}-I1).",
            )
    known = set().union(*valid.values())
    for row in plan.indicators:
        if not row.code:
            continue
        if row.parent_code is None:
            yield at(
                row.origin,
                "code",
                "ongeldige-code",
                row.code,
                f"De indicatorcode {row.code} is niet goed gevormd. Schrijf de code van het resultaat of de "
                f"actie, gevolgd door -I en een volgnummer, bv. {'A10911-I1' if bbc else '1.1.1-I1'}.",
            )
        elif row.parent_code not in known:
            yield at(
                row.origin,
                "code",
                "ontbrekende-ouder",
                row.code,
                f"Indicator {row.code} hoort bij {row.parent_code}, maar die code staat niet op de bladen "
                "Doelstellingen, Resultaten of Acties. Verbeter de code van de indicator.",
            )


def _parent(code: str, kind: str, row: object, numbering: str) -> tuple[str | None, str | None]:
    bbc = numbering == BBC
    if kind == codes.STRATEGIC:
        return None, None
    if kind == codes.OPERATIONAL:
        parent = getattr(row, "parent_code", None) or (codes.expected_bbc_parent(code) if bbc else None)
        return parent, codes.STRATEGIC
    if kind == codes.RESULT:
        return codes.classic_parent(code), codes.OPERATIONAL
    if bbc:
        return getattr(row, "parent_code", None), codes.OPERATIONAL
    return codes.classic_parent(code), codes.RESULT if has_results(numbering) else codes.OPERATIONAL


def _first_child(code: str, bbc: bool) -> str:
    if not bbc:
        return f"{code}.1"
    return code.replace("BD", "AP", 1) + "0" if code.startswith("BD") else code.replace("AP", "A", 1) + "0"


def _malformed(code: str, sheet: str, numbering: str) -> str:
    example = _EXAMPLES.get((numbering, sheet))
    if example is None:
        return (
            f"{quoted(code)} past niet in een plan met nummering '{numbering}': dat heeft geen resultaten. "
            f"Zet de rij op blad Acties, of kies de nummering '{CLASSIC}' op blad Instellingen."
        )
    return (
        f"De code {quoted(code)} past niet bij de nummering '{numbering}'. Op blad {sheet} hoort een code "
        f"zoals {example}."
    )


def _misplaced(code: str, kind: str, sheet: str, numbering: str) -> str:
    right = _KIND_SHEETS[kind]
    example = _EXAMPLES.get((numbering, sheet), "")
    if not example and sheet == RESULTS.name:
        return (
            f"{quoted(code)} staat op blad {sheet}, maar een plan met nummering '{numbering}' heeft geen "
            f"resultaten. Zet de rij op blad {right}, of kies de nummering '{CLASSIC}' op blad Instellingen."
        )
    return (
        f"De code {code} is een {kind_name(kind, numbering == BBC)}, maar staat op blad {sheet}"
        f"{' (daar hoort ' + example + ')' if example else ''}. Zet de rij op blad {right}, "
        "of verbeter de code."
    )


def _orphans(plan: Plan) -> Iterator[Issue]:
    actions = {a.code for a in plan.actions if a.code}
    indicators = {i.code for i in plan.indicators if i.code}
    rows = [
        *((f.origin, "action_code", f.action_code, "opvolging", "actie") for f in plan.follow_ups),
        *((m.origin, "indicator_code", m.indicator_code, "meting", "indicator") for m in plan.measurements),
    ]
    for origin, field_name, code, what, kind in rows:
        known, sheet = (actions, ACTIONS.name) if kind == "actie" else (indicators, INDICATORS.name)
        if code and code not in known:
            yield at(
                origin,
                field_name,
                f"onbekende-{kind}",
                code,
                f"Deze {what} gaat over {kind} {code}, maar die {kind} staat niet op blad {sheet}. "
                f"Verbeter de code, of voeg de {kind} toe op blad {sheet}.",
            )
