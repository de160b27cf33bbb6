"""The shapes graph translated into whole-graph SPARQL queries, before anything runs.

`plan(shapes)` returns every query the engine will run, or raises `UnsupportedShape` for the
first shape it cannot translate: the engine refuses before it runs any query, and a shape is
never skipped in silence.

* targets (sh:targetClass, implicit class targets, sh:targetNode, sh:targetSubjectsOf,
  sh:targetObjectsOf) become a sub-select of `?this`;
* the core constraints our rules use (sh:in, sh:hasValue, sh:minInclusive, sh:maxInclusive,
  sh:minExclusive, sh:maxExclusive, sh:minCount, sh:maxCount, on a node or along an sh:path)
  become FILTERs with SHACL's semantics: sameTerm for sh:in and sh:hasValue, and a comparison
  that fails (a type error included) is a result, as in pySHACL;
* an sh:sparql constraint runs once over the whole graph with `$this` an ordinary variable, its
  rows kept for the shape's focus nodes, when that gives what pre-binding $this gives
  (prebinding.py); otherwise with the focus nodes joined at the start of every group, which is
  SHACL's pre-binding for every focus node at once (prebinding.prebound_text).

Refused: every other constraint component, SPARQL-based constraint components (a shape using
the parameters of a declared sh:ConstraintComponent), and whatever `shacl_sparql.refuse`
refuses for every engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, RDFS, SH, Graph, Literal, URIRef, Variable
from rdflib.collection import Collection
from rdflib.namespace import OWL

from checker.judge.engines.oxigraph.prebinding import prebound_text, whole_graph_difference
from checker.judge.engines.oxigraph.store import canonical_forms
from checker.judge.engines.results import BadPath, UnsupportedShape, node_text, path_text
from checker.judge.engines.shacl_sparql import ShaclQuery, refuse

TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
# A shape's triples that are no constraint of its own: what describes it, and what it holds as an
# sh:sparql constraint when it is one itself (the suite's sparql/node/sparql-002).
NOT_CONSTRAINTS = {RDF.type, SH.severity, SH.message, SH.path, SH.name, SH.description, SH.order, SH.group,
                   SH.deactivated, SH.property, SH.sparql, SH.defaultValue, SH.select, SH.prefixes, SH.declare,
                   *TARGETS}
COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
COMPONENTS = {SH["in"]: SH.InConstraintComponent, SH.hasValue: SH.HasValueConstraintComponent,
              SH.minInclusive: SH.MinInclusiveConstraintComponent, SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
              SH.minExclusive: SH.MinExclusiveConstraintComponent, SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
              SH.minCount: SH.MinCountConstraintComponent, SH.maxCount: SH.MaxCountConstraintComponent}


@dataclass(frozen=True)
class Check:
    """One query: its rows are results of `shape` (?this the focus node, ?value the value)."""

    shape: object
    severity: URIRef
    messages: tuple[Literal, ...]
    component: URIRef
    path: str | None  # the result path
    text: str
    reports_value: bool = True
    constants: tuple = ()  # what sameTerm compares values with (sh:in members, sh:hasValue)


@dataclass(frozen=True)
class SparqlCheck:
    """An sh:sparql constraint of a shape (SHACL 5.3)."""

    shape: object
    severity: URIRef
    messages: tuple[Literal, ...]  # the constraint's, then the shape's
    constraint: object
    path: str | None  # the shape's path, if a property shape
    targets: str
    query: ShaclQuery
    whole_graph: bool  # one run over the graph gives pre-binding's answer (prebinding.py)
    node_shape: bool

    @property
    def binds_current_shape(self) -> bool:
        return "currentShape" in self.query.written

    @property
    def text(self) -> str:
        return self.query.text if self.whole_graph else prebound_text(self.query.text, self.targets)


def _path(shapes: Graph, node) -> str:
    try:
        return path_text(shapes, node)
    except BadPath as error:
        raise UnsupportedShape(f"sh:path {node_text(node)}: {error}", node) from error


def _targets(shapes: Graph, shape) -> str | None:
    """The shape's focus nodes as a group binding ?this, or None when it has no target."""
    patterns = [f"{{ ?this a/<{RDFS.subClassOf}>* <{c}> }}" for c in shapes.objects(shape, SH.targetClass)]
    if isinstance(shape, URIRef) and ((shape, RDF.type, RDFS.Class) in shapes or (shape, RDF.type, OWL.Class) in shapes):
        patterns.append(f"{{ ?this a/<{RDFS.subClassOf}>* <{shape}> }}")
    patterns += [f"{{ BIND({n.n3()} AS ?this) }}" for n in shapes.objects(shape, SH.targetNode)]
    patterns += [f"{{ ?this <{p}> ?targetObject }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    patterns += [f"{{ ?targetSubject <{p}> ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(patterns) + " } }" if patterns else None


def plan(shapes: Graph) -> list[Check | SparqlCheck]:
    """Every query of a validation, or UnsupportedShape before any runs."""
    by_holder: dict = {}
    for query in refuse(shapes):
        by_holder.setdefault(query.holder, []).append(query)
    parameters = _component_parameters(shapes)
    checks: list[Check | SparqlCheck] = []
    for shape in sorted(set(shapes.subjects()), key=str):
        targets = _targets(shapes, shape)
        if targets is not None:
            _shape(shapes, shape, targets, by_holder, parameters, checks)
    return checks


def _component_parameters(shapes: Graph) -> dict:
    """parameter path → its constraint component (whatever declares sh:parameter, however typed)."""
    return {path: component for component, parameter in shapes.subject_objects(SH.parameter)
            for path in shapes.objects(parameter, SH.path)}


def _shape(shapes: Graph, shape, targets: str, by_holder: dict, parameters: dict, checks: list) -> None:
    if shapes.value(shape, SH.deactivated) == Literal(True):
        return
    path_node = shapes.value(shape, SH.path)
    path = None if path_node is None else _path(shapes, path_node)
    severity = shapes.value(shape, SH.severity) or SH.Violation
    messages = tuple(shapes.objects(shape, SH.message))
    for predicate, value in sorted(shapes.predicate_objects(shape)):
        if predicate in parameters:
            raise UnsupportedShape(f"shape {node_text(shape)} uses {predicate}, a parameter of the SPARQL-based "
                                   f"constraint component {node_text(parameters[predicate])}, which the oxigraph "
                                   "engine does not run", shape)
        if predicate in NOT_CONSTRAINTS or not str(predicate).startswith(str(SH)):
            continue
        try:
            checks.append(_core(shapes, shape, targets, path, predicate, value, severity, messages))
        except UnsupportedShape:
            raise
        except (ValueError, TypeError) as error:  # e.g. sh:minCount "two", sh:in without a list
            raise UnsupportedShape(f"shape {node_text(shape)}: malformed {predicate}: {error}", shape) from error
    for constraint in sorted(shapes.objects(shape, SH.sparql), key=str):
        if shapes.value(constraint, SH.deactivated) == Literal(True):
            continue
        mine = [q for q in by_holder.get(constraint, []) if q.kind == "select" and q.path == path]
        if len(mine) != 1:
            raise UnsupportedShape(f"shape {node_text(shape)}: sh:sparql {node_text(constraint)} needs one sh:select",
                                   constraint)
        query = mine[0]
        if Variable("failure") in (dict.get(query.algebra, "PV") or ()):
            raise UnsupportedShape(f"shape {node_text(shape)}: ?failure rows (5.3.2) are not supported", constraint)
        difference = whole_graph_difference(query.algebra)
        projected = {str(v) for v in dict.get(query.algebra, "PV") or ()}
        if difference is not None and "this" not in projected:
            raise UnsupportedShape(f"shape {node_text(shape)}: {query.where} needs $this pre-bound ({difference}), "
                                   "which needs it to return $this", constraint)
        if "currentShape" in query.written and "currentShape" not in projected:
            raise UnsupportedShape(f"shape {node_text(shape)}: {query.where} uses $currentShape without returning "
                                   "it; the engine cannot pre-bind it there", constraint)
        checks.append(SparqlCheck(
            shape, severity, tuple(shapes.objects(constraint, SH.message)) + messages, constraint, path, targets,
            query, whole_graph=difference is None, node_shape=path_node is None))
    for child in sorted(shapes.objects(shape, SH.property), key=str):
        if shapes.value(child, SH.path) is None:
            raise UnsupportedShape(f"property shape {node_text(child)} of {node_text(shape)} has no sh:path", child)
        _shape(shapes, child, targets, by_holder, parameters, checks)


def _core(shapes: Graph, shape, targets: str, path: str | None, component, argument, severity, messages) -> Check:
    values = f"?this {path} ?value ." if path else "BIND(?this AS ?value)"
    name = COMPONENTS.get(component)
    constants = tuple(Collection(shapes, argument)) if component == SH["in"] else \
        (argument,) if component == SH.hasValue else ()
    respelled = canonical_forms(constants)
    if respelled:  # sameTerm in Oxigraph would see the stored spelling, pySHACL the written one
        written, stored = next(iter(respelled.items()))
        raise UnsupportedShape(f"shape {node_text(shape)}: {predicate_name(component)} {written.n3()}: write it as "
                               f"{stored!r}, the spelling Oxigraph stores", shape)
    if component == SH["in"]:
        members = " || ".join(f"sameTerm(?value, {m.n3()})" for m in constants)
        where, reports_value = f"{values} FILTER(!({members or 'false'}))", True
    elif component in COMPARISONS:
        where = f"{values} FILTER(!COALESCE(?value {COMPARISONS[component]} {argument.n3()}, false))"
        reports_value = True
    elif component == SH.hasValue:
        test = f"?this {path} {argument.n3()}" if path else f"FILTER(sameTerm(?this, {argument.n3()}))"
        where, reports_value = f"FILTER NOT EXISTS {{ {test} }}", False
    elif component in (SH.minCount, SH.maxCount):
        operator = "<" if component == SH.minCount else ">"
        text = (f"SELECT ?this WHERE {{ {targets} OPTIONAL {{ ?this {path} ?value }} }} GROUP BY ?this "
                f"HAVING (COUNT(DISTINCT ?value) {operator} {int(argument)})")
        return Check(shape, severity, messages, name, path, text, reports_value=False)
    else:
        raise UnsupportedShape(f"shape {node_text(shape)}: the oxigraph engine does not translate "
                               f"{predicate_name(component)}", shape)
    projection = "?this ?value" if reports_value else "?this"
    return Check(shape, severity, messages, name, path, f"SELECT DISTINCT {projection} WHERE {{ {targets} {where} }}",
                 reports_value, constants)


def predicate_name(predicate) -> str:
    return f"sh:{str(predicate)[len(str(SH)):]}"

