"""Which returned files are taken (what each was sent; other plan, other year, not asked, changed) and same values."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbook.cycle.collected import Collected
from workbook.cycle.request_book import IDENTITY_SHEET, NO_LEAD, SENT_ROW
from workbook.cycle.returns import Returned
from workbook.plan import codes
from workbook.plan.model import Plan
from workbook.plan.numbers import parse_number
from workbook.plan.schema import FOLLOW_UP, MEASUREMENTS

KEY_FIELDS = ("action_code", "year", "indicator_code", "period")


@dataclass
class Asked:
    """What one file was sent, as recorded on the sheet Uitgevraagd (or, for files asked before that record
    existed, as the file itself says)."""

    file: str
    lead: str
    sent: dict[tuple[str, tuple[str, str]], dict[str, object]] = field(default_factory=dict)

    @property
    def who(self) -> str:
        return self.lead or NO_LEAD


def asked_by_token(plan: Plan, year: int) -> dict[str, Asked]:
    """The record of what was sent for `year`, by the fingerprint of each file."""
    columns = {spec.name: {c.header: c.field for c in spec.columns} for spec in (FOLLOW_UP, MEASUREMENTS)}
    record: dict[str, Asked] = {}
    for value in plan.requested:
        if value.year != year or value.sheet not in columns:
            continue
        asked = record.setdefault(value.token, Asked(value.file, value.lead))
        key = (codes.normalize(value.code), " ".join(value.key.split()))
        row = asked.sent.setdefault((value.sheet, key), {})
        field_name = columns[value.sheet].get(value.header)
        if field_name is not None:
            row[field_name] = None if value.value in (None, "") else value.value
    return record


def accepted(
    plan: Plan, year: int, returned: list[Returned], record: dict[str, Asked], result: Collected
) -> list[tuple[Returned, Asked]]:
    """The files to merge, each with what it was sent; every other file's refusal is added to `result`."""
    settings = plan.settings
    good: list[tuple[Returned, Asked]] = []
    for item in returned:
        name = item.path.name
        if item.problem:
            result.refusals.append(f"{name}: {item.problem}; het wordt niet gelezen.")
        elif (fold(item.municipality), fold(item.title)) != (fold(settings.municipality), fold(settings.title)):
            result.refusals.append(
                f"{name}: dit bestand hoort bij een ander plan ({item.municipality}, "
                f"{item.title}); het wordt niet gelezen."
            )
        elif item.year != year:
            result.refusals.append(
                f"{name}: dit bestand gaat over {item.year}, niet over {year}; het wordt niet gelezen."
            )
        elif not record:
            good.append((item, Asked(item.path.name, item.lead, item.sent)))
        elif item.token not in record:
            result.refusals.append(
                f"{name}: dit bestand werd voor {year} niet uit dit werkboek uitgevraagd (zijn kenmerk staat niet "
                "op het blad Uitgevraagd); het wordt niet gelezen. Stuur de trekker het bestand dat hij kreeg."
            )
        elif (problem := _tampered(item, record[item.token])) is not None:
            result.refusals.append(f"{name}, {problem}; het bestand wordt niet gelezen.")
        else:
            good.append((item, record[item.token]))
    taken = []
    by_file: dict[str, list[tuple[Returned, Asked]]] = {}
    for item, asked in good:
        result.refusals += item.refusals
        by_file.setdefault(asked.file.casefold() if record else fold(item.lead), []).append((item, asked))
    for items in by_file.values():
        # The file as it was sent, still beside the filled one (renamed on return), is no second answer; two
        # filled copies (two colleagues filled the same file) both count: where they differ, the cell clashes.
        taken += [(i, a) for i, a in items if answered(i, a)] or items[:1]
    return taken


def _tampered(returned: Returned, asked: Asked) -> str | None:
    """Where the file's hidden sheet no longer says what was sent: a changed trekker or changed values."""
    if fold(returned.lead) != fold(asked.lead):
        return (
            f"verborgen blad {IDENTITY_SHEET}: de trekker is gewijzigd in '{returned.lead}' (het bestand werd "
            f"uitgevraagd aan {asked.who})"
        )
    for number, (key, values) in enumerate(returned.sent.items(), start=SENT_ROW):
        sent = asked.sent.get(key)
        if sent is None:
            return (
                f"verborgen blad {IDENTITY_SHEET}, rij {number}: {key[0]} {key[1][0]} werd niet aan "
                f"{asked.who} gevraagd"
            )
        if any(not same(v, sent.get(f)) for f, v in values.items() if f not in KEY_FIELDS):
            return (
                f"verborgen blad {IDENTITY_SHEET}, rij {number}: de waarden zoals verstuurd ({key[0]}, "
                f"{key[1][0]}) zijn gewijzigd"
            )
    if len(returned.sent) < len(asked.sent):
        return f"verborgen blad {IDENTITY_SHEET}: er zijn rijen van wat verstuurd werd verwijderd"
    return None


def answered(returned: Returned, asked: Asked) -> bool:
    """Whether anything in the file differs from what was sent."""
    for row in returned.rows:
        sent = asked.sent.get((row.sheet, row.key))
        if sent is None or any(not same(v, sent.get(f)) for f, v in row.values.items() if f not in KEY_FIELDS):
            return True
    return False


def same(a: object, b: object) -> bool:
    """Whether two values of a cell say the same: both empty, the same number, or the same words."""
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    if isinstance(a, (int, float)) or isinstance(b, (int, float)):
        x, y = parse_number(a).value, parse_number(b).value
        if x is not None and y is not None:
            return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))
    return " ".join(str(a).split()) == " ".join(str(b).split())


def fold(value: object) -> str:
    """A name as compared: white space folded, case ignored."""
    return " ".join(str(value or "").split()).casefold()
