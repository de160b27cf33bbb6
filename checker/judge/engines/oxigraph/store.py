"""Oxigraph stores for the Oxigraph engine: rdflib terms in and out, and the store a run reads.

Two things do not survive the trip from rdflib to Oxigraph as they are, and `Terms` remembers
them so that results name the data's own terms (see `Terms`); data that cannot make the trip
faithfully is refused before any query runs (`UnsupportedData`).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from checker.graph.framed_graph import FramedGraph
from checker.judge.engines.results import UnsupportedData


# -- terms ------------------------------------------------------------------------------------

def canonical_forms(literals) -> dict[Literal, str]:
    """The lexical form Oxigraph stores for each typed literal, where it differs from the
    literal's own ("33.00"^^xsd:decimal is stored as "33", "01"^^xsd:integer as "1", "1E1"^^xsd:float
    as "10"): asked of Oxigraph itself, all literals in one scratch store."""
    candidates = sorted({term for term in literals if isinstance(term, Literal) and term.datatype is not None
                         and term.datatype != XSD.string}, key=lambda term: (str(term), str(term.datatype)))
    scratch = ox.Store()
    scratch.extend(ox.Quad(ox.NamedNode(f"urn:x-eokb:{i}"), ox.NamedNode("urn:x-eokb:v"),
                           ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))))
                   for i, term in enumerate(candidates))
    found = {}
    for quad in scratch:
        term = candidates[int(quad.subject.value.rsplit(":", 1)[1])]
        if quad.object.value != str(term):
            found[term] = quad.object.value
    return found


class Terms:
    """rdflib ↔ Oxigraph terms, for one store. Two things do not survive the trip as they are,
    and are remembered so results name the data's own terms:

    * an IRI Oxigraph refuses is escaped (build.part keeps our own IRIs valid; data from
      elsewhere may hold others);
    * a typed literal Oxigraph canonicalises ("33.00"^^xsd:decimal is stored as "33"). Two
      spellings of one value ("33" and "33.00") would be one term in the store where pySHACL
      sees two: the store is refused (`UnsupportedData`)."""

    def __init__(self) -> None:
        self.escaped: dict[str, str] = {}
        self.lexical: dict[tuple[str, str], Literal] = {}  # stored spelling → the data's, where they differ
        self.spelled: dict[tuple[str, str], Literal] = {}  # stored spelling → the data's, every one
        self.collisions: list[tuple[Literal, Literal]] = []

    def named_node(self, iri: str) -> ox.NamedNode:
        try:
            return ox.NamedNode(iri)
        except ValueError:
            cut = iri.index("#") + 1 if "#" in iri else 0
            escaped = iri[:cut] + quote(iri[cut:], safe="" if cut else ":/?&=;@!$'()*+,~.-_")
            self.escaped[escaped] = iri
            return ox.NamedNode(escaped)

    def learn(self, literals) -> None:
        """Remember how the store will spell these literals (before they go in), and any value
        spelled two ways."""
        literals = {term for term in literals if isinstance(term, Literal) and term.datatype is not None}
        stored = canonical_forms(literals)
        for term in literals:
            key = (stored.get(term, str(term)), str(term.datatype))
            known = self.spelled.setdefault(key, term)
            if known != term:
                self.collisions.append((known, term))
            elif term in stored:
                self.lexical[key] = term

    def to_ox(self, term):
        if isinstance(term, URIRef):
            return self.named_node(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))

    def from_ox(self, term):
        if term is None:
            return None
        if isinstance(term, ox.NamedNode):
            return URIRef(self.escaped.get(term.value, term.value))
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        # as Oxigraph holds it: rdflib would rewrite an ill-typed "none"^^xsd:boolean as "false"
        return self.lexical.get((term.value, datatype)) or Literal(term.value, datatype=URIRef(datatype), normalize=False)

    def quads(self, graph: Graph, graph_name) -> Iterator[ox.Quad]:
        self.learn(o for o in graph.objects() if isinstance(o, Literal))
        for s, p, o in graph:
            yield ox.Quad(self.to_ox(s), self.to_ox(p), self.to_ox(o), graph_name)

    def refuse_collisions(self) -> None:
        if self.collisions:
            first, second = self.collisions[0]
            raise UnsupportedData(f"the data spells one value two ways, {first.n3()} and {second.n3()}, which Oxigraph "
                                  f"stores as one term ({len(self.collisions)} such value(s)); write each value one way")


@contextmanager
def data_store(data: Graph):
    """An Oxigraph store holding the data graph, the graph a query reads, and the term mapping.

    A framed graph over an Oxigraph-backed graph (`oxigraph_graph`: national data) is used in
    place: the framing triples (never already in it: `LayeredStore` keeps only new ones) are added
    to its graph for the run and removed after it. Reading one graph is a third faster than
    reading a union of two."""
    base, extra = data.parts() if isinstance(data, FramedGraph) else (data, Graph())
    inner = getattr(base.store, "_inner", None)
    if isinstance(inner, ox.Store):
        terms = getattr(base.store, "eokb_terms", None) or Terms()
        own = ox.DefaultGraph() if base.identifier == DATASET_DEFAULT_GRAPH_ID else terms.to_ox(base.identifier)
        added = list(terms.quads(extra, own))
        terms.refuse_collisions()
        inner.extend(added)
        try:
            yield inner, own, terms
        finally:
            for quad in added:
                inner.remove(quad)
        return
    terms, store = Terms(), ox.Store()
    store.extend(terms.quads(base, ox.DefaultGraph()))
    store.extend(terms.quads(extra, ox.DefaultGraph()))
    terms.refuse_collisions()
    yield store, ox.DefaultGraph(), terms


def oxigraph_graph(graph: Graph, *ntriples: Path) -> Graph:
    """The graph copied into an Oxigraph store (an rdflib Graph over it, by oxrdflib), with
    N-Triples files (a country's results tables) loaded beside it by Oxigraph's own parser: what
    `judge` takes for national data. This engine then queries the store in place."""
    from oxrdflib import OxigraphStore

    combined = Graph(store=OxigraphStore(), identifier=DATASET_DEFAULT_GRAPH_ID)
    inner, terms = combined.store._inner, Terms()
    combined.store.eokb_terms = terms  # what `data_store` needs to map the results back
    for path in ntriples:
        inner.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    inner.extend(terms.quads(graph, ox.DefaultGraph()))
    for prefix, namespace in graph.namespaces():
        combined.bind(prefix, namespace)
    return combined
