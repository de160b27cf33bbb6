"""Run a SHACL engine on the W3C SHACL test suite and say how it did on each test.

The suite (suite/, `data-shapes-test-suite/tests` of w3c/data-shapes) lists its tests in
manifests (`mf:include`, `mf:entries`); each sht:Validate test names a data graph, a shapes graph
and either the expected validation report or sht:Failure (the engine must report a failure).
Reports are compared as the suite's own page describes (index.html, "Validate RDF data"): the
results' focus node, path, value, severity, source shape, source constraint and source
constraint component, and the message where the expected report gives one, as graphs compared
by isomorphism (blank nodes match blank nodes, consistently), and sh:conforms. A result given
twice counts once (the two report graphs are equivalent).

An engine's outcome on a test is one of

    pass      the expected report (or, for a sht:Failure test, a refusal);
    refused   the engine declined before running any query (its `refuse` check raised
              UnsupportedShape, or it refused the data as it loaded it: UnsupportedData);
    wrong     another report, or a sht:Failure test run, or a refusal after queries ran;
    crash     any other exception.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import rdflib
from rdflib import RDF, SH, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic, to_isomorphic

from checker.judge.engines.results import BadPath, RawResult, UnsupportedData, UnsupportedShape, path_text, text_node

SUITE = Path(__file__).resolve().parent / "suite"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
OUTCOMES = ("pass", "refused", "wrong", "crash")


@dataclass(frozen=True)
class W3CTest:
    id: str  # the file, relative to suite/, without .ttl: core/node/class-001
    file: Path
    data: Path
    shapes: Path
    status: str  # approved | proposed
    failure: bool  # mf:result sht:Failure: the engine must report a failure
    conforms: bool | None
    expected: frozenset = field(default_factory=frozenset, compare=False)  # the expected results (normal form)
    messages: frozenset = field(default_factory=frozenset, compare=False)  # every sh:resultMessage it gives


@lru_cache(maxsize=None)
def parsed(path: Path) -> Graph:
    """A test file, parsed once (a test whose data and shapes are one file gets one graph, so its
    blank nodes are the same in both), its literals as written: rdflib would otherwise rewrite an
    ill-typed "none"^^xsd:boolean as the well-typed "false" (core/property/or-datatypes-001)."""
    normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # rdflib on the suite's deliberately ill-typed literals
            return Graph().parse(path, format="turtle", publicID=path.as_uri())
    finally:
        rdflib.NORMALIZE_LITERALS = normalize


def _file(node) -> Path:
    return Path(str(node).removeprefix("file://"))


def all_tests() -> list[W3CTest]:
    """Every sht:Validate test of the suite: those its manifests reach, and those in a test file
    no manifest includes (sparql/component/nodeValidator-001 upstream), by id."""
    reached = _reached(SUITE / "manifest.ttl")
    files = {test.file for test in reached}
    orphans = [test for path in sorted(SUITE.rglob("*.ttl")) if path not in files and "sht:Validate" in path.read_text()
               for test in _reached(path)]
    return sorted(reached + orphans, key=lambda test: test.id)


def _reached(manifest: Path) -> list[W3CTest]:
    graph = parsed(manifest)
    found: list[W3CTest] = []
    for include in graph.objects(URIRef(manifest.as_uri()), MF.include):
        found += _reached(_file(include))
    for entries in graph.objects(None, MF.entries):
        for entry in Collection(graph, entries):
            if (entry, RDF.type, SHT.Validate) in graph:
                found.append(_test(graph, entry, manifest))
    return found


def _test(graph: Graph, entry, manifest: Path) -> W3CTest:
    action = graph.value(entry, MF.action)
    result = graph.value(entry, MF.result)
    status = str(graph.value(entry, MF.status)).rsplit("#", 1)[-1]
    common = dict(id=manifest.relative_to(SUITE).with_suffix("").as_posix(), file=manifest,
                  data=_file(graph.value(action, SHT.dataGraph)), shapes=_file(graph.value(action, SHT.shapesGraph)),
                  status=status)
    if result == SHT.Failure:
        return W3CTest(**common, failure=True, conforms=None)
    expected = frozenset(_normal(graph, node) for node in graph.objects(result, SH.result))
    messages = frozenset(str(m) for node in graph.objects(result, SH.result) for m in graph.objects(node, SH.resultMessage))
    return W3CTest(**common, failure=False, conforms=graph.value(result, SH.conforms).toPython(), expected=expected,
                   messages=messages)


NORMAL = (SH.focusNode, SH.resultPath, SH.resultSeverity, SH.sourceConstraint, SH.sourceConstraintComponent,
          SH.sourceShape, SH.value, SH.resultMessage)


def _normal(graph: Graph, result) -> tuple:
    """An expected result as (predicate, term) pairs; a path as its text."""
    pairs = []
    for predicate in NORMAL:
        for term in graph.objects(result, predicate):
            if predicate == SH.resultPath:
                try:
                    term = Literal(path_text(graph, term))
                except BadPath:
                    term = Literal(f"(unreadable path {term})")
            elif predicate == SH.resultMessage:
                term = Literal(str(term))
            pairs.append((predicate, term))
    return tuple(sorted(pairs))


def _actual(result: RawResult, messages: frozenset) -> tuple:
    pairs = [(SH.focusNode, text_node(result.focus)), (SH.resultSeverity, URIRef(result.severity)),
             (SH.sourceShape, text_node(result.shape))]
    if result.component:
        pairs.append((SH.sourceConstraintComponent, URIRef(result.component)))
    if result.path is not None:
        pairs.append((SH.resultPath, Literal(result.path)))
    if result.value is not None:
        pairs.append((SH.value, result.value))
    if result.constraint is not None:
        pairs.append((SH.sourceConstraint, text_node(result.constraint)))
    if result.message in messages:  # the suite keeps only the messages the expected report gives
        pairs.append((SH.resultMessage, Literal(result.message)))
    return tuple(sorted(pairs))


def _graph(results) -> Graph:
    graph = Graph()
    for pairs in results:
        node = BNode()
        graph.add((node, RDF.type, SH.ValidationResult))
        for predicate, term in pairs:
            graph.add((node, predicate, term))
    return graph


@dataclass
class Outcome:
    test: W3CTest
    outcome: str  # one of OUTCOMES
    detail: str = ""


def judge(test: W3CTest, run: Callable[[], list[RawResult]], refuse: Callable[[], None]) -> Outcome:
    """How an engine did on a test: `refuse()` is its check before any query, `run()` the validation."""
    try:
        refuse()
    except UnsupportedShape as refusal:
        return Outcome(test, "pass" if test.failure else "refused", str(refusal))
    except Exception as error:  # noqa: BLE001 - a crash is an outcome
        return Outcome(test, "crash", f"{type(error).__name__} in the check: {error}")
    try:
        results = run()
    except UnsupportedData as refusal:  # refused as the data was loaded, before any query
        return Outcome(test, "pass" if test.failure else "refused", str(refusal))
    except UnsupportedShape as refusal:
        return Outcome(test, "wrong", f"refused only after running queries: {refusal}")
    except Exception as error:  # noqa: BLE001
        return Outcome(test, "crash", f"{type(error).__name__}: {error}")
    return compare(test, results)


def compare(test: W3CTest, results: list[RawResult]) -> Outcome:
    if test.failure:
        return Outcome(test, "wrong", f"sht:Failure expected; the engine ran and gave {len(results)} result(s)")
    # A result given twice is one result: the two report graphs are equivalent (pySHACL reports a
    # result once for each way it reaches the shape, core/validation-reports/shared).
    actual = sorted(set(_actual(result, test.messages) for result in results))
    if (not results) != test.conforms:
        return Outcome(test, "wrong", f"sh:conforms {not results}, expected {test.conforms}\n" + describe(test, actual))
    expected_graph, actual_graph = _graph(test.expected), _graph(actual)
    if len(actual) == len(test.expected) and isomorphic(expected_graph, actual_graph):
        return Outcome(test, "pass")
    return Outcome(test, "wrong", describe(test, actual))


def describe(test: W3CTest, actual: list[tuple]) -> str:
    def lines(results) -> str:
        return "\n".join("  " + ", ".join(f"{p.split('#')[-1]}={t.n3()}" for p, t in pairs) for pairs in sorted(results))
    return f"expected {len(test.expected)} result(s):\n{lines(test.expected)}\ngot {len(actual)}:\n{lines(actual)}"


def data_and_shapes(test: W3CTest) -> tuple[Graph, Graph]:
    return parsed(test.data), parsed(test.shapes)


# -- a whole engine on the whole suite -----------------------------------------------------------

def outcomes(engine: str) -> list[Outcome]:
    """Every test's outcome for one of our engines (`checker.judge.engines.ENGINES`); Jena's in
    one JVM (jena_validate_many)."""
    from checker.judge.engines import ENGINES, REFUSALS

    suite = all_tests()
    if engine == "jena":
        from checker.judge.engines.jena import jena_validate_many

        return batch_outcomes(suite, jena_validate_many([data_and_shapes(test) for test in suite]))
    validate, refuse = ENGINES[engine], REFUSALS[engine]
    found = []
    for test in suite:
        data, shapes = data_and_shapes(test)
        found.append(judge(test, lambda: validate(data, shapes), lambda: refuse(shapes)))
    return found


def batch_outcomes(suite: list[W3CTest], answers: list, errors_report_failure: bool = False) -> list[Outcome]:
    """Outcomes from a batch engine's answers: each test's results, or the exception it raised
    (an UnsupportedShape from its check before running). `errors_report_failure`: an engine
    without refusals (TopBraid) reports a failure by an error, which passes a sht:Failure test."""
    found = []
    for test, answer in zip(suite, answers):
        if errors_report_failure and test.failure and isinstance(answer, Exception):
            found.append(Outcome(test, "pass", f"{type(answer).__name__}: {answer}"))
        elif isinstance(answer, UnsupportedShape):
            found.append(Outcome(test, "pass" if test.failure else "refused", str(answer)))
        elif isinstance(answer, Exception):
            found.append(Outcome(test, "crash", f"{type(answer).__name__}: {answer}"))
        else:
            found.append(compare(test, answer))
    return found


def readable(reason: str) -> str:
    """A refusal's reason without what changes from run to run (blank node ids) or is long
    (the suite's namespaces)."""
    import re

    reason = re.sub(r"_:[A-Za-z0-9]+", "_:b", reason)
    reason = re.sub(r"http://datashapes\.org/sh/tests/[^#\s>]*#", "ex:", reason)
    return reason.replace("http://www.w3.org/ns/shacl#", "sh:").replace("http://example.org/shacl-test/", "ex:")
