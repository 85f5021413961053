"""Cross-references ("Zie ook A30002"): to a code in the plan, or flagged as pointing outside it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reporting.validation.context import Context, at
from reporting.validation.report import Issue
from workbook.plan import codes
from workbook.plan.model import BBC, Plan

_BBC_DIGITS = re.compile(r"^(?:BD|AP|A)(\d+)$")


def check(ctx: Context) -> Iterator[Issue]:
    plan = ctx.plan
    known = {o.code for o in plan.objectives} | {r.code for r in plan.results} | {a.code for a in plan.actions}
    known.discard("")
    bbc = plan.settings.numbering == BBC
    strategic = [o.code for o in plan.strategic if o.code]
    for action in plan.actions:
        for reference in action.see_also_codes:
            if reference in known or reference == action.code:
                continue
            if _inside(reference, plan, bbc, strategic):
                yield at(
                    action.origin,
                    "see_also",
                    "onbekende-verwijzing",
                    action.code,
                    f"'Zie ook' van actie {action.code} noemt {reference}, maar die code staat niet in het plan, "
                    f"terwijl ze er wel onder zou vallen. Verbeter de code.",
                )
            else:
                yield at(
                    action.origin,
                    "see_also",
                    "verwijzing-buiten-plan",
                    action.code,
                    f"'Zie ook' van actie {action.code} verwijst naar {reference}, dat niet in dit plan staat. "
                    "Het rapport toont de verwijzing als tekst, zonder link. Klopt de code, dan hoeft u niets "
                    "te doen.",
                )


def _inside(reference: str, plan: Plan, bbc: bool, strategic: list[str]) -> bool:
    """Whether a code would belong under one of this plan's strategic objectives."""
    if not bbc:
        if codes.kind_of(reference, plan.settings.numbering) is None:
            return False
        return reference.split(".", 1)[0] in strategic
    match = _BBC_DIGITS.match(reference)
    if not match:
        return False
    digits = match.group(1)
    return any(digits.startswith(_BBC_DIGITS.match(code).group(1)) for code in strategic if _BBC_DIGITS.match(code))
