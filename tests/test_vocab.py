"""The closed Python namespace is generated from the ontology and stays in step with it."""

from __future__ import annotations

import re

import pytest
from rdflib import RDFS, Graph, URIRef

from checker.graph.vocab import EOKB
from tools.gen_vocab import NS, SKOS_DEFINITION, render
from tests.conftest import ROOT

ONTOLOGY = ROOT / "ontology" / "eokb.ttl"


def test_generated_module_is_current():
    assert (ROOT / "checker" / "graph" / "vocab.py").read_text(encoding="utf-8") == render(ONTOLOGY), \
        "run: python tools/gen_vocab.py"


def test_every_term_has_a_label_and_a_definition():
    graph = Graph().parse(ONTOLOGY)
    terms = {s for s in graph.subjects() if str(s).startswith(NS)}
    assert terms
    for term in terms:
        assert graph.value(term, RDFS.label), f"{term} has no rdfs:label"
        assert graph.value(term, SKOS_DEFINITION), f"{term} has no skos:definition"


def test_namespace_is_closed():
    with pytest.raises(AttributeError):
        EOKB.Findng  # noqa: B018 - a misspelt term


def test_code_uses_only_declared_terms():
    graph = Graph().parse(ONTOLOGY)
    declared = {str(s)[len(NS):] for s in graph.subjects() if str(s).startswith(NS)}
    used = set()
    for path in (ROOT / "checker").rglob("*.py"):
        used |= set(re.findall(r"\bEOKB\.([A-Za-z][A-Za-z0-9]*)", path.read_text(encoding="utf-8")))
    for path in (ROOT / "rules").rglob("*.ttl"):
        used |= set(re.findall(r"\beokb:([A-Za-z_][A-Za-z0-9_]*)", path.read_text(encoding="utf-8")))
    assert used - declared == set()
    assert URIRef(NS + "Finding") == EOKB.Finding
