"""Seat allocation: a legal threshold, then a proportional method, over a table of votes.

The report says only that parties "receive mandates (seats) according to their share of the
vote" once they pass "at least seven per cent of the vote of voters who participated in the
election" (L381-385); it names no allocation method. So `allocations` applies the three
methods in common use (largest remainder with the Hare quota, D'Hondt, Sainte-Laguë) and
the caller reports which reproduce the published seats. Ties are broken by votes, then by
name, so the result does not depend on dictionary order.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

METHODS = ("largest-remainder-hare", "dhondt", "sainte-lague")


@dataclass(frozen=True)
class Threshold:
    percent: Fraction  # 7
    base: int  # the number the percentage is taken of (voters who participated, or valid votes)

    def passes(self, votes: int) -> bool:
        """At least `percent` per cent of `base` (exact arithmetic, no rounding)."""
        return Fraction(votes) * 100 >= self.percent * self.base


def eligible(votes: dict[str, int], threshold: Threshold) -> dict[str, int]:
    return {party: v for party, v in votes.items() if threshold.passes(v)}


def largest_remainder_hare(votes: dict[str, int], seats: int) -> dict[str, int]:
    total = sum(votes.values())
    quotas = {party: Fraction(v * seats, total) for party, v in votes.items()}
    won = {party: int(q) for party, q in quotas.items()}
    by_remainder = sorted(votes, key=lambda p: (-(quotas[p] - won[p]), -votes[p], p))
    for party in by_remainder[: seats - sum(won.values())]:
        won[party] += 1
    return won


def _highest_averages(votes: dict[str, int], seats: int, divisor) -> dict[str, int]:
    won = {party: 0 for party in votes}
    for _ in range(seats):
        best = min(votes, key=lambda p: (-Fraction(votes[p], divisor(won[p])), -votes[p], p))
        won[best] += 1
    return won


def dhondt(votes: dict[str, int], seats: int) -> dict[str, int]:
    return _highest_averages(votes, seats, lambda n: n + 1)


def sainte_lague(votes: dict[str, int], seats: int) -> dict[str, int]:
    return _highest_averages(votes, seats, lambda n: 2 * n + 1)


def allocations(votes: dict[str, int], seats: int, threshold: Threshold) -> dict[str, dict[str, int]]:
    """Seats per party by each method, after the threshold (parties under it win none)."""
    passing = eligible(votes, threshold)
    found = {}
    for name, method in zip(METHODS, (largest_remainder_hare, dhondt, sainte_lague)):
        won = method(passing, seats) if passing else {}
        found[name] = {party: won.get(party, 0) for party in votes}
    return found
