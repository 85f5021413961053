"""Objectives a table names without a number: numbered in order under the strategic objective above."""

from __future__ import annotations


def unnumbered_code(rec, strategic: bool) -> str:
    """The next free code: "3" after strategic objectives 1 and 2, "2.4" under strategic objective 2."""
    if strategic:
        return str(sum(1 for o in rec.builder.objectives if "." not in str(o.values["Code"])) + 1)
    parent = str(rec.strategic.values["Code"]) if rec.strategic is not None else "0"
    return rec.builder.next_code(parent, rec.builder.objectives)
