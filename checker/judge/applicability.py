"""Whether a standard bound a state on a day, and with what legal force.

The knowledge base records, per country, from when each binding standard binds it and on what
basis (`law/<country>/country.yaml`, `standards:`). A commitment's verdict is *not-applicable*
before that day ("not yet binding"); a standard that interprets a treaty (General Comment 25)
applies where the treaty does; a good-practice text binds nobody and applies as a reference
only. A binding standard the country's file does not mention is not assumed either way: its
verdicts are *not-assessed*, with the reason.
"""

from __future__ import annotations

import datetime

from rdflib import DCTERMS, SKOS, Graph, URIRef

from checker.graph.terms import LEGAL_FORCE
from checker.graph.vocab import EOKB
from checker.judge.model import Applicability

FORCE_KEYS = {node: key for key, node in LEGAL_FORCE.items()}
BASIS_WORDS = {"participation": "participating State", "ratification": "party by ratification",
               "accession": "party by accession", "succession": "party by succession",
               "membership": "member"}


def standard_of(graph: Graph, commitment: URIRef) -> URIRef | None:
    return graph.value(commitment, SKOS.inScheme)


def applicability(graph: Graph, election: URIRef, commitment: URIRef, day: datetime.date) -> Applicability:
    standard = standard_of(graph, commitment)
    force = FORCE_KEYS.get(graph.value(standard, EOKB.legalForce), "political-commitment")
    if force == "good-practice":
        return Applicability(True, "a reference of good practice: binding on no state", force)
    binding_standard = graph.value(standard, EOKB.interprets) or standard
    country = graph.value(election, EOKB.country)
    name = _name(graph, binding_standard)
    binding = next((b for b in graph.objects(country, EOKB.binding)
                    if graph.value(b, EOKB.standard) == binding_standard), None)
    if binding is None:
        return Applicability(False, f"not known to bind: the knowledge base records no date from which {name} "
                             f"binds {_name(graph, country)}", force, known=False)
    since = graph.value(binding, EOKB.bindsFrom).toPython()
    basis = str(graph.value(binding, EOKB.bindingBasis))
    source = graph.value(binding, DCTERMS.source)
    via = f" (it interprets {name})" if binding_standard != standard else ""
    if day < since:
        return Applicability(False, f"not yet binding: {name} binds {_name(graph, country)} from {since}{via}",
                             force, since, str(source) if source else None)
    return Applicability(True, f"applicable: {BASIS_WORDS.get(basis, basis)} since {since}{via}", force, since,
                         str(source) if source else None)


def _name(graph: Graph, node) -> str:
    return str(graph.value(node, SKOS.prefLabel) or graph.value(node, DCTERMS.title)
               or graph.value(node, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) or node)
