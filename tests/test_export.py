"""The graph's exports: canonical Turtle (golden file), round trips, stability."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from checker.graph.export import FORMATS, serialize
from checker.pipeline import load_and_check
from tests.conftest import KB_SMALL

GOLDEN = Path(__file__).parent / "golden" / "kb-small.ttl"
PARSE_FORMAT = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def graph() -> Graph:
    loaded = load_and_check(KB_SMALL)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    return loaded.graph


def test_golden_turtle(graph):
    """Regenerate after a deliberate change with: python tools/regen_goldens.py"""
    assert serialize(graph, "ttl") == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_isomorphic(graph, fmt):
    text = serialize(graph, fmt)
    again = Graph().parse(data=text, format=PARSE_FORMAT[fmt])
    assert isomorphic(graph, again)


def test_turtle_does_not_depend_on_insertion_order(graph):
    triples = list(graph)
    random.Random(7).shuffle(triples)
    shuffled = Graph()
    for triple in triples:
        shuffled.add(triple)
    assert serialize(shuffled, "ttl") == serialize(graph, "ttl")


def test_jsonld_context_is_inline(graph):
    data = json.loads(serialize(graph, "jsonld"))
    assert isinstance(data["@context"], dict)


def test_every_subject_traces_to_a_yaml_line(graph):
    from checker.graph.vocab import EOKB

    subjects = set(graph.subjects())
    untraced = [s for s in subjects if graph.value(s, EOKB.sourceLine) is None]
    assert not untraced
    for s in subjects:
        path = str(graph.value(s, EOKB.sourceFile))
        assert (KB_SMALL / path).is_file()
