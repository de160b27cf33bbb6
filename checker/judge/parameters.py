"""Rule parameters: the numbers and choices a commitment's text does not itself fix.

A parameter is declared once, in `rules/parameters.ttl`, with its default value, the constraint
it sets in the shapes that use it (`eokb:sets sh:maxInclusive`), and its basis: a source's words
(quoted) or a policy choice with the reasoning. A shape that uses it names it
(`eokb:parameter`) and carries the default as its constraint's value, so the rule file reads on
its own. A knowledge base may set its own value in `parameters.yaml` (with a justification and
an owner); the value in force is laid into the shapes before any engine runs, and every output
shows it, and whether it was overridden.

A SHACL-SPARQL rule reads a parameter in its query as `$<name>`, the local name of what the
parameter sets (`eokb:sets eokb:maxShareRatio` → `$maxShareRatio`), and carries the default as
that property like any other rule; the value in force is written into the query text before any
engine runs (SHACL pre-binds only its own variables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from rdflib import RDF, RDFS, SH, XSD, Graph, Literal, URIRef

from checker.graph.vocab import EOKB


@dataclass(frozen=True)
class Override:
    value: Decimal
    justification: str
    owner: str
    where: str  # file:line of the override


@dataclass(frozen=True)
class Parameter:
    id: str
    node: URIRef
    label: str
    default: Decimal
    sets: URIRef  # the constraint component parameter, e.g. sh:maxInclusive
    basis: str  # "policy choice" | "a source's words"
    reasoning: str  # the reasoning of a policy choice, or the quotation and its source
    override: Override | None = None

    @property
    def value(self) -> Decimal:
        return self.override.value if self.override is not None else self.default

    def describe(self) -> str:
        """One line for outputs: the value, and where it comes from."""
        text = f"{self.label}: {_plain(self.value)} ({self.basis}: {self.reasoning})"
        if self.override is not None:
            text += (f" — set by this knowledge base instead of {_plain(self.default)} "
                     f"({self.override.where}, {self.override.owner}: {self.override.justification})")
        return text


class ParameterError(Exception):
    """A parameter declaration or use the checker cannot run with."""


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def declared(shapes: Graph) -> dict[str, Parameter]:
    """The parameters the shapes declare, by id."""
    found = {}
    for node in sorted(shapes.subjects(RDF.type, EOKB.Parameter)):
        missing = [name for name, p in (("eokb:parameterId", EOKB.parameterId), ("rdf:value", RDF.value),
                                        ("eokb:sets", EOKB.sets), ("rdfs:label", RDFS.label),
                                        ("eokb:parameterBasis", EOKB.parameterBasis),
                                        ("rdfs:comment", RDFS.comment)) if shapes.value(node, p) is None]
        if missing:
            raise ParameterError(f"parameter {node} has no {', '.join(missing)}")
        basis = shapes.value(node, EOKB.parameterBasis)
        if basis not in (EOKB.PolicyChoice, EOKB.SourceWords):
            raise ParameterError(f"parameter {node}: eokb:parameterBasis must be eokb:PolicyChoice or eokb:SourceWords")
        parameter = Parameter(
            id=str(shapes.value(node, EOKB.parameterId)), node=node, label=str(shapes.value(node, RDFS.label)),
            default=Decimal(str(shapes.value(node, RDF.value))), sets=shapes.value(node, EOKB.sets),
            basis="policy choice" if basis == EOKB.PolicyChoice else "a source's words",
            reasoning=" ".join(str(shapes.value(node, RDFS.comment)).split()))
        found[parameter.id] = parameter
    return found


def check_uses(shapes: Graph, parameters: dict[str, Parameter]) -> None:
    """Every shape that names a parameter carries its default as the value it sets."""
    for shape, node in shapes.subject_objects(EOKB.parameter):
        parameter = next((p for p in parameters.values() if p.node == node), None)
        if parameter is None:
            raise ParameterError(f"shape {shape} uses {node}, which no eokb:Parameter declares")
        values = list(shapes.objects(shape, parameter.sets))
        if len(values) != 1 or Decimal(str(values[0])) != parameter.default:
            raise ParameterError(f"shape {shape} must give {shapes.namespace_manager.normalizeUri(parameter.sets)} "
                                 f"{_plain(parameter.default)}, the default of parameter {parameter.id}")


def overrides(graph: Graph) -> dict[str, Override]:
    """The knowledge base's own parameter values (parameters.yaml), by parameter id."""
    found = {}
    for node in graph.subjects(RDF.type, EOKB.ParameterOverride):
        where = f"{graph.value(node, EOKB.sourceFile)}:{graph.value(node, EOKB.sourceLine)}"
        found[str(graph.value(node, EOKB.overrides))] = Override(
            Decimal(str(graph.value(node, RDF.value))), str(graph.value(node, EOKB.justification)),
            str(graph.value(node, EOKB.owner)), where)
    return found


def in_force(shapes: Graph, graph: Graph) -> tuple[Graph, list[Parameter]]:
    """The shapes with every parameter's value in force (the knowledge base's, or the default),
    and the parameters. Without an override, and with no SPARQL rule reading a parameter, the
    shapes graph is returned as it is."""
    parameters = declared(shapes)
    chosen = overrides(graph)
    parameters = {pid: replace(p, override=chosen.get(pid)) for pid, p in parameters.items()}
    uses = [(shape, next(p for p in parameters.values() if p.node == node))
            for shape, node in shapes.subject_objects(EOKB.parameter)]
    in_queries = [(shape, p) for shape, p in uses if any(shapes.objects(shape, SH.sparql))]
    if not chosen and not in_queries:
        return shapes, sorted(parameters.values(), key=lambda p: p.id)
    effective = Graph()
    effective += shapes
    for shape, parameter in uses:
        if parameter.override is not None:
            effective.remove((shape, parameter.sets, None))
            effective.add((shape, parameter.sets, _literal(parameter.value)))
    for shape, parameter in in_queries:
        _write_into_queries(effective, shape, parameter)
    return effective, sorted(parameters.values(), key=lambda p: p.id)


def _write_into_queries(shapes: Graph, shape, parameter: Parameter) -> None:
    """`$<name>` in the shape's SPARQL queries becomes the parameter's value in force."""
    name = re.compile(r"\$" + re.escape(str(parameter.sets).rsplit("#", 1)[-1]) + r"\b")
    for constraint in list(shapes.objects(shape, SH.sparql)):
        for select in list(shapes.objects(constraint, SH.select)):
            if name.search(str(select)):
                shapes.remove((constraint, SH.select, select))
                shapes.add((constraint, SH.select, Literal(name.sub(_plain(parameter.value), str(select)))))


def _literal(value: Decimal) -> Literal:
    if value == value.to_integral_value():
        return Literal(int(value), datatype=XSD.integer)
    return Literal(value, datatype=XSD.decimal)
