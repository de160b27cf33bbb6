"""The shapes of a national dataset that pictures show: turnout and the leader's share in
0.1-point bins, the two together in 1-point cells (the "comet" of Kobak, Shpilkin &
Pshenichnikov), and the figures by region. Integer arithmetic throughout: a station at exactly
75 % falls in the bin that starts at 75.0, so whole-number spikes stand out.

Over the stations with at least one registered voter and one ballot in the boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.results.national.figures import NationalFigures


@dataclass
class Shapes:
    leader: str  # the party with the most votes nationally
    stations: int  # the stations drawn
    turnout_bins: list[int]  # 1,000 bins of 0.1 points: stations whose turnout falls in each
    leader_bins: list[int]  # the same for the leader's share of the ballots in the boxes
    comet: list[list[int]]  # [turnout point][leader point], 101 × 101 cells of 1 point (100 % its own)
    regions: list[dict]  # per region: stations, turnout, leader share, integer ratio, failing stations


def _bin(a: int, b: int, per_point: int) -> int:
    return min(100 * per_point, (100 * per_point * a) // b)


def shapes(figures: NationalFigures) -> Shapes:
    s = figures.stations
    leader = max(s.votes, key=lambda p: sum(s.votes[p]))
    registered, boxes, votes = s.figures["registered-voters"], figures.in_boxes, s.votes[leader]
    turnout_bins, leader_bins = [0] * 1001, [0] * 1001
    comet = [[0] * 101 for _ in range(101)]
    drawn = 0
    for r, b, v in zip(registered, boxes, votes):
        if r < 1 or b < 1 or b > r:
            continue
        drawn += 1
        turnout_bins[_bin(b, r, 10)] += 1
        leader_bins[_bin(v, b, 10)] += 1
        comet[_bin(b, r, 1)][_bin(v, b, 1)] += 1
    failing: dict[str, int] = {}
    for found in figures.failures.values():
        for f in found:
            failing[s.regions[f.index]] = failing.get(s.regions[f.index], 0) + 1
    totals: dict[str, list[int]] = {}
    for region, r, b, v in zip(s.regions, registered, boxes, votes):
        t = totals.setdefault(region, [0, 0, 0, 0])
        t[0] += 1
        t[1] += r
        t[2] += b
        t[3] += v
    regions = []
    for r in figures.regions:
        n, reg, box, lead = totals[r["region"]]
        regions.append({"region": r["region"], "stations": n, "turnout": 100 * box / reg if reg else 0.0,
                        "leader_share": 100 * lead / box if box else 0.0, "ratio": r["all"].ratio,
                        "observed": r["all"].observed, "expected": r["all"].expected,
                        "failing": failing.get(r["region"], 0)})
    return Shapes(leader, drawn, _fold(turnout_bins), _fold(leader_bins), comet,
                  regions)


def _fold(bins: list[int]) -> list[int]:
    """1,001 bins to 1,000: exactly 100 % joins the last bin (99.9-100)."""
    return bins[:999] + [bins[999] + bins[1000]]


def spikes(bins: list[int], top: int = 12, width: int = 5) -> list[tuple[float, int, float]]:
    """The bins that stand highest above their neighbours (the `width` bins either side):
    (the bin's start in %, its stations, the neighbours' mean), highest ratio first."""
    found = []
    for i, count in enumerate(bins[:999]):  # not the last bin (99.9-100: every 100 % falls in it)
        if i == 0:
            continue  # nor the first: 0 votes at a station is a plain zero
        around = bins[max(0, i - width):i] + bins[i + 1:i + 1 + width]
        mean = sum(around) / len(around) if around else 0.0
        if count >= 20:
            found.append((i / 10, count, mean))
    found.sort(key=lambda x: (-(x[1] / x[2] if x[2] else float("inf")), x[0]))
    return found[:top]
