"""A dataset's figures: totals, failing control relations, integer percentages, by region.

`national_figures` gives what `kbcheck results --json` prints (docs/formats.md, "kbcheck
results"); `signal` reads the integer-percentage figures as the at-risk signal on Copenhagen
7.4 (results), worded as a signal.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.results.national.integers import SIGNIFICANCE, IntegerTest, integer_test, stations_tested
from checker.results.national.protocol import Failure, failures
from checker.results.national.stations import Stations

ISSUED = ("ballots-issued-early", "ballots-issued-in-station", "ballots-issued-outside")


@dataclass
class NationalFigures:
    stations: Stations
    in_boxes: list[int]
    failures: dict[str, list[Failure]]
    integers: dict[str, IntegerTest]  # "turnout" and each party id
    regions: list[dict]


def in_boxes(stations: Stations) -> list[int]:
    return [m + s for m, s in zip(stations.figures["ballots-in-mobile-boxes"],
                                  stations.figures["ballots-in-stationary-boxes"])]


def integer_tests(stations: Stations, boxes: list[int], subset: list[int]) -> dict[str, IntegerTest]:
    registered = stations.figures["registered-voters"]
    tests = {"turnout": integer_test((boxes[i] for i in subset), (registered[i] for i in subset))}
    for party, votes in stations.votes.items():
        tests[party] = integer_test((votes[i] for i in subset), (boxes[i] for i in subset))
    return tests


def compute(stations: Stations) -> NationalFigures:
    boxes = in_boxes(stations)
    subset = stations_tested(stations.figures["registered-voters"], boxes)
    by_region: dict[str, list[int]] = {}
    for i in subset:
        by_region.setdefault(stations.regions[i], []).append(i)
    regions = []
    for region, indices in by_region.items():
        tests = integer_tests(stations, boxes, indices)
        pooled = IntegerTest(sum(t.observed for t in tests.values()), sum(t.expected for t in tests.values()),
                             len(indices), sum(t.zeros for t in tests.values()),
                             sum(t.nonzero_expected or 0.0 for t in tests.values()))
        regions.append({"region": region, "stations": len(indices),
                        "registered": sum(stations.figures["registered-voters"][i] for i in indices),
                        "ballots_in_boxes": sum(boxes[i] for i in indices),
                        "all": pooled, "integer_percentages": tests})
    regions.sort(key=lambda r: (-(r["all"].ratio or 0.0), r["region"]))
    return NationalFigures(stations, boxes, failures(stations), integer_tests(stations, boxes, subset), regions)


def as_json(figures: NationalFigures, election: str) -> dict:
    """The figures of `kbcheck results --json`; totals over every station of the file."""
    s = figures.stations
    total = {line: sum(values) for line, values in s.figures.items()}
    return {
        "election": election,
        "source": s.source,
        "stations": len(s),
        "registered": total["registered-voters"],
        "ballots_issued": sum(total.get(line, 0) for line in ISSUED),
        "ballots_in_boxes": sum(figures.in_boxes),
        "valid": total["valid-ballots"],
        "invalid": total["invalid-ballots"],
        "parties": {party: sum(votes) for party, votes in s.votes.items()},
        "control_relations": {rule: len(found) for rule, found in figures.failures.items()},
        "integer_percentages": {key: test.as_json() for key, test in figures.integers.items()},
        "integer_percentage_method": (f"stations with >= 100 registered and >= 1 ballot in the boxes; 100a/b is "
                                      f"integer when 100a mod b = 0; expected = sum of gcd(100, b)/b; p-value: "
                                      f"Poisson upper tail P(X >= observed), signal below {SIGNIFICANCE}"),
        "regions": [{"region": r["region"], "stations": r["stations"], "registered": r["registered"],
                     "ballots_in_boxes": r["ballots_in_boxes"], "all": r["all"].as_json(),
                     "integer_percentages": {k: t.as_json() for k, t in r["integer_percentages"].items()}}
                    for r in figures.regions],
        "signal": signal(figures),
    }


def signal(figures: NationalFigures) -> dict:
    """Copenhagen 7.4 (results): `at-risk` when integer percentages are significantly in excess."""
    excess = {key: test for key, test in figures.integers.items() if test.significant}
    if not excess:
        return {"commitment": "copenhagen-1990/7.4", "scope": "results", "status": "no signal",
                "evidence": []}
    evidence = [f"{key}: {t.observed} integer percentages where {t.expected:.1f} were expected "
                f"(ratio {t.ratio:.2f}, Poisson p = {t.p_value:.3g}); leaving out the {t.zeros} zeros, "
                f"{t.nonzero_observed} where {t.nonzero_expected:.1f} were expected "
                f"(Poisson p = {t.nonzero_p_value:.3g})" for key, t in excess.items()]
    return {"commitment": "copenhagen-1990/7.4", "scope": "results", "status": "at-risk",
            "evidence": evidence,
            "reading": "More station figures fall on whole percentages than chance predicts. This is a "
                       "statistical signal that figures may have been set to round targets, not proof: it "
                       "calls for a look at the stations concerned (integer-percentage test of Kobak, Shpilkin "
                       "& Pshenichnikov, Annals of Applied Statistics, 2016)."}
