"""The namespaces the graph uses, with the prefixes every export binds."""

from __future__ import annotations

from rdflib import DCTERMS, PROV, RDFS, SH, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import ORG, DefinedNamespace

from checker.graph.ids import ID_BASE
from checker.graph.vocab import EOKB


class ELI(DefinedNamespace):
    """The European Legislation Identifier terms this project uses."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True
    LegalResource: URIRef
    LegalExpression: URIRef
    is_part_of: URIRef
    realizes: URIRef
    first_date_entry_in_force: URIRef
    date_no_longer_in_force: URIRef
    date_document: URIRef
    title: URIRef
    number: URIRef


PREFIXES = {
    "eokb": EOKB._NS, "id": Namespace(ID_BASE), "eli": ELI._NS, "skos": SKOS, "dcterms": DCTERMS,
    "prov": PROV, "org": ORG, "sh": SH, "xsd": XSD, "rdfs": RDFS,
}
