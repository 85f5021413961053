"""The co-financing rule: the municipality's own means are at least a share of the Flemish subsidy, to the cent."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")


def cents(amount: float) -> Decimal:
    return Decimal(repr(amount)).quantize(_CENT, ROUND_HALF_UP)


def cofinancing_met(own: float, share: float, subsidy: float) -> bool:
    """1/3 of 62.000 is 20.666,67: own means of 20.666,67 meet it, 20.666,66 do not (both sides in cents)."""
    return cents(own) >= cents(share * subsidy)
