"""The results protocol's control relations, declared once, checked station by station.

Copenhagen 1990, paragraph 7.4: votes "counted and reported honestly". A station whose own
protocol does not add up is a result of the rule, with its CSV line. The same relations are
the SHACL rules of rules/copenhagen-1990-7.4-protocol.ttl (same ids), which
tests/test_national_results.py runs on a small extract and compares with this path.

A relation whose lines a dataset does not hold is not checked (it is not applicable, and is
left out of `control_relations`).
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.results.national.stations import Stations

PARTY_VOTES = "party-votes"  # the sum of every party's votes


@dataclass(frozen=True)
class ControlRelation:
    rule_id: str
    left: tuple[str, ...]  # protocol lines, summed
    relation: str  # "=" or "<="
    right: tuple[tuple[int, str], ...]  # (sign, protocol line), summed
    label: str

    @property
    def lines(self) -> set[str]:
        return set(self.left) | {line for _, line in self.right}


BOXES = ("ballots-in-mobile-boxes", "ballots-in-stationary-boxes")
ISSUED = ((1, "ballots-issued-early"), (1, "ballots-issued-in-station"), (1, "ballots-issued-outside"))
RELATIONS = (
    ControlRelation("RES-7.4-boxes-invalid-valid", BOXES, "=",
                    ((1, "invalid-ballots"), (1, "valid-ballots")),
                    "ballots in the boxes (mobile and stationary) equal invalid plus valid ballots"),
    ControlRelation("RES-7.4-valid-party-votes", ("valid-ballots",), "=", ((1, PARTY_VOTES),),
                    "valid ballots equal the sum of the party votes"),
    ControlRelation("RES-7.4-ballots-received", ("ballots-received",), "=",
                    ISSUED + ((1, "ballots-cancelled"), (1, "ballots-lost"), (-1, "ballots-not-accounted")),
                    "ballots received equal ballots issued (early, in the station, outside) plus cancelled "
                    "plus lost, less those not accounted for on receipt"),
    ControlRelation("RES-7.4-boxes-within-issued", BOXES, "<=", ISSUED,
                    "ballots in the boxes do not exceed the ballots issued"),
)


@dataclass(frozen=True)
class Failure:
    """One station whose protocol breaks one relation."""

    rule_id: str
    index: int  # the station's position in the dataset
    left: int
    right: int


def applicable(stations: Stations) -> list[ControlRelation]:
    held = set(stations.figures) | ({PARTY_VOTES} if stations.votes else set())
    return [r for r in RELATIONS if r.lines <= held]


def _column(stations: Stations, line: str):
    if line == PARTY_VOTES:
        return map(sum, zip(*stations.votes.values()))
    return stations.figures[line]


def failures(stations: Stations) -> dict[str, list[Failure]]:
    """Each applicable relation's failing stations, in file order."""
    found: dict[str, list[Failure]] = {}
    for relation in applicable(stations):
        left = map(sum, zip(*(stations.figures[line] for line in relation.left)))
        signed = [(sign, list(_column(stations, line))) for sign, line in relation.right]
        right = map(sum, zip(*([sign * v for v in values] for sign, values in signed)))
        broken = found.setdefault(relation.rule_id, [])
        holds = (lambda a, b: a == b) if relation.relation == "=" else (lambda a, b: a <= b)
        for index, (a, b) in enumerate(zip(left, right)):
            if not holds(a, b):
                broken.append(Failure(relation.rule_id, index, a, b))
    return found
