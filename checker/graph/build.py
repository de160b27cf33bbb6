"""Building the one RDF graph from the loaded knowledge base.

Every subject carries its provenance: the YAML file, line and column it was read from
(`eokb:sourceFile`, `eokb:sourceLine`, `eokb:sourceColumn`), so that a SHACL result on any
node can be reported at the place an expert wrote it. No blank nodes: records without an id
get an IRI derived from their parent's (`<finding>#quote-1`), which keeps exports stable.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, URIRef

from checker.graph.build_law import LawTriples
from checker.graph.build_observations import ObservationTriples
from checker.graph.build_report import ReportTriples
from checker.graph.ids import iri, part
from checker.graph.namespaces import PREFIXES
from checker.graph.vocab import EOKB
from checker.kb.load import KnowledgeBase
from checker.kb.quotes import quote_source
from checker.kb.read import Record


def literal(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, Decimal):
        return Literal(value, datatype=XSD.decimal)
    if isinstance(value, datetime.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(value)


class GraphBuilder(LawTriples, ReportTriples, ObservationTriples):
    """Turns the records of a knowledge base into triples, one kind of record at a time."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)

    def build(self) -> Graph:
        for kb_file in self.kb.files:
            top = kb_file.top
            handler = getattr(self, "_" + kb_file.kind.name.replace("-", "_"))
            handler(top)
        return self.graph

    # -- helpers ---------------------------------------------------------------------------

    def add(self, subject: URIRef, predicate: URIRef, value: Any) -> None:
        if value is None:
            return
        self.graph.add((subject, predicate, value if isinstance(value, URIRef) else literal(value)))

    def node(self, subject: URIRef, record: Record, *classes: URIRef) -> URIRef:
        """Declare a subject: its classes and where it was written."""
        for cls in classes:
            self.graph.add((subject, RDF.type, cls))
        self.add(subject, EOKB.sourceFile, record.pos.path)
        self.add(subject, EOKB.sourceLine, record.pos.line)
        self.add(subject, EOKB.sourceColumn, record.pos.column)
        return subject

    def refs(self, subject: URIRef, predicate: URIRef, ids: list[str] | None) -> None:
        for target in ids or []:
            self.graph.add((subject, predicate, iri(target)))

    def quotes(self, subject: URIRef, record: Record, key: str = "quotes",
               predicate: URIRef = EOKB.quotation) -> None:
        for n, quote in enumerate(record.get(key) or [], start=1):
            self.graph.add((subject, predicate, self.quote(part(subject, f"quote-{n}"), quote)))

    def quote(self, subject: URIRef, quote: Record) -> URIRef:
        self.node(subject, quote, EOKB.Quotation)
        self.add(subject, EOKB.quotedText, " ".join(quote["text"].split()))
        source = quote_source(self.kb, quote)
        if source:
            self.add(subject, EOKB.quotedFrom, iri(source))
        first, last = quote["lines"]
        self.add(subject, EOKB.firstLine, first)
        self.add(subject, EOKB.lastLine, last)
        page = self.page_of(source, first)
        self.add(subject, EOKB.page, page)
        return subject

    def page_of(self, report_id: str | None, line: int) -> int | None:
        """The reconstructed page a line of a report's text falls on."""
        report_file = next((f for f in self.kb.files if f.kind.name == "report" and f.report_id == report_id), None)
        if report_file is None:
            return None
        page = None
        for entry in sorted(report_file.top.get("pages", []), key=lambda p: p["first_line"]):
            if entry["first_line"] <= line:
                page = entry["page"]
        return page


def build_graph(kb: KnowledgeBase) -> Graph:
    """The one graph of a knowledge base that loaded without problems."""
    return GraphBuilder(kb).build()
