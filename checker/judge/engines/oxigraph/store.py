"""Oxigraph stores for the Oxigraph engine: rdflib terms in and out, and the store a run reads.

Two things do not survive the trip from rdflib to Oxigraph as they are, and `Terms` remembers
them so that results name the data's own terms (see `Terms`).
"""

from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from checker.graph.framed_graph import FramedGraph


# -- terms ------------------------------------------------------------------------------------

def _canonical(lexical: str, datatype: str) -> str:
    """The lexical form Oxigraph stores (it canonicalises numbers and booleans: "33.00" → "33")."""
    try:
        if datatype == str(XSD.decimal):
            return format(Decimal(lexical).normalize(), "f")
        if datatype == str(XSD.integer):
            return str(int(lexical))
        if datatype == str(XSD.boolean):
            return {"1": "true", "0": "false"}.get(lexical.strip(), lexical.strip())
    except (ArithmeticError, ValueError):
        pass
    return lexical


class Terms:
    """rdflib ↔ Oxigraph terms, for one store. Two things do not survive the trip as they are,
    and are remembered so results name the data's own terms:

    * an IRI Oxigraph refuses is escaped (build.part keeps our own IRIs valid; data from
      elsewhere may hold others);
    * a number or boolean Oxigraph canonicalises ("33.00"^^xsd:decimal comes back as "33")."""

    def __init__(self) -> None:
        self.escaped: dict[str, str] = {}
        self.lexical: dict[tuple[str, str], Literal] = {}

    def named_node(self, iri: str) -> ox.NamedNode:
        try:
            return ox.NamedNode(iri)
        except ValueError:
            cut = iri.index("#") + 1 if "#" in iri else 0
            escaped = iri[:cut] + quote(iri[cut:], safe="" if cut else ":/?&=;@!$'()*+,~.-_")
            self.escaped[escaped] = iri
            return ox.NamedNode(escaped)

    def to_ox(self, term):
        if isinstance(term, URIRef):
            return self.named_node(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = str(term.datatype or XSD.string)
        canonical = _canonical(str(term), datatype)
        if canonical != str(term):
            self.lexical[canonical, datatype] = term
        return ox.Literal(str(term), datatype=ox.NamedNode(datatype))

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
        for s, p, o in graph:
            yield ox.Quad(self.to_ox(s), self.to_ox(p), self.to_ox(o), graph_name)


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
