"""A national dataset's figures in the graph: only what the verdicts and pages need.

Build stage, run after `build_graph` (checker/pipeline.py), for each dataset read on load:
its table (`<election>/polling-stations`, a `qb:DataSet` of the election, with the protocol
lines it reports), the stations that break a control relation with every count and their CSV
line (checker/results/national/cube.py), so the SHACL rules of
rules/copenhagen-1990-7.4-protocol.ttl report them as `<file>:<line>`, and one
`eokb:IntegerPercentageTest` per percentage (turnout and each party's share) with its
figures, which rules/copenhagen-1990-7.4-protocol.ttl (RES-7.4-integer-percentages) reads.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal

from checker.graph.ids import iri
from checker.graph.vocab import EOKB
from checker.results.national.cube import add_stations
from checker.results.national.datasets import Dataset
from checker.results.national.figures import NationalFigures, compute


def add_national_results(graph: Graph, datasets: dict[str, Dataset]) -> dict[str, NationalFigures]:
    """Add every dataset's aggregates and flagged stations; their figures, by election."""
    found = {}
    for election_id, dataset in datasets.items():
        figures = found[election_id] = compute(dataset.stations)
        flagged = sorted({f.index for fs in figures.failures.values() for f in fs})
        parties = {p["id"]: p["name"] for p in dataset.record["parties"]}
        table = add_stations(graph, election_id, parties, dataset.stations, flagged)
        graph.add((table, RDFS.label, Literal(f"Polling-station results ({len(dataset.stations):,} stations)",
                                              lang="en")))
        for key, test in figures.integers.items():
            node = iri(f"{election_id}/integer-percentages/{key.rsplit('/', 1)[-1]}")
            graph.add((table, EOKB.integerTest, node))
            graph.add((node, RDF.type, EOKB.IntegerPercentageTest))
            graph.add((node, EOKB.integerTestOf, EOKB.Turnout if key == "turnout" else iri(key)))
            graph.add((node, EOKB.observedIntegers, Literal(test.observed)))
            graph.add((node, EOKB.expectedIntegers, Literal(Decimal(f"{test.expected:.4f}"))))
            if test.ratio is not None:
                graph.add((node, EOKB.integerRatio, Literal(Decimal(f"{test.ratio:.4f}"))))
            graph.add((node, EOKB.pValue, Literal(test.p_value, datatype=XSD.double)))
            graph.add((node, EOKB.stationsTested, Literal(test.stations)))
            graph.add((node, EOKB.zeroPercentages, Literal(test.zeros)))
            graph.add((node, EOKB.expectedNonZeroIntegers, Literal(Decimal(f"{test.nonzero_expected or 0.0:.4f}"))))
            graph.add((node, EOKB.pValueBeyondZeros, Literal(test.nonzero_p_value, datatype=XSD.double)))
            graph.add((node, EOKB.election, iri(election_id)))
            graph.add((node, EOKB.sourceFile, Literal(dataset.stations.source)))
            graph.add((node, EOKB.sourceLine, Literal(1)))  # the file as a whole, from its header
    return found
