"""pySHACL and the Oxigraph engine agree on the bundled rules, whatever the data (issue 17).

Hypothesis builds small data graphs from the rules' own vocabulary (their paths, targets, the
classes and constants their SPARQL queries name, the numbers they compare with, and literals
around them: other types, ill-typed forms, language tags), some as random triples, some shaped
like the data the rules read (elections with seat allocations, polling stations with protocol
and CEC figures, party tables with printed totals), and both engines must return exactly the
same results, message, path and source constraint included. Literal values keep to the
ontology's rdfs:range, as the loader guarantees (KB105): pySHACL 0.40 compares an xsd:boolean
with a number as Python does (false <= 10 holds) where SHACL has a type error and a result,
so a boolean where a number belongs would be judged differently (tests/test_engines.py).

    .venv/bin/python -m pytest tests/test_differential.py      # 1,000 examples, ~40 s
    HYPOTHESIS_PROFILE=differential-long .venv/bin/python -m pytest tests/test_differential.py   # 10,000

pySHACL runs each SHACL-SPARQL query once per focus node, and rdflib parses the query text
every time (~0.1 s each); the test keeps rdflib's translated queries (what rdflib's own
`prepareQuery` is for), which changes no result and makes an example take ~0.1 s, not ~1 s.
"""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, SH, Graph, Literal, Namespace, URIRef
from rdflib import namespace
from rdflib.collection import Collection
from rdflib.paths import Path as RdflibPath
from rdflib.plugins.sparql import processor
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.algebra import triples as algebra_triples
from rdflib.plugins.sparql.evaluate import evalQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from checker.judge.engines import ENGINES
from checker.judge.engines.shacl_sparql import queries
from checker.judge.rules import load_rules
from tests.conftest import ROOT

EXAMPLES = {"differential": 1_000, "differential-long": 10_000}  # ~40 s and ~7 min on one core
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "differential")
for _name, _examples in EXAMPLES.items():
    settings.register_profile(_name, max_examples=_examples, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SHAPES, RULES = load_rules(ROOT)
EOKB = Namespace("https://w3id.org/eokb/ns#")
QB = Namespace("http://purl.org/linked-data/cube#")
EX = Namespace("http://example.org/node/")


def _terms(node):
    """Every IRI and literal inside an algebra node (paths included)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (URIRef, Literal)):
            yield item
        elif isinstance(item, CompValue):
            stack.extend(value for key, value in item.items() if key != "_vars")
        elif isinstance(item, RdflibPath):
            stack.extend(getattr(item, "args", ()) or [getattr(item, "arg", None), getattr(item, "path", None)])
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)


def _nodes(node, name: str):
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == name:
                yield item
            stack.extend(value for key, value in item.items() if key != "_vars")
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def _vocabulary():
    predicates, things, numbers = set(), set(), set()
    for _shape, path in SHAPES.subject_objects(SH.path):
        predicates |= {t for t in _terms(path) if isinstance(t, URIRef)} | ({path} if isinstance(path, URIRef) else set())
    for query in queries(SHAPES):
        blocks = [node["triples"] for node in _nodes(query.algebra, "BGP")]
        blocks += [algebra_triples(node["triples"]) for node in _nodes(query.algebra, "TriplesBlock")]  # in EXISTS
        for block in blocks:
            for _s, predicate, _o in block:
                predicates |= {t for t in _terms(predicate) if isinstance(t, URIRef)}
        for term in _terms(query.algebra):
            if isinstance(term, URIRef) and term not in predicates:
                things.add(term)
            elif isinstance(term, Literal) and term.datatype in (namespace.XSD.integer, namespace.XSD.decimal):
                numbers.add(term.toPython())
    for predicate in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
        numbers |= {value.toPython() for value in SHAPES.objects(None, predicate)}
    for members in SHAPES.objects(None, SH["in"]):
        things |= set(Collection(SHAPES, members))  # true, false, "ranked", "none", …
    things |= set(SHAPES.objects(None, SH.targetClass))
    predicates |= set(SHAPES.objects(None, SH.targetSubjectsOf))
    predicates.discard(RDF.type)
    return sorted(predicates), sorted(things, key=str), sorted(numbers)


PREDICATES, THINGS, NUMBERS = _vocabulary()
NODES = [EX[f"n{i}"] for i in range(6)]
PARTIES = [EX["party-a"], EX["party-b"], EOKB.InvalidBallots, EOKB.BallotsCast]

numbers = st.sampled_from(NUMBERS).flatmap(lambda n: st.sampled_from([n - 1, n, n + 1])) | st.integers(-2, 12)
literals = st.one_of(
    numbers.map(Literal),
    numbers.map(lambda n: Literal(Decimal(n) + Decimal("0.5"))),
    st.sampled_from([Literal(True), Literal(False), Literal("true"), Literal("1", datatype=namespace.XSD.boolean),
                     Literal("ranked"), Literal("none"), Literal("none", lang="en"), Literal("x"),
                     Literal("abc", datatype=namespace.XSD.integer), Literal("2007-08-18", datatype=namespace.XSD.date),
                     Literal(3.5), Literal("7", datatype=namespace.XSD.string)]),
)
objects = st.one_of(st.sampled_from(NODES), st.sampled_from(THINGS), literals)
# The loader gives a datatype property only values of its declared range (KB105, checker/kb/convert.py):
# the values below keep to the ontology's rdfs:range, which is all the rules ever see.
RANGES = {p: r for p, r in Graph().parse(ROOT / "ontology" / "eokb.ttl").subject_objects(RDFS.range)
          if str(r).startswith(str(namespace.XSD))}
BY_RANGE = {
    namespace.XSD.boolean: st.sampled_from([Literal(True), Literal(False)]),
    namespace.XSD.integer: numbers.map(Literal),
    namespace.XSD.nonNegativeInteger: numbers.filter(lambda n: n >= 0).map(lambda n: Literal(n, datatype=namespace.XSD.nonNegativeInteger)),
    namespace.XSD.decimal: numbers.map(lambda n: Literal(Decimal(n) + Decimal("0.5"))),
    namespace.XSD.string: st.sampled_from([Literal("ranked"), Literal("none"), Literal("serious-crimes-only"), Literal("x")]),
}


def values(predicate):
    return BY_RANGE.get(RANGES.get(predicate), objects)


random_triples = st.lists(st.sampled_from(PREDICATES).flatmap(
    lambda p: st.tuples(st.sampled_from(NODES), st.just(p), values(p))), max_size=12)
typed = st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from([t for t in THINGS if isinstance(t, URIRef)])),
                 max_size=4)
votes = st.integers(0, 3) | st.integers(198, 203)


@st.composite
def stations(draw) -> list[tuple]:
    """Polling stations with protocol and CEC figures, as the results rules read them."""
    triples = []
    for i, station in enumerate(draw(st.lists(st.sampled_from(NODES[:3]), unique=True, max_size=2))):
        triples += [(station, RDF.type, EOKB.PollingStation), (station, EOKB.stationNumber, Literal(i + 1)),
                    (station, EOKB.region, Literal("Region"))]
        if draw(st.booleans()):
            triples.append((station, EOKB.territorialCommission, Literal("TEC")))
        for j, (source, party, count) in enumerate(draw(st.lists(st.tuples(
                st.sampled_from([EOKB.PecProtocol, EOKB.CecData]), st.sampled_from(PARTIES), votes), max_size=6))):
            row = EX[f"obs-{station[-2:]}-{j}"]
            triples += [(row, EOKB.pollingStation, station), (row, EOKB.resultSource, source),
                        (row, EOKB.party, party), (row, EOKB.votes, Literal(count))]
        if draw(st.booleans()):  # votes moved between two parties, the total kept
            first, second = draw(votes), draw(votes)
            for source, (a, b) in ((EOKB.PecProtocol, (first, second)), (EOKB.CecData, (second, first))):
                for party, count in zip(PARTIES[:2], (a, b)):
                    row = EX[f"moved-{station[-2:]}-{source[-7:]}-{party[-1]}"]
                    triples += [(row, EOKB.pollingStation, station), (row, EOKB.resultSource, source),
                                (row, EOKB.party, party), (row, EOKB.votes, Literal(count))]
    for party in PARTIES[:2]:
        triples.append((party, RDF.type, EOKB.Party))
        if draw(st.booleans()):
            triples.append((party, EOKB.abbreviation, Literal(party[-1].upper())))
    return triples


@st.composite
def tables(draw) -> list[tuple]:
    """A party table with its printed totals and percentages, and a finding's turnout figure."""
    table, triples = EX["table"], []
    triples.append((table, EOKB.totalVotes, Literal(draw(votes))))
    if draw(st.booleans()):
        triples.append((table, EOKB.totalMandates, Literal(draw(st.integers(0, 3)))))
    triples.append((table, EOKB.election, EX["election"]))
    if draw(st.booleans()):  # a finding's turnout figure for the same election
        figure = EX["figure"]
        triples += [(EX["finding"], EOKB.election, EX["election"]), (EX["finding"], EOKB.figure, figure),
                    (figure, EOKB.measures, EOKB.BallotsCast), (figure, RDF.value, Literal(draw(votes))),
                    (figure, RDFS.label, Literal("on election night"))]
    for j, party in enumerate(PARTIES[:2]):
        row = EX[f"row-{j}"]
        triples += [(row, QB.dataSet, table), (row, EOKB.party, party), (row, EOKB.votes, Literal(draw(votes))),
                    (row, EOKB.mandates, Literal(draw(st.integers(0, 2))))]
        if draw(st.booleans()):
            # printed percentages, "50.00" as the annexes print them (Oxigraph stores "50"), never a
            # value spelled two ways in one graph (the engine refuses that: tests/test_engines.py)
            triples.append((row, EOKB.percentOfValidVotes, Literal(draw(st.sampled_from(
                [Decimal("50.00"), Decimal("33.33"), Decimal("7.10"), Decimal("100")])))))
    return triples


@st.composite
def chambers(draw) -> list[tuple]:
    """An election, the law version governing it, and the seat allocations it states."""
    election, version = EX["election"], EX["law"]
    triples = [(election, RDF.type, EOKB.Election), (election, EOKB.governedBy, version)]
    for j, (chamber, popular) in enumerate(draw(st.lists(st.tuples(st.sampled_from([EX["lower"], EX["upper"]]),
                                                                  st.booleans()), max_size=4))):
        seats, method = EX[f"seats-{j}"], EX[f"method-{popular}"]
        triples += [(version, EOKB.states, seats), (seats, RDF.type, EOKB.SeatAllocation),
                    (seats, EOKB.chamber, chamber), (seats, EOKB.selectionMethod, method),
                    (method, EOKB.isPopularVote, Literal(popular))]
    return triples


@st.composite
def data_graphs(draw) -> Graph:
    graph = Graph()
    for triple in draw(random_triples):
        graph.add(triple)
    for node, cls in draw(typed):
        graph.add((node, RDF.type, cls))
    for part in (chambers, stations, tables):
        if draw(st.booleans()):
            for triple in draw(part()):
                graph.add(triple)
    return graph


class _PreparedQueries:
    """rdflib's SPARQL processor with each query text translated once (as `prepareQuery` does)."""

    def __init__(self) -> None:
        self.prepared: dict = {}
        self.original = processor.SPARQLProcessor.query

    def query(self, engine, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((k, str(v)) for k, v in (initNs or {}).items())))
            if key not in self.prepared:
                self.prepared[key] = translateQuery(parseQuery(strOrQuery), base, initNs)
            strOrQuery = self.prepared[key]
        return evalQuery(engine.graph, strOrQuery, initBindings, base)


PREPARED = _PreparedQueries()


def test_the_vocabulary_is_the_rules():
    assert EOKB.pollingStation in PREDICATES and EOKB.partyMembershipRequired in PREDICATES
    assert EOKB.PecProtocol in THINGS and EOKB.PollingStation in THINGS
    assert 200 in NUMBERS


@settings.get_profile(PROFILE if PROFILE in EXAMPLES else "differential")
@given(data_graphs())
def test_pyshacl_and_oxigraph_agree(data):
    note(data.serialize(format="nt"))
    patched, processor.SPARQLProcessor.query = processor.SPARQLProcessor.query, \
        lambda self, *args, **kwargs: PREPARED.query(self, *args, **kwargs)
    try:
        reference = ENGINES["pyshacl"](data, SHAPES)
    finally:
        processor.SPARQLProcessor.query = patched
    assert ENGINES["oxigraph"](data, SHAPES) == reference
