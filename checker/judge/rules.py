"""The rules: SHACL shapes in `rules/`, one file per commitment, and what each declares.

Every rule is a shape with a stable id (`eokb:ruleId`), the commitment(s) it expresses
(`eokb:expresses`), a plain-language description (`rdfs:comment`), the fact properties it
needs to judge at all (`eokb:needsProperty`), what it judges (`eokb:scope`: the law, conduct
or results), a severity and a message; where its severity differs from another rule's on the
same fact, the reason (`eokb:severityReason`); and the parameters it uses (`eokb:parameter`,
declared once in `rules/parameters.ttl`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDFS, SH, Graph, URIRef

from checker.graph.ids import ID_BASE
from checker.graph.vocab import EOKB
from checker.judge.parameters import ParameterError, check_uses, declared

SEVERITY_NAMES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
SCOPES = {EOKB.LawScope: "law", EOKB.ConductScope: "conduct", EOKB.ResultsScope: "results"}


@dataclass(frozen=True)
class Rule:
    id: str
    shape: URIRef
    commitments: tuple[str, ...]  # readable ids, e.g. copenhagen-1990/7.5
    severity: str  # violation | warning | info
    label: str
    description: str
    message: str
    needs: tuple[URIRef, ...]
    file: str  # relative to the knowledge base root
    scope: str = "law"  # law | conduct | results: what the rule judges
    parameters: tuple[str, ...] = ()  # ids of the parameters it uses (checker/judge/parameters.py)
    severity_reason: str | None = None  # why its severity differs from other rules' on the same fact


class RuleError(Exception):
    """A rule file that cannot be used: the checker cannot run at all."""


def load_rules(root: Path) -> tuple[Graph, list[Rule]]:
    """The shapes graph of every file in `rules/` and the rules it declares."""
    shapes = Graph()
    files: dict[URIRef, str] = {}
    for path in sorted((Path(root) / "rules").glob("*.ttl")):
        graph = Graph()
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises several kinds for bad Turtle
            raise RuleError(f"{path}: not valid Turtle: {error}") from error
        shapes += graph
        for shape in graph.subjects(EOKB.ruleId, None):
            files[shape] = path.relative_to(root).as_posix()
    try:
        check_uses(shapes, declared(shapes))
    except ParameterError as error:
        raise RuleError(str(error)) from error
    rules = [_rule(shapes, shape, files[shape]) for shape in sorted(files)]
    ids = [rule.id for rule in rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RuleError(f"rule ids used twice: {', '.join(sorted(duplicates))}")
    return shapes, rules


def _rule(graph: Graph, shape: URIRef, file: str) -> Rule:
    def text(predicate) -> str:
        value = graph.value(shape, predicate)
        if value is None:
            raise RuleError(f"{file}: rule {shape} has no {graph.namespace_manager.normalizeUri(predicate)}")
        return str(value)

    severity = graph.value(shape, SH.severity)
    if severity not in SEVERITY_NAMES:
        raise RuleError(f"{file}: rule {shape} has no sh:severity of sh:Violation, sh:Warning or sh:Info")
    commitments = tuple(sorted(str(c)[len(ID_BASE):] for c in graph.objects(shape, EOKB.expresses)))
    if not commitments:
        raise RuleError(f"{file}: rule {shape} expresses no commitment (eokb:expresses)")
    scope = SCOPES.get(graph.value(shape, EOKB.scope))
    if scope is None:
        raise RuleError(f"{file}: rule {shape} has no eokb:scope of eokb:LawScope, eokb:ConductScope or eokb:ResultsScope")
    reason = graph.value(shape, EOKB.severityReason)
    return Rule(
        id=text(EOKB.ruleId), shape=shape, commitments=commitments, severity=SEVERITY_NAMES[severity],
        label=text(RDFS.label), description=text(RDFS.comment), message=text(SH.message),
        needs=tuple(sorted(graph.objects(shape, EOKB.needsProperty))), file=file, scope=scope,
        parameters=tuple(sorted(str(graph.value(p, EOKB.parameterId)) for p in graph.objects(shape, EOKB.parameter))),
        severity_reason=" ".join(str(reason).split()) if reason is not None else None,
    )
