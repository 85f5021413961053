"""Items of a plan grouped under their timing header ("Jaarlijks:", "Vanaf 2012:", "Norm:"), as the plan shows them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def timing_header(label: str) -> str:
    """ "Vanaf 2012" -> "Vanaf 2012:"; a label that already holds a colon stays as typed."""
    label = " ".join(label.split())
    if not label:
        return ""
    return label if ":" in label else label + ":"


def by_timing(items: Iterable[T], timing: Callable[[T], str], item: Callable[[T], dict]) -> list[dict]:
    """Groups {kop, lijst} in order of first appearance; items keep their own order inside a group."""
    groups: dict[str, list[tuple[str, dict]]] = {}
    for entry in items:
        key = " ".join(timing(entry).split()).casefold()
        groups.setdefault(key, []).append((timing(entry), item(entry)))
    return [
        {"kop": timing_header(members[0][0]), "lijst": [value for _, value in members]} for members in groups.values()
    ]
