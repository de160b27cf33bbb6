"""The rule lint: a rule that any shipped engine would refuse is rejected, with its file and line.

The engines (checker/judge/engines) refuse before running what they do not do, never skip it;
a rule that one engine refuses and another runs would make the verdict depend on `--engine`.
`kbcheck rules --check` and `kbcheck validate` run this lint, so such a rule never reaches
`main`. Problems read `rules/x.ttl:12: RULE-ID: what is wrong (what to do)`.

The rule files are read as written (rdflib would otherwise rewrite "1"^^xsd:boolean as
"true", and a lint must see what the expert wrote). rdflib keeps no line numbers: a shape's
line is where its subject first starts a line of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib import RDF, SH, BNode, Graph, URIRef

from checker.graph.vocab import EOKB
from checker.judge.engines import REFUSALS, UnsupportedShape

HINT = "change the rule so that every engine runs it: docs/w3c-suite.md says what each refuses"
SHAPE_TYPES = (SH.NodeShape, SH.PropertyShape, SH.ConstraintComponent)
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
MAX_REFUSALS = 100  # per engine: each refusal removes a shape, so this only guards a loop


@dataclass(frozen=True)
class RuleProblem:
    file: str  # relative to the knowledge base root
    line: int
    rule: str  # the rule's id, or the shape's name when it has none
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: {self.message}"


def lint_rules(root: Path) -> list[RuleProblem]:
    """Every rule of `root/rules` that some engine of `REFUSALS` would refuse, or that is not Turtle."""
    root = Path(root)
    files: dict[str, tuple[Graph, str]] = {}
    problems: list[RuleProblem] = []
    for path in sorted((root / "rules").glob("*.ttl")):
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            files[name] = (_as_written(text, path), text)
        except Exception as error:  # rdflib raises several kinds for bad Turtle
            line = re.search(r"line (\d+)", str(error))
            problems.append(RuleProblem(name, int(line.group(1)) if line else 1, path.stem,
                                        f"not valid Turtle: {str(error).splitlines()[0]} (fix the syntax)"))
    shapes = Graph()
    for graph, _text in files.values():
        shapes += graph
    refused: dict[object, dict[str, str]] = {}  # owner → engine → reason
    for engine, refuse in REFUSALS.items():
        for owner, reason in _refusals(shapes, refuse):
            refused.setdefault(owner, {})[engine] = reason
    for owner, reasons in refused.items():
        name, line = _where(owner, files)
        engines = ", ".join(sorted(reasons))
        reason = "; ".join(sorted({re.sub(r"_:[A-Za-z0-9]+", "[ ]", r) for r in reasons.values()}))
        graph = files[name][0] if name in files else shapes
        problems.append(RuleProblem(name, line, _rule_name(graph, owner), f"refused by {engines}: {reason} ({HINT})"))
    return sorted(problems, key=lambda problem: (problem.file, problem.line, problem.message))


def _as_written(text: str, path: Path) -> Graph:
    normalize, rdflib.NORMALIZE_LITERALS = rdflib.NORMALIZE_LITERALS, False
    try:
        return Graph().parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    finally:
        rdflib.NORMALIZE_LITERALS = normalize


def _refusals(shapes: Graph, refuse) -> list[tuple[object, str]]:
    """Each shape the engine refuses, with its reason: refuse, take the refused shape out, again."""
    remaining = Graph()
    remaining += shapes
    found = []
    for _ in range(MAX_REFUSALS):
        try:
            refuse(remaining)
            break
        except UnsupportedShape as refusal:
            owner = _owner(remaining, refusal.node)
            found.append((owner, str(refusal)))
            if owner is None:
                break
            _remove(remaining, owner)
    return found


def _owner(shapes: Graph, node):
    """The named shape (or component) that holds `node`: itself, or the first IRI above it."""
    if node is None:
        return None
    seen, todo = set(), [node]
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen.add(current)
        if isinstance(current, URIRef) and _is_shape(shapes, current):
            return current
        todo += [subject for subject in shapes.subjects(None, current) if subject not in seen]
    return node if isinstance(node, URIRef) else None


def _is_shape(shapes: Graph, node) -> bool:
    return (any((node, RDF.type, kind) in shapes for kind in SHAPE_TYPES)
            or any((node, target, None) in shapes for target in TARGETS)
            or (node, EOKB.ruleId, None) in shapes or (node, SH.parameter, None) in shapes)


def _remove(shapes: Graph, node) -> None:
    """The node's triples, and those of the blank nodes it holds (its constraints, paths, lists)."""
    todo = [node]
    while todo:
        current = todo.pop()
        for triple in list(shapes.triples((current, None, None))):
            shapes.remove(triple)
            if isinstance(triple[2], BNode):
                todo.append(triple[2])


def _rule_name(shapes: Graph, owner) -> str:
    if owner is None:
        return "rules"
    rule_id = shapes.value(owner, EOKB.ruleId)
    return str(rule_id) if rule_id is not None else shapes.namespace_manager.normalizeUri(owner) \
        if isinstance(owner, URIRef) else str(owner)


def _where(owner, files: dict[str, tuple[Graph, str]]) -> tuple[str, int]:
    """The file that declares the owner, and the line where its subject is first written."""
    for name, (graph, text) in files.items():
        if owner is not None and (owner, None, None) in graph:
            return name, subject_line(text, graph, owner)
    return next(iter(files), "rules"), 1


def subject_line(text: str, graph: Graph, node) -> int:
    """The 1-based line where `node` first begins a line of the Turtle text (as <iri> or with a
    prefix of the file), else where it first appears, else 1."""
    spellings = [re.escape(f"<{node}>")]
    for prefix, namespace in graph.namespaces():
        if str(node).startswith(str(namespace)) and str(node) != str(namespace):
            spellings.append(re.escape(f"{prefix}:{str(node)[len(str(namespace)):]}") + r"(?![\w\-:%]|\.[\w\-:%])")
    pattern = "|".join(spellings)
    for regex in (rf"(?m)^[ \t]*(?:{pattern})", pattern):
        match = re.search(regex, text)
        if match:
            return text.count("\n", 0, match.start()) + 1
    return 1
