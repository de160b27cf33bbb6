"""When one whole-graph query gives what SHACL's pre-binding of $this gives.

SHACL 1.0 (section 5.3.1, "Pre-binding of Variables") evaluates a SHACL-SPARQL query once per
focus node, with every basic graph pattern, property path and GRAPH pattern joined with the
solution {this ↦ focus node}. The engine instead runs the query once over the whole graph with
`?this` an ordinary variable, and keeps the rows of the shape's focus nodes. The two agree when
the query binds `?this` itself before anything looks at it (`whole_graph_difference` returns
None); otherwise the engine runs `prebound_text`: the query with the shape's focus nodes joined
at the start of every group, which is SHACL's pre-binding for all focus nodes at once.

The two agree (SPARQL 1.1 algebra, section 18) when:

* the query's pattern certainly binds ?this (a triple pattern outside OPTIONAL, one side of a
  UNION or a FILTER) and returns it;
* every FILTER, BIND and OPTIONAL condition that mentions ?this is evaluated where ?this is
  certainly bound (`{ FILTER($this = ex:a) }` is true for ex:a under pre-binding, an error with
  ?this unbound);
* nothing counts or cuts across focus nodes: an aggregate over rows that mention ?this groups
  by ?this, and no LIMIT or OFFSET applies to rows that mention it;
* inside EXISTS, ?this is the outer row's value (substituted, as SPARQL defines EXISTS), except
  in a subquery, which is evaluated on its own.

SHACL's own restrictions (no MINUS, VALUES, SERVICE, `AS ?this`; subqueries return ?this) are
checked before, by `shacl_sparql.forbidden`.
"""

from __future__ import annotations

import re

from rdflib import Variable
from rdflib.plugins.sparql.parserutils import CompValue

THIS = Variable("this")
EXISTS = ("Builtin_EXISTS", "Builtin_NOTEXISTS")


def whole_graph_difference(algebra: CompValue, variable: Variable = THIS) -> str | None:
    """Why one run with ?this unbound could answer differently from pre-binding, or None."""
    query = algebra
    projected = _field(query, "PV")
    pattern = _pattern_below_modifiers(_field(query, "p"))
    if query.name == "SelectQuery" and projected is not None and variable not in projected:
        return f"the query does not return ?{variable}"
    if variable not in certainly_bound(pattern):
        return f"the query's pattern does not certainly bind ?{variable} (it may be unbound or only in a FILTER)"
    return _difference(_field(query, "p"), variable, exists=False)


def _pattern_below_modifiers(node):
    while isinstance(node, CompValue) and node.name in ("Project", "Distinct", "Reduced", "OrderBy", "Slice"):
        node = _field(node, "p")
    return node


def certainly_bound(node) -> set:
    """The variables every solution of the algebra node binds (a safe under-estimate)."""
    if not isinstance(node, CompValue):
        return set()
    name = node.name
    if name == "BGP":
        return {term for triple in _field(node, "triples") for term in triple if isinstance(term, Variable)}
    if name == "Join":
        return certainly_bound(_field(node, "p1")) | certainly_bound(_field(node, "p2"))
    if name in ("LeftJoin", "Minus"):
        return certainly_bound(_field(node, "p1"))
    if name == "Union":
        return certainly_bound(_field(node, "p1")) & certainly_bound(_field(node, "p2"))
    if name == "Graph":
        term = _field(node, "term")
        return certainly_bound(_field(node, "p")) | ({term} if isinstance(term, Variable) else set())
    if name == "Project":
        return certainly_bound(_field(node, "p")) & set(_field(node, "PV") or ())
    if name in ("Filter", "Extend", "Distinct", "Reduced", "OrderBy", "Slice", "ToMultiSet", "Group"):
        return certainly_bound(_field(node, "p"))
    if name == "AggregateJoin":  # the grouping variables survive the aggregation
        group = _field(node, "p")
        keys = {e for e in (_field(group, "expr") or ()) if isinstance(e, Variable)}
        return keys & certainly_bound(_field(group, "p"))
    return set()


def _difference(node, variable: Variable, exists: bool) -> str | None:
    """The first place under `node` where evaluating with ?this unbound differs from pre-binding.
    `exists`: inside an EXISTS whose outer row binds ?this (substituted there)."""
    if isinstance(node, (list, tuple)):
        return next(filter(None, (_difference(item, variable, exists) for item in node)), None)
    if not isinstance(node, CompValue):
        return None
    name = node.name
    if name in EXISTS:
        return _difference(_field(node, "graph"), variable, exists=True)
    if name in ("ToMultiSet", "SubSelect") and exists and mentions(node, variable):
        return f"a subquery inside EXISTS uses ?{variable}"
    if name == "ToMultiSet" or (name == "Project" and not exists):
        exists = False  # a subquery is evaluated on its own
    if not exists:
        if name in ("Filter", "Extend") and mentions(_field(node, "expr"), variable) \
                and variable not in certainly_bound(_field(node, "p")):
            return f"a {'FILTER' if name == 'Filter' else 'BIND'} uses ?{variable} where it may be unbound"
        if name == "LeftJoin" and mentions(_field(node, "expr"), variable) and variable not in (
                certainly_bound(_field(node, "p1")) | certainly_bound(_field(node, "p2"))):
            return f"an OPTIONAL's FILTER uses ?{variable} where it may be unbound"
        if name == "Group" and mentions(_field(node, "p"), variable) and variable not in (_field(node, "expr") or ()):
            return f"an aggregate counts rows of every ?{variable} together (GROUP BY ?{variable} is missing)"
        if name == "Slice" and mentions(_field(node, "p"), variable):
            return f"LIMIT/OFFSET cuts rows of every ?{variable} together"
    if name == "ToMultiSet" and not mentions(node, variable):
        return None
    return next(filter(None, (_difference(value, variable, exists) for key, value in node.items() if key != "_vars")),
                None)


def mentions(node, variable: Variable) -> bool:
    stack = [node]
    while stack:
        item = stack.pop()
        if item == variable and isinstance(item, Variable):
            return True
        if isinstance(item, CompValue):
            stack.extend(value for key, value in item.items() if key != "_vars")
        elif isinstance(item, (list, tuple, set)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
    return False


def _field(node, key: str):
    return dict.get(node, key) if isinstance(node, CompValue) else None


# -- pre-binding for every focus node at once ---------------------------------------------------

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_COMMENT = re.compile(r"#[^\n]*")
_SUBSELECT = re.compile(r"(?:\s|#[^\n]*)*SELECT\b", re.IGNORECASE)


def prebound_text(text: str, focus_nodes: str) -> str:
    """The query with `focus_nodes` (a group binding ?this: the shape's targets) joined at the
    start of every group graph pattern, so every basic graph pattern, FILTER and BIND sees
    ?this bound to each focus node in turn: SHACL's pre-binding (each leaf joined with
    {this ↦ focus node}), for every focus node in one query. A group holding only a subquery
    (`{ SELECT … }`) is left as it is: the subquery's own WHERE group gets the focus nodes."""
    out, i = [], 0
    while i < len(text):
        for pattern in (_IRI, _STRING, _COMMENT):
            match = pattern.match(text, i)
            if match:
                out.append(match.group())
                i = match.end()
                break
        else:
            out.append(text[i])
            if text[i] == "{" and not _SUBSELECT.match(text, i + 1):
                out.append(f" {focus_nodes} ")
            i += 1
    return "".join(out)
