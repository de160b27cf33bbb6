"""The law in force on a day: which provision versions, and so which facts, govern an election.

A check judges each election against the legal framework of one day (its own date, or the
`--as-of` day). This stage lays that framework over the graph as plain triples, so
the rules (SHACL shapes) can follow them:

    <election> eokb:governedBy <provision version>   every version of the country's law in force
    <election> eokb:factInForce <fact>                 the facts of those versions that concern the
                                                       election's chamber (or no chamber in particular)
                                                       and hold on the day (`eokb:holdsFrom`)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from rdflib import DCTERMS, RDF, Graph, Literal, URIRef

from checker.graph.namespaces import ELI
from checker.graph.framed_graph import FramedGraph
from checker.graph.vocab import EOKB

# ontology/eokb.ttl, shipped inside the package (checker/data/eokb.ttl links to it).
ONTOLOGY = Path(__file__).resolve().parents[1] / "data" / "eokb.ttl"


@dataclass(frozen=True)
class Judged:
    """An election and the day whose law judges it."""

    election: URIRef
    day: datetime.date


def _date(value) -> datetime.date | None:
    return value.toPython() if isinstance(value, Literal) else None


def elections(graph: Graph, as_of: datetime.date | None = None) -> list[Judged]:
    """Every election of the graph, each judged on its own date unless `as_of` is given."""
    judged = []
    for election in sorted(graph.subjects(RDF.type, EOKB.Election)):
        day = as_of or _date(graph.value(election, DCTERMS.date))
        if day is not None:
            judged.append(Judged(election, day))
    return judged


def versions_in_force(graph: Graph, country: URIRef, day: datetime.date) -> list[URIRef]:
    """The provision versions of a country's instruments in force on `day`."""
    found = []
    for version in graph.subjects(RDF.type, EOKB.ProvisionVersion):
        provision = graph.value(version, ELI.realizes)
        instrument = graph.value(provision, ELI.is_part_of)
        if graph.value(instrument, EOKB.country) != country:
            continue
        start = _date(graph.value(version, ELI.first_date_entry_in_force))
        end = _date(graph.value(version, ELI.date_no_longer_in_force))
        if start is not None and start <= day and (end is None or day <= end):
            found.append(version)
    return sorted(found)


def frame(graph: Graph, judged: list[Judged]) -> Graph:
    """The graph with the vocabulary and each election's framework in force laid over it: a
    view (checker/graph/framed_graph.py), so the graph is neither copied nor changed, whatever its size."""
    framed = FramedGraph(graph)
    framed.parse(ONTOLOGY)
    for item in judged:
        country = graph.value(item.election, EOKB.country)
        chamber = graph.value(item.election, EOKB.chamber)
        for version in versions_in_force(graph, country, item.day):
            framed.add((item.election, EOKB.governedBy, version))
            for fact in graph.objects(version, EOKB.states):
                fact_chamber = graph.value(fact, EOKB.chamber)
                holds_from = _date(graph.value(fact, EOKB.holdsFrom))
                if (fact_chamber is None or fact_chamber == chamber) and (holds_from is None or holds_from <= item.day):
                    framed.add((item.election, EOKB.factInForce, fact))
    return framed
