"""What every SHACL engine returns, and the one way an engine declines: plain, engine-neutral data.

A result names its terms as text (`node_text`): an IRI as itself, a blank node as `_:id`, a
literal in its N-Triples form, so a focus node that is not an IRI is never mistaken for one.
"""

from __future__ import annotations

from dataclasses import dataclass

import rdflib
from rdflib import RDF, SH, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.util import from_n3


class UnsupportedShape(ValueError):
    """The engine will not validate these shapes, and says so before it runs any query: a shape
    it does not understand, or a SHACL-SPARQL query that SHACL forbids or that could reach the
    network. Every engine raises it (or a subclass); a shape is never skipped in silence.
    `node` is the shapes graph's node it is about (a shape, a constraint, a path), when known."""

    def __init__(self, message: str, node=None) -> None:
        super().__init__(message)
        self.node = node


class UnsupportedData(UnsupportedShape):
    """Data the engine cannot hold faithfully (Oxigraph: one value spelled two ways), refused
    when the data is loaded, before any query runs; the shapes alone do not show it."""


@dataclass(frozen=True, order=True)
class RawResult:
    """One sh:ValidationResult, engine-neutral."""

    focus: str  # node_text of sh:focusNode
    shape: str  # node_text of sh:sourceShape
    severity: str  # the IRI of sh:Violation, sh:Warning or sh:Info
    value: URIRef | Literal | BNode | None
    message: str
    component: str = ""  # the IRI of sh:sourceConstraintComponent
    path: str | None = None  # sh:resultPath as a SPARQL property path (path_text)
    constraint: str | None = None  # node_text of sh:sourceConstraint (the sh:sparql node)


def node_text(term) -> str:
    """An IRI as itself; a blank node as `_:id`; a literal in N-Triples form."""
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return term.n3()


def text_node(text: str):
    """The term `node_text` wrote."""
    if text.startswith("_:"):
        return BNode(text[2:])
    if text.startswith('"'):
        return from_n3(text)
    return URIRef(text)


class BadPath(ValueError):
    """A node that is not a well-formed SHACL property path."""


def path_text(graph: Graph, node) -> str:
    """A SHACL property path (section 2.3.1) as a SPARQL property path: one text for one path,
    whichever graph holds its blank nodes."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if not isinstance(node, BNode):
        raise BadPath(f"{node!r} is not a SHACL path")
    if (node, RDF.first, None) in graph:
        steps = list(Collection(graph, node))
        if len(steps) < 2:
            raise BadPath("a sequence path has at least two members")
        return "(" + "/".join(_flat(path_text(graph, step), "/") for step in steps) + ")"
    forms = [(predicate, form) for predicate, form in PATH_FORMS if (node, predicate, None) in graph]
    if len(forms) != 1 or len(list(graph.objects(node, forms[0][0]))) != 1:
        raise BadPath(f"blank node path {node} has not exactly one of sh:inversePath, sh:alternativePath, "
                      "sh:zeroOrMorePath, sh:oneOrMorePath, sh:zeroOrOnePath")
    predicate, form = forms[0]
    inner = graph.value(node, predicate)
    if predicate == SH.alternativePath:
        if (inner, RDF.first, None) not in graph:
            raise BadPath("sh:alternativePath takes a list")
        options = list(Collection(graph, inner))
        if len(options) < 2:
            raise BadPath("an alternative path has at least two members")
        return "(" + "|".join(_flat(path_text(graph, step), "|") for step in options) + ")"
    return "(" + form.format(path_text(graph, inner)) + ")"


def _flat(text: str, operator: str) -> str:
    """A sequence inside a sequence (or an alternative inside an alternative) without its
    brackets: the same path, one text (Jena writes p1/p2/p3 as ((p1 p2) p3))."""
    if text.startswith("(") and text.endswith(")") and _top_level(text[1:-1]) == operator:
        return text[1:-1]
    return text


def _top_level(inner: str) -> str | None:
    """The operator joining the top-level parts of a path text, if any."""
    depth, inside = 0, False
    for char in inner:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0 and char in "/|":
                return char
    return None


PATH_FORMS = ((SH.inversePath, "^{}"), (SH.alternativePath, "{}"), (SH.zeroOrMorePath, "{}*"),
              (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?"))


def result_order(result: RawResult) -> tuple[str, ...]:
    """One order for every engine's results (the message settles ties: several columns of a
    station can change by the same number)."""
    return (result.focus, result.shape, str(result.value), result.message, result.component, result.path or "",
            result.constraint or "")


def parse_report(text: str, format: str = "turtle") -> Graph:
    """An engine's report as written: rdflib would otherwise rewrite an ill-typed literal value
    ("none"^^xsd:boolean becomes "false", "2011-01-01"^^xsd:dateTime gains a time)."""
    normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        return Graph().parse(data=text, format=format)
    finally:
        rdflib.NORMALIZE_LITERALS = normalize


def results_from_report(report: Graph) -> list[RawResult]:
    """The results of a SHACL validation report graph (any engine's): the report's sh:result
    values, not the results nested in them by sh:details."""
    found = []
    for result in {r for node in report.subjects(RDF.type, SH.ValidationReport) for r in report.objects(node, SH.result)}:
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        path = report.value(result, SH.resultPath)
        constraint = report.value(result, SH.sourceConstraint)
        found.append(RawResult(
            focus=node_text(report.value(result, SH.focusNode)),
            shape=node_text(report.value(result, SH.sourceShape)),
            severity=str(report.value(result, SH.resultSeverity)),
            value=report.value(result, SH.value),
            message=messages[0] if messages else "",
            component=str(report.value(result, SH.sourceConstraintComponent) or ""),
            path=None if path is None else _reported_path(report, path),
            constraint=None if constraint is None else node_text(constraint),
        ))
    return sorted(found, key=result_order)


def _reported_path(report: Graph, node) -> str:
    try:
        return path_text(report, node)
    except BadPath:
        return f"(unreadable path {node_text(node)})"
