"""Stations of a national dataset as RDF Data Cube, for the few stations the graph needs.

The whole dataset never enters the graph (benchmarks/README.md, "National results": 9.6
million triples, minutes and gigabytes in Oxigraph, for figures a columnar pass gives in
seconds). What does: the stations a page or a verdict names (those that break a control
relation), and a small extract on which the SHACL rules of
rules/copenhagen-1990-7.4-protocol.ttl must agree with `protocol.failures`
(tests/test_national_results.py). Same shape as the annex tables (checker/results/data.py):
one observation per station × column, source eokb:CecData; a party's votes under
`eokb:party`, a protocol line under `eokb:protocolLine`, so that the rules summing party
columns never see registered voters or ballots received.
"""

from __future__ import annotations

from rdflib import DCTERMS, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import QB

from checker.graph.ids import iri
from checker.graph.vocab import EOKB
from checker.results.national.stations import Stations

LINE_TERMS = {
    "registered-voters": EOKB.RegisteredVoters, "ballots-received": EOKB.BallotsReceived,
    "ballots-issued-early": EOKB.BallotsIssuedEarly, "ballots-issued-in-station": EOKB.BallotsIssuedInStation,
    "ballots-issued-outside": EOKB.BallotsIssuedOutside, "ballots-cancelled": EOKB.BallotsCancelled,
    "ballots-in-mobile-boxes": EOKB.BallotsInMobileBoxes, "ballots-in-stationary-boxes": EOKB.BallotsInStationaryBoxes,
    "invalid-ballots": EOKB.InvalidBallots, "valid-ballots": EOKB.ValidBallots, "ballots-lost": EOKB.BallotsLost,
    "ballots-not-accounted": EOKB.BallotsNotAccounted,
}


def station_iri(election_id: str, stations: Stations, index: int) -> URIRef:
    """A station by its line in the (checksummed) source file: stable while the file is."""
    return iri(f"{election_id}/station/line-{stations.lines[index]}")


def add_stations(graph: Graph, election_id: str, parties: dict[str, str], stations: Stations,
                 indices: list[int]) -> URIRef:
    """The stations `indices` of a dataset, with every count, in `graph`; returns the table."""
    election, table = iri(election_id), iri(f"{election_id}/polling-stations")
    graph.add((table, RDF.type, QB.DataSet))
    graph.add((table, EOKB.election, election))
    graph.add((election, EOKB.observation, table))
    graph.add((table, EOKB.sourceFile, Literal(stations.source)))
    for line in stations.figures:  # the lines the table reports: what the protocol rules need to judge
        if line in LINE_TERMS:
            graph.add((table, EOKB.protocolLine, LINE_TERMS[line]))
    for party, name in parties.items():
        graph.add((iri(party), RDF.type, EOKB.Party))
        graph.add((iri(party), RDFS.label, Literal(name, lang="en")))
    for i in indices:
        station = station_iri(election_id, stations, i)
        graph.add((station, RDF.type, EOKB.PollingStation))
        graph.add((station, DCTERMS.identifier, Literal(stations.numbers[i])))
        if stations.numbers[i].isdigit():
            graph.add((station, EOKB.stationNumber, Literal(int(stations.numbers[i]))))
        graph.add((station, EOKB.territorialCommission, Literal(stations.commissions[i])))
        graph.add((station, EOKB.region, Literal(stations.regions[i])))
        graph.add((station, EOKB.election, election))
        graph.add((station, EOKB.sourceFile, Literal(stations.source)))
        graph.add((station, EOKB.sourceLine, Literal(stations.lines[i])))
        columns = [(EOKB.protocolLine, LINE_TERMS[line], line, values) for line, values in stations.figures.items()
                   if line in LINE_TERMS]
        columns += [(EOKB.party, iri(party), party.rsplit("/", 1)[-1], values) for party, values in stations.votes.items()]
        for dimension, column, slug, values in columns:
            obs = URIRef(f"{station}/cec-data/{slug}")
            graph.add((obs, QB.dataSet, table))
            graph.add((obs, EOKB.pollingStation, station))
            graph.add((obs, EOKB.resultSource, EOKB.CecData))
            graph.add((obs, dimension, column))
            graph.add((obs, EOKB.votes, Literal(values[i])))
            graph.add((obs, EOKB.sourceLine, Literal(stations.lines[i])))
    return table
