"""The integer-percentage test of Kobak, Shpilkin & Pshenichnikov ("Integer percentages as
electoral falsification fingerprints", The Annals of Applied Statistics 10(1), 2016, 54-73),
in the form issue 15 fixes so that anyone can recompute it.

Over the stations with at least 100 registered voters and at least one ballot in the boxes, a
percentage 100·a/b is *integer* when 100·a is divisible by b. If the percentages were not
steered to round numbers, a station with denominator b gives an integer percentage with
probability gcd(100, b)/b (of the b equally likely remainders of 100·a mod b, gcd(100, b) are
0), so the expected number is the sum of gcd(100, b)/b over the stations. The p-value is the
Poisson upper tail P(X >= observed) for X ~ Poisson(expected): the chance of at least this many
integer percentages without steering. A small p-value with a ratio above 1 is a signal worth
a look, never proof: round targets, small stations or reporting habits can also give it.

A zero (a party with no vote at a station) is an integer percentage by this definition, and
a zero is far likelier than 1/b for a small party, so its ratio is inflated: `zeros` says how
many of the observed integers are zeros. The figures above are the issue's exact form; the
*signal* also asks that the excess remain beyond the zeros: over the stations with a >= 1 only,
the integers observed (observed - zeros) against the sum of gcd(100, b)/b over those stations,
with its own Poisson p-value. A party whose excess is made of zeros gives no signal.

Turnout: a = ballots in the boxes, b = registered voters. A party's share: a = its votes,
b = ballots in the boxes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_REGISTERED = 100
SIGNIFICANCE = 0.001  # a p-value below this, with more integers than expected, is a signal


@dataclass(frozen=True)
class IntegerTest:
    observed: int
    expected: float
    stations: int
    zeros: int = 0  # numerators of 0: a 0 % is an integer percentage (see the module's note)
    nonzero_expected: float | None = None  # the expected number over the stations with a >= 1

    @property
    def nonzero_observed(self) -> int:
        return self.observed - self.zeros

    @property
    def nonzero_p_value(self) -> float:
        expected = self.expected if self.nonzero_expected is None else self.nonzero_expected
        return poisson_upper_tail(self.nonzero_observed, expected)

    @property
    def ratio(self) -> float | None:
        return self.observed / self.expected if self.expected else None

    @property
    def p_value(self) -> float:
        return poisson_upper_tail(self.observed, self.expected)

    @property
    def significant(self) -> bool:
        """An excess with p below SIGNIFICANCE, which remains beyond the zeros."""
        expected = self.expected if self.nonzero_expected is None else self.nonzero_expected
        return (self.observed > self.expected and self.p_value < SIGNIFICANCE
                and self.nonzero_observed > expected and self.nonzero_p_value < SIGNIFICANCE)

    def as_json(self) -> dict:
        ratio = self.ratio
        return {"observed": self.observed, "expected": round(self.expected, 4),
                "ratio": None if ratio is None else round(ratio, 4), "p_value": float(f"{self.p_value:.4g}"),
                "stations": self.stations, "zeros": self.zeros,
                "beyond_zeros": self._beyond_zeros(), "signal": self.significant}

    def _beyond_zeros(self) -> dict:
        expected = self.expected if self.nonzero_expected is None else self.nonzero_expected
        return {"observed": self.nonzero_observed, "expected": round(expected, 4),
                "ratio": round(self.nonzero_observed / expected, 4) if expected else None,
                "p_value": float(f"{self.nonzero_p_value:.4g}")}


def integer_test(numerators, denominators) -> IntegerTest:
    """Observed and expected integer percentages 100·a/b over pairs (a, b) with b >= 1."""
    observed, expected, nonzero_expected, n, zeros = 0, 0.0, 0.0, 0, 0
    for a, b in zip(numerators, denominators):
        n += 1
        chance = math.gcd(100, b) / b
        expected += chance
        if a == 0:
            zeros += 1
        else:
            nonzero_expected += chance
        if (100 * a) % b == 0:
            observed += 1
    return IntegerTest(observed, expected, n, zeros, nonzero_expected)


def stations_tested(registered, in_boxes) -> list[int]:
    """The stations the test counts: at least 100 registered and one ballot in the boxes."""
    return [i for i, (r, b) in enumerate(zip(registered, in_boxes)) if r >= MIN_REGISTERED and b >= 1]


def poisson_upper_tail(k: int, mean: float) -> float:
    """P(X >= k) for X ~ Poisson(mean), summed in log space term by term (no underflow of the
    first term for a mean in the thousands); 0.0 when it is below the smallest float."""
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    if k < mean:  # the lower tail is the short sum
        log_term, lower = -mean, 0.0
        for i in range(k):
            lower += math.exp(log_term)
            log_term += math.log(mean) - math.log(i + 1)
        return max(0.0, 1.0 - lower)
    log_term = -mean + k * math.log(mean) - math.lgamma(k + 1)
    total, i = 0.0, k
    while True:
        term = math.exp(log_term)
        total += term
        i += 1
        log_term += math.log(mean) - math.log(i)
        if term < total * 1e-17 or (term == 0.0 and i > mean + 50):
            return min(1.0, total)
