"""The SHACL-SPARQL queries of a shapes graph, parsed once, and what every engine refuses in them.

Every engine path checks a shapes graph here before it runs anything (`refuse_forbidden`): a
query SHACL forbids, or one that could reach the network, stops every engine with
`ForbiddenQuery`, never runs. SHACL 1.0 section 5.3.1 ("Pre-binding of Variables"): a
SHACL-SPARQL query must not contain MINUS, a federated query (SERVICE) or VALUES, must not use
`AS ?var` for a potentially pre-bound variable, and its subqueries must return the pre-bound
variables they use. Beyond the letter of the spec, and for the same reasons:

* `FROM` / `FROM NAMED`: the dataset is the data graph; rdflib would fetch the named IRIs;
* a function outside SPARQL 1.1 (an extension function by IRI): engines differ on those, so a
  verdict would depend on the engine;
* a query that does not parse (rdflib's SPARQL 1.1 parser) is refused, not left to each engine.

Prefixes are those SHACL defines (section 5.2.1): the sh:declare values of
`sh:prefixes/owl:imports*` of the query's holder, in the shapes graph only (owl:imports is
followed inside the shapes graph, never fetched); one prefix bound to two namespaces is an
ill-formed shapes graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, SH, XSD, Graph, URIRef, Variable
from rdflib.plugins.sparql.algebra import translateQuery, traverse
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from checker.judge.engines.results import BadPath, UnsupportedShape, node_text, path_text

ALWAYS_PREBOUND = frozenset({"this", "shapesGraph", "currentShape"})
OPTIONAL_IN_SUBQUERIES = frozenset({"shapesGraph", "currentShape"})  # 5.3.1: a subquery need not return these
# SPARQL 1.1, 17.5 "XPath Constructor Functions": the only functions named by an IRI
CASTS = frozenset({XSD.string, XSD.boolean, XSD.decimal, XSD.float, XSD.double, XSD.integer, XSD.dateTime})
VALIDATORS = (SH.validator, SH.nodeValidator, SH.propertyValidator)
PATH_PLACEHOLDER = "<urn:x-eokb:shacl-path>"  # $PATH in a validator, for the check only


class ForbiddenQuery(UnsupportedShape):
    """A SHACL-SPARQL query that no engine runs: SHACL forbids it, or it could reach the network."""


@dataclass(frozen=True)
class ShaclQuery:
    """One sh:select or sh:ask of the shapes graph, as SHACL defines its text."""

    holder: object  # the node holding sh:select / sh:ask: an sh:sparql constraint or a validator
    kind: str  # "select" | "ask"
    written: str  # the query as written
    prefixes: tuple[tuple[str, str], ...]
    prebound: frozenset[str]  # the potentially pre-bound variables (5.3.1)
    path: str | None = None  # what $PATH stands for (a property shape's path), if anything

    @property
    def text(self) -> str:
        """The query with its PREFIX declarations, $PATH substituted (5.3.2)."""
        body = self.written if self.path is None else self.written.replace("$PATH", self.path)
        return "".join(f"PREFIX {p}: <{n}>\n" for p, n in self.prefixes) + body

    @property
    def tree(self):
        """rdflib's parse tree (the syntax as written; read only), or ForbiddenQuery."""
        try:
            return _tree(self.text)
        except _NotAQuery as error:
            raise ForbiddenQuery(f"{self.where}: {error}", self.holder) from error

    @property
    def algebra(self) -> CompValue:
        """The SPARQL algebra (read only), or ForbiddenQuery."""
        self.tree  # noqa: B018 - its problem first
        try:
            return _translated(self.text)
        except _NotAQuery as error:
            raise ForbiddenQuery(f"{self.where}: {error}", self.holder) from error

    @property
    def where(self) -> str:
        return f"sh:{self.kind} of {node_text(self.holder)}"


class _NotAQuery(Exception):
    """What rdflib could not parse or translate."""


@lru_cache(maxsize=512)
def _tree(text: str):
    """The parse tree, parsed once per text (rdflib's parser takes ~0.1 s a query, and every
    engine checks every query), read-only: rdflib's translation rewrites a tree (`_translated`)."""
    return _parse(text)


@lru_cache(maxsize=512)
def _translated(text: str) -> CompValue:
    tree = _parse(text)
    try:
        return translateQuery(tree).algebra
    except Exception as error:  # rdflib raises several kinds
        raise _NotAQuery(str(error)) from error


def _parse(text: str):
    """Prefixed names are expanded here: rdflib keeps one prefix per namespace, so of two
    prefixes declared for one namespace (legal in SPARQL and SHACL) it would forget the first."""
    try:
        tree = parseQuery(text)
    except Exception as error:  # pyparsing raises several kinds
        raise _NotAQuery(f"not a SPARQL 1.1 query ({str(error).splitlines()[0]})") from error
    declared = {str(dict.get(d, "prefix") or ""): str(dict.get(d, "iri")) for d in tree[0]
                if getattr(d, "name", None) == "PrefixDecl"}

    def expand(node):
        if isinstance(node, CompValue) and node.name == "pname":
            prefix = str(dict.get(node, "prefix") or "")
            if prefix not in declared:
                raise _NotAQuery(f"prefix {prefix}: is not declared (sh:prefixes)")
            return URIRef(declared[prefix] + str(dict.get(node, "localname") or ""))
        return None

    return traverse(tree, visitPost=expand)


def queries(shapes: Graph) -> list[ShaclQuery]:
    """Every sh:select and sh:ask of the shapes graph: of sh:sparql constraints (once per
    property shape using it, $PATH standing for its path) and of constraint components'
    validators."""
    found: list[ShaclQuery] = []
    parameters = _component_parameters(shapes)
    for kind, predicate in (("select", SH.select), ("ask", SH.ask)):
        for holder, text in sorted(shapes.subject_objects(predicate), key=lambda pair: str(pair)):
            prebound = set(ALWAYS_PREBOUND) | parameters.get(holder, set())
            if kind == "ask":
                prebound.add("value")  # an ASK validator is asked about each value node
            users = sorted(shapes.subjects(SH.sparql, holder), key=str)
            paths = {_path_of(shapes, user) for user in users} or {None}
            if holder in parameters:  # a validator: $PATH is the path of whichever shape uses it
                paths = {PATH_PLACEHOLDER}
            for path in sorted(paths, key=str):
                found.append(ShaclQuery(holder, kind, str(text), tuple(sorted(prefixes(shapes, holder).items())),
                                        frozenset(prebound), path))
    return found


def _path_of(shapes: Graph, shape) -> str | None:
    node = shapes.value(shape, SH.path)
    if node is None:
        return None
    try:
        return path_text(shapes, node)
    except BadPath as error:
        raise UnsupportedShape(f"shape {node_text(shape)}: {error}", shape) from error


def _component_parameters(shapes: Graph) -> dict[object, set[str]]:
    """validator → the names of its component's parameters (pre-bound in its query). A component
    is whatever declares sh:parameter, however it is typed (a subclass of sh:ConstraintComponent
    is one too: the suite's sparql/component/validator-001)."""
    found: dict[object, set[str]] = {}
    for component in set(shapes.subjects(SH.parameter, None)):
        names = {_local_name(path) for parameter in shapes.objects(component, SH.parameter)
                 for path in shapes.objects(parameter, SH.path) if isinstance(path, URIRef)}
        for predicate in VALIDATORS:
            for validator in shapes.objects(component, predicate):
                found.setdefault(validator, set()).update(names)
    return found


def _local_name(iri: URIRef) -> str:
    """A parameter's variable name: the local name of its sh:path (SHACL 6.2)."""
    return re.split(r"[#/:]", str(iri))[-1]


def prefixes(shapes: Graph, holder) -> dict[str, str]:
    """SHACL 5.2.1: the declarations of `sh:prefixes/owl:imports*/sh:declare`."""
    declared: dict[str, str] = {}
    seen: set = set()
    todo = list(shapes.objects(holder, SH.prefixes))
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo += shapes.objects(node, OWL.imports)
        for declaration in shapes.objects(node, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is None or namespace is None:
                raise ForbiddenQuery(f"{node_text(node)}: a sh:declare needs sh:prefix and sh:namespace", holder)
            if declared.setdefault(str(prefix), str(namespace)) != str(namespace):
                raise ForbiddenQuery(f"prefix {prefix}: declared with two namespaces, {declared[str(prefix)]} and "
                                     f"{namespace} (SHACL 5.2.1: an ill-formed shapes graph)", holder)
    return declared


# -- what every engine refuses ----------------------------------------------------------------

def refuse(shapes: Graph) -> list[ShaclQuery]:
    """The shapes graph's queries, or UnsupportedShape for the first one no shipped engine runs:
    what SHACL forbids (`refuse_forbidden`), and $shapesGraph, which SHACL lets a processor not
    support (5.3.1) and none of ours does (pySHACL raises NotImplementedError, Jena 4.5 leaves it
    unbound and so finds nothing, Oxigraph's store holds only the data)."""
    found = refuse_forbidden(shapes)
    for query in found:
        if any(isinstance(v, Variable) and str(v) == "shapesGraph" for v in _walk(query.tree)):
            raise UnsupportedShape(f"{query.where}: $shapesGraph is not supported by the engines", query.holder)
    return found


def refuse_forbidden(shapes: Graph) -> list[ShaclQuery]:
    """The shapes graph's queries, or ForbiddenQuery for the first one no engine may run."""
    found = queries(shapes)
    for query in found:
        problem = forbidden(query)
        if problem:
            raise ForbiddenQuery(f"{query.where}: {problem}", query.holder)
    return found


def forbidden(query: ShaclQuery) -> str | None:
    """Why no engine runs this query, or None."""
    tree = query.tree[1]
    expected = {"select": "SelectQuery", "ask": "AskQuery"}[query.kind]
    if tree.name != expected:
        return f"sh:{query.kind} needs a {query.kind.upper()} query, not {tree.name}"
    if _field(tree, "datasetClause"):
        return "FROM / FROM NAMED: the dataset is the data graph (and an engine could fetch the IRIs)"
    for node in _walk(tree):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            return "SERVICE: SHACL forbids federated queries (5.3.1), and it would reach the network"
        if name == "MinusGraphPattern":
            return "MINUS: SHACL forbids it (5.3.1)"
        if name in ("InlineData", "ValuesClause"):
            return "VALUES: SHACL forbids it (5.3.1)"
        assigned = _name(_field(node, "evar") if name == "vars" else _field(node, "var")) if name in ASSIGNING else None
        if assigned in query.prebound:
            return f"AS ?{assigned}: SHACL forbids assigning a pre-bound variable (5.3.1)"
        if name == "SubSelect":
            missing = _unreturned(node, query.prebound - OPTIONAL_IN_SUBQUERIES)
            if missing:
                return (f"a subquery does not return ${missing}: SHACL requires every subquery to return the "
                        "pre-bound variables (5.3.1)")
    for node in _walk(query.algebra):
        if getattr(node, "name", None) == "Function" and _field(node, "iri") not in CASTS:
            return f"the function <{_field(node, 'iri')}> is not SPARQL 1.1: engines differ on extension functions"
    return None


ASSIGNING = ("Bind", "vars", "GroupAs")  # BIND(… AS ?v), SELECT (… AS ?v), GROUP BY (… AS ?v)


def _unreturned(subselect: CompValue, prebound: frozenset[str]) -> str | None:
    """The first pre-bound variable the subquery does not return. SHACL 5.3.1 asks it of every
    subquery, whether it uses the variable or not (the suite's unsupported-sparql-004)."""
    projection = _field(subselect, "projection")
    if not projection:  # SELECT *: what the pattern binds (a variable only in a FILTER is not returned)
        returned = {_name(v) for v in _bound_in_tree(_field(subselect, "where"))}
    else:
        returned = {_name(_field(item, "var")) for item in projection if _field(item, "var") is not None}
    missing = sorted(prebound - returned)
    return missing[0] if missing else None


def _bound_in_tree(group) -> set:
    """The variables a SELECT * returns: those in triple patterns, BINDs and subquery results
    (not those only in FILTER or EXISTS)."""
    found: set = set()
    for node in _walk(group, skip=("Filter", "Builtin_EXISTS", "Builtin_NOTEXISTS", "SubSelect")):
        if getattr(node, "name", None) == "TriplesBlock":
            found |= {v for v in _walk(_field(node, "triples")) if isinstance(v, Variable)}
        elif getattr(node, "name", None) == "Bind":
            found.add(_field(node, "var"))
        elif getattr(node, "name", None) == "SubSelect":
            found |= {_field(item, "var") or _field(item, "evar") for item in _field(node, "projection") or []}
    return found


def _field(node: CompValue, key: str):
    """A field of a parse tree or algebra node, or None (CompValue.get returns the key when absent)."""
    return dict.get(node, key)


def _name(variable) -> str | None:
    return None if variable is None else str(variable)


def _walk(node, skip: tuple[str, ...] = ()):
    """Every value inside a parse tree or algebra node, depth first (the node itself first)."""
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, CompValue):
            if item.name in skip and item is not node:
                continue
            stack.extend(value for key, value in item.items() if key != "_vars")
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
