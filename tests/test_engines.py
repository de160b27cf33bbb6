"""The Oxigraph engine gives exactly the reference engine's results (pySHACL): on the bundled
knowledge base, the small fixture, every rule case, small synthetic national tables, and shapes
that use each core constraint it translates."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from benchmarks.synthetic import generate
from checker.graph.ids import ID_BASE
from checker.judge.check import run_check
from checker.judge.engines import ENGINES
from checker.graph.framework import elections, frame
from checker.judge.engines.oxigraph import UnsupportedShape, oxigraph_graph, oxigraph_validate
from checker.pipeline import load_and_check
from checker.judge.rules import load_rules
from tests.conftest import KB_SMALL, ROOT

SHAPES, RULES = load_rules(ROOT)
CASES = sorted((Path(__file__).parent / "rules").glob("*/*.ttl"))


def both(data: Graph, shapes: Graph = SHAPES):
    return ENGINES["pyshacl"](data, shapes), ENGINES["oxigraph"](data, shapes)


@pytest.fixture(scope="module")
def bundled():
    return load_and_check(ROOT).graph


def test_same_results_on_the_bundled_kb(bundled):
    reference, fast = both(frame(bundled, elections(bundled)))
    assert len(reference) > 200  # the rules find something to compare
    assert fast == reference


def test_same_results_on_the_small_kb():
    graph = load_and_check(KB_SMALL).graph
    reference, fast = both(frame(graph, elections(graph)))
    assert fast == reference


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_same_results_on_every_rule_case(case):
    from tests.test_rules import split_case

    data, _expected, _verdicts = split_case(case)
    reference, fast = both(frame(data, elections(data)))
    assert fast == reference


def test_same_results_and_every_anomaly_on_a_small_national_table(tmp_path):
    path = tmp_path / "national.nt"
    expected = generate(300, path, protocol_share=0.2, anomaly_share=0.02, with_parties=True)
    data = Graph().parse(path, format="nt")
    reference, fast = both(frame(data, elections(data)))
    assert fast == reference
    found = {(r.shape.rsplit("/", 1)[-1], r.focus, int(r.value)) for r in fast}
    assert found == expected.results
    assert {kind: len(stations) for kind, stations in expected.injected.items()} == {
        "votes-moved": 6, "votes-added": 6, "one-party": 6, "sums-off": 6}


def test_judging_a_national_table_in_an_oxigraph_store(tmp_path, bundled):
    """The scale path: the table loaded beside the KB in Oxigraph, judged in place; the store is
    left as it was (the framing triples are removed after the run)."""
    path = tmp_path / "national.nt"
    expected = generate(200, path, anomaly_share=0.02)
    graph = oxigraph_graph(bundled, path)
    size = len(graph.store._inner)
    judgement = run_check(ROOT, graph, engine="oxigraph")
    assert len(graph.store._inner) == size
    found = {(r.rule.id, ID_BASE + r.focus, int(r.value)) for r in judgement.results if "/tec-" in r.focus}
    assert found == expected.results
    reference = run_check(ROOT, bundled)
    verdicts = lambda j: {(v.election, v.commitment): v.verdict for v in j.verdicts}  # noqa: E731
    assert verdicts(judgement) == verdicts(reference)


CORE = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .
ex:InList a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:colour ; sh:in ( ex:red "blue" 3 ) ;
    sh:message "colour not allowed" .
ex:Range a sh:PropertyShape ; sh:targetSubjectsOf ex:size ; sh:path ex:size ; sh:minInclusive 1 ; sh:maxExclusive 10 ;
    sh:severity sh:Warning ; sh:message "size out of range" .
ex:Exclusive a sh:PropertyShape ; sh:targetSubjectsOf ex:size ; sh:path ex:size ; sh:minExclusive 0 ; sh:maxInclusive 9 ;
    sh:message "size out of the other range" .
ex:Has a sh:PropertyShape ; sh:targetNode ex:a, ex:b ; sh:path ( ex:part ex:colour ) ; sh:hasValue ex:red ;
    sh:severity sh:Info ; sh:message "no red part" .
ex:Counts a sh:PropertyShape ; sh:targetObjectsOf ex:part ; sh:path [ sh:inversePath ex:part ] ;
    sh:minCount 1 ; sh:maxCount 1 ; sh:message "one owner" .
ex:Node a sh:NodeShape ; sh:targetClass ex:Colourful ; sh:in ( ex:a ) ; sh:message "not a" ;
    sh:property [ sh:path ex:colour ; sh:minCount 1 ; sh:message "needs a colour" ] .
ex:Special a sh:NodeShape, rdfs:Class ; sh:hasValue ex:b ; sh:message "not b" .
ex:Off a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ; sh:hasValue ex:nothing .
"""
CORE_DATA = """
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .
ex:SubThing rdfs:subClassOf ex:Thing .
ex:a a ex:Thing, ex:Colourful ; ex:colour ex:red, "blue", "green" ; ex:size 0, 5, 10, "big" ; ex:part ex:p1, ex:p2 .
ex:b a ex:SubThing, ex:Colourful, ex:Special ; ex:colour 3, "3" ; ex:part ex:p2 .
ex:c a ex:Colourful, ex:Special .
ex:p1 ex:colour ex:blue .
ex:p2 ex:colour ex:green .
"""


def test_core_constraints_as_pyshacl_gives_them():
    shapes = Graph().parse(data=CORE, format="turtle")
    data = Graph().parse(data=CORE_DATA, format="turtle")
    reference, fast = both(data, shapes)
    assert len(reference) >= 12
    assert fast == reference


def test_an_untranslated_component_stops_the_engine():
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:pattern "^x" .""", format="turtle")
    with pytest.raises(UnsupportedShape, match="sh:pattern"):
        oxigraph_validate(Graph(), shapes)


# -- issue 17 ----------------------------------------------------------------------------------

def test_every_bundled_sparql_rule_runs_once_over_the_whole_graph():
    """National scale needs one query a rule: each bundled query binds $this itself before any
    FILTER or BIND looks at it (prebinding.py), so none needs the focus nodes joined in."""
    from checker.judge.engines.oxigraph.plan import SparqlCheck, plan

    sparql = [check for check in plan(SHAPES) if isinstance(check, SparqlCheck)]
    assert len(sparql) == 14  # 7.2, seven results rules, 7.8 state-media balance, five national (issue 15)
    assert all(check.whole_graph for check in sparql), [str(c.shape) for c in sparql if not c.whole_graph]


def test_prebinding_positions_are_answered_as_shacl_defines():
    """$this only in a FILTER, a BIND before anything binds it, a UNION branch, an inner group:
    pre-binding gives the focus node; the engine joins the focus nodes into every group."""
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetNode ex:a, ex:b ; sh:sparql [ sh:select '''
            SELECT $this WHERE {
                { FILTER ($this = <http://example.org/a>) } UNION { BIND ($this AS ?that) FILTER (?that = <http://example.org/b>) }
                { { FILTER bound($this) } }
            }''' ] .""", format="turtle")
    from checker.judge.engines.oxigraph.plan import plan

    assert not plan(shapes)[0].whole_graph
    reference, fast = both(Graph(), shapes)
    assert {r.focus for r in fast} == {"http://example.org/a", "http://example.org/b"}
    assert fast == reference


def test_a_value_spelled_two_ways_is_refused_by_oxigraph_not_misreported():
    from checker.judge.engines import UnsupportedData

    data = Graph().parse(data="""@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:a ex:size "33.00"^^xsd:decimal . ex:b ex:size "33"^^xsd:decimal .""", format="turtle")
    with pytest.raises(UnsupportedData, match="two ways"):
        oxigraph_validate(data, Graph().parse(data=CORE, format="turtle"))
    one_way = Graph().parse(data="""@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:a ex:size "33.00"^^xsd:decimal . ex:b ex:size "12.50"^^xsd:decimal .""", format="turtle")
    reference, fast = both(one_way, Graph().parse(data=CORE, format="turtle"))
    assert fast == reference and {"33.00", "12.50"} <= {str(r.value) for r in fast}  # as the data spells them


def test_sh_in_with_a_spelling_oxigraph_does_not_store_is_refused():
    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:PropertyShape ; sh:targetSubjectsOf ex:size ; sh:path ex:size ; sh:in ( 33.0 ) .""", format="turtle")
    with pytest.raises(UnsupportedShape, match="write it as '33'"):
        oxigraph_validate(Graph(), shapes)


def test_data_spelled_otherwise_than_a_compared_constant_is_refused():
    from checker.judge.engines import UnsupportedData

    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:S a sh:PropertyShape ; sh:targetSubjectsOf ex:size ; sh:path ex:size ; sh:in ( "33"^^xsd:decimal ) .""",
                           format="turtle")
    data = Graph().parse(data="""@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:a ex:size "33.00"^^xsd:decimal .""", format="turtle")
    assert len(ENGINES["pyshacl"](data, shapes)) == 1  # "33.00" is not the term "33"
    with pytest.raises(UnsupportedData, match="sh:in"):
        oxigraph_validate(data, shapes)


@pytest.mark.xfail(strict=True, reason="pySHACL 0.40 compares xsd:boolean with a number as Python does "
                   "(False <= 10); SHACL: the comparison is a type error, so a result. The loader keeps "
                   "booleans out of numeric properties (KB105); Oxigraph and Jena follow SHACL.")
def test_a_boolean_compared_with_a_number_is_a_result():
    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:PropertyShape ; sh:targetSubjectsOf ex:size ; sh:path ex:size ; sh:maxInclusive 10 .""",
                           format="turtle")
    data = Graph().parse(data="<http://example.org/a> <http://example.org/size> false .", format="turtle")
    assert len(oxigraph_validate(data, shapes)) == 1
    assert len(ENGINES["pyshacl"](data, shapes)) == 1
