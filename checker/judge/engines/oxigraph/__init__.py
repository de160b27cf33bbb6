"""The Oxigraph engine: the same SHACL shapes, run as whole-graph SPARQL queries in pyoxigraph.

pySHACL (the reference) runs every SHACL-SPARQL constraint once per focus node on rdflib's
SPARQL engine; for a country's polling stations that is hours. This engine translates each
shape into a few queries over the whole graph and lets Oxigraph's optimiser do the joins:

* targets (sh:targetClass, implicit class targets, sh:targetNode, sh:targetSubjectsOf,
  sh:targetObjectsOf) become a sub-select of `?this`;
* the core constraints our rules use (sh:in, sh:hasValue, sh:minInclusive, sh:maxInclusive,
  sh:minExclusive, sh:maxExclusive, sh:minCount, sh:maxCount, on a node or along an sh:path)
  become FILTERs with SHACL's semantics: sameTerm for sh:in and sh:hasValue, and a comparison
  that fails (a type error included) is a result, as in pySHACL;
* an sh:sparql constraint runs once with `$this` replaced by the variable `?this`, its rows kept
  for the shape's focus nodes (pre-binding $this, as SHACL defines it, gives the same rows for a
  query that binds $this, which SHACL requires of a subquery that uses it). A query whose rows
  leave `?this` unbound is run once per focus node instead, with `?this` substituted.

Messages are filled in from the row as pySHACL does ({?var} and {$var}), so both engines give
the same `RawResult`s (tests/test_engines.py). Any other constraint component stops the engine
with `UnsupportedShape`: a shape is never skipped in silence.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL

from checker.judge.engines.oxigraph.store import Terms, data_store, oxigraph_graph
from checker.judge.engines.results import RawResult, result_order

__all__ = ["UnsupportedShape", "oxigraph_graph", "oxigraph_validate"]

TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
NOT_CONSTRAINTS = {RDF.type, SH.severity, SH.message, SH.path, SH.name, SH.description, SH.order, SH.group,
                   SH.deactivated, SH.property, SH.sparql, SH.defaultValue, *TARGETS}
COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature this engine does not translate: use the pyshacl engine."""


# -- shapes -----------------------------------------------------------------------------------

def _path(shapes: Graph, node) -> str:
    """An sh:path as a SPARQL property path."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if (node, RDF.first, None) in shapes:
        return "(" + "/".join(_path(shapes, step) for step in Collection(shapes, node)) + ")"
    for predicate, form in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                            (SH.zeroOrOnePath, "{}?")):
        inner = shapes.value(node, predicate)
        if inner is not None:
            return "(" + form.format(_path(shapes, inner)) + ")"
    alternatives = shapes.value(node, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(shapes, step) for step in Collection(shapes, alternatives)) + ")"
    raise UnsupportedShape(f"sh:path {node} is not a SHACL path")


def _targets(shapes: Graph, shape) -> str | None:
    """The shape's focus nodes as a group binding ?this, or None when it has no target."""
    patterns = [f"{{ ?this a/<{RDFS.subClassOf}>* <{c}> }}" for c in shapes.objects(shape, SH.targetClass)]
    if (shape, RDF.type, RDFS.Class) in shapes or (shape, RDF.type, OWL.Class) in shapes:
        patterns.append(f"{{ ?this a/<{RDFS.subClassOf}>* <{shape}> }}")
    patterns += [f"{{ BIND({n.n3()} AS ?this) }}" for n in shapes.objects(shape, SH.targetNode)]
    patterns += [f"{{ ?this <{p}> ?targetObject }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"{{ ?targetSubject <{p}> ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(patterns) + " } }" if patterns else None


class _Run:
    """One validation: every shape with targets, and the property shapes it holds."""

    def __init__(self, store: ox.Store, graph, terms: Terms, shapes: Graph) -> None:
        self.store, self.graph, self.terms, self.shapes = store, graph, terms, shapes
        self.results: list[RawResult] = []

    def query(self, text: str, substitutions=None):
        return self.store.query(text, default_graph=self.graph, substitutions=substitutions)

    def run(self) -> list[RawResult]:
        for shape in sorted(set(self.shapes.subjects()), key=str):
            targets = _targets(self.shapes, shape)
            if targets is not None:
                self.shape(shape, targets)
        return self.results

    def shape(self, shape, targets: str) -> None:
        if self.shapes.value(shape, SH.deactivated) == Literal(True):
            return
        path_node = self.shapes.value(shape, SH.path)
        path = None if path_node is None else _path(self.shapes, path_node)
        for predicate, value in self.shapes.predicate_objects(shape):
            if predicate in NOT_CONSTRAINTS or not str(predicate).startswith(str(SH)):
                continue
            self.core(shape, targets, path, predicate, value)
        for constraint in self.shapes.objects(shape, SH.sparql):
            self.sparql(shape, targets, path, path_node, constraint)
        for child in self.shapes.objects(shape, SH.property):
            if self.shapes.value(child, SH.path) is None:
                raise UnsupportedShape(f"property shape {child} of {shape} has no sh:path")
            self.shape(child, targets)

    def report(self, shape, focus, value, message: str) -> None:
        severity = self.shapes.value(shape, SH.severity) or SH.Violation
        self.results.append(RawResult(str(focus), str(shape), str(severity), value, message))

    def messages(self, shape) -> list[Literal]:
        return list(self.shapes.objects(shape, SH.message))

    def core(self, shape, targets: str, path: str | None, component, argument) -> None:
        values = f"?this {path} ?value ." if path else "BIND(?this AS ?value)"
        if component == SH["in"]:
            members = " || ".join(f"sameTerm(?value, {m.n3()})" for m in Collection(self.shapes, argument))
            where, value_reported = f"{values} FILTER(!({members or 'false'}))", True
        elif component in COMPARISONS:
            where = f"{values} FILTER(!COALESCE(?value {COMPARISONS[component]} {argument.n3()}, false))"
            value_reported = True
        elif component == SH.hasValue:
            test = f"?this {path} {argument.n3()}" if path else f"FILTER(sameTerm(?this, {argument.n3()}))"
            where, value_reported = f"FILTER NOT EXISTS {{ {test} }}", False
        elif component in (SH.minCount, SH.maxCount):
            operator = "<" if component == SH.minCount else ">"
            text = (f"SELECT ?this WHERE {{ {targets} OPTIONAL {{ ?this {path} ?value }} }} GROUP BY ?this "
                    f"HAVING (COUNT(DISTINCT ?value) {operator} {int(argument)})")
            for row in self.query(text):
                self.report(shape, self.terms.from_ox(row["this"]), None, _first(self.messages(shape)))
            return
        else:
            raise UnsupportedShape(f"shape {shape}: the oxigraph engine does not translate "
                                   f"sh:{str(component)[len(str(SH)):]}; use --engine pyshacl")
        projection = "?this ?value" if value_reported else "?this"
        for row in self.query(f"SELECT DISTINCT {projection} WHERE {{ {targets} {where} }}"):
            value = self.terms.from_ox(row["value"]) if value_reported else None
            self.report(shape, self.terms.from_ox(row["this"]), value, _first(self.messages(shape)))

    def sparql(self, shape, targets: str, path: str | None, path_node, constraint) -> None:
        if self.shapes.value(constraint, SH.deactivated) == Literal(True):
            return
        select = str(self.shapes.value(constraint, SH.select))
        if "$shapesGraph" in select:
            raise UnsupportedShape(f"shape {shape}: $shapesGraph is not supported")
        text = re.sub(r"\$this\b", "?this", select).replace("$currentShape", f"<{shape}>")
        if path is not None:
            text = re.sub(r"\$PATH\b", path, text)
        text = self.prefixes(constraint) + text
        focus_nodes = {row["this"] for row in self.query(f"SELECT ?this WHERE {{ {targets} }}")}
        solutions = self.query(text)
        names = [variable.value for variable in solutions.variables]
        rows = [dict(zip(names, row)) for row in solutions]
        if "this" not in names or any(row.get("this") is None for row in rows):
            rows = [dict(zip(names, row), this=node) for node in focus_nodes
                    for row in self.query(text, substitutions={ox.Variable("this"): node})]
        extra = [m for m in self.shapes.objects(constraint, SH.message) if m not in self.messages(shape)]
        seen = set()
        for row in rows:
            focus = row.get("this")
            if focus not in focus_nodes:
                continue
            bound = {name: self.terms.from_ox(term) for name, term in row.items() if term is not None}
            if "failure" in bound:
                raise UnsupportedShape(f"shape {shape}: ?failure rows are not supported")
            this, found_path, value = bound.pop("this"), bound.pop("path", None), bound.pop("value", None)
            if value is None and path_node is None:
                value = this  # pySHACL: a node shape's result names the focus node as its value
            key = (this, found_path, value, tuple(sorted(bound.items())))
            if key in seen:
                continue
            seen.add(key)
            fill = dict(bound, this=this, **({"path": found_path} if found_path is not None else {}),
                        **({"value": value} if value is not None else {}))
            messages = [_fill(str(m), fill) for m in extra + self.messages(shape)]
            self.report(shape, this, value, min(messages) if messages else "")

    def prefixes(self, constraint) -> str:
        lines = []
        for holder in self.shapes.objects(constraint, SH.prefixes):
            for declaration in self.shapes.objects(holder, SH.declare):
                prefix = self.shapes.value(declaration, SH.prefix)
                namespace = self.shapes.value(declaration, SH.namespace)
                lines.append(f"PREFIX {prefix}: <{namespace}>")
        return "\n".join(sorted(set(lines))) + "\n"


def _first(messages: list) -> str:
    return min((str(m) for m in messages), default="")


def _fill(message: str, bound: dict) -> str:
    """pySHACL's message template: {?var} and {$var} replaced by the bound term's string."""
    for name, term in bound.items():
        message = re.sub("{{[?$]{}}}".format(name), str(term), message)
    return message


def oxigraph_validate(data: Graph, shapes: Graph) -> list[RawResult]:
    """Validate `data` against `shapes`; the same results as `pyshacl_validate`."""
    with data_store(data) as (store, graph, terms):
        results = _Run(store, graph, terms, shapes).run()
    return sorted(results, key=result_order)
