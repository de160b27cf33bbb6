"""The Oxigraph engine: the same SHACL shapes, run as whole-graph SPARQL queries in pyoxigraph.

pySHACL (the reference) runs every SHACL-SPARQL constraint once per focus node on rdflib's
SPARQL engine; for a country's polling stations that is hours. This engine translates each
shape into a few queries over the whole graph (plan.py) and lets Oxigraph's optimiser do the
joins. It refuses (`UnsupportedShape`, before any query runs) what it does not translate.

Messages are filled in from the row as pySHACL does ({?var} and {$var}), so both engines give
the same `RawResult`s (tests/test_engines.py, tests/test_differential.py), and the W3C SHACL test
suite is passed or refused, never answered wrongly (tests/test_w3c.py).
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import SH, Graph

from checker.judge.engines.oxigraph.plan import Check, SparqlCheck, plan
from checker.judge.engines.oxigraph.store import Terms, data_store, oxigraph_graph
from checker.judge.engines.results import RawResult, UnsupportedData, UnsupportedShape, node_text, result_order

__all__ = ["UnsupportedData", "UnsupportedShape", "oxigraph_graph", "oxigraph_refuse", "oxigraph_validate"]

CURRENT_SHAPE = ox.Variable("currentShape")


def oxigraph_refuse(shapes: Graph) -> None:
    """UnsupportedShape if the engine would refuse these shapes (no query runs)."""
    plan(shapes)


def oxigraph_validate(data: Graph, shapes: Graph) -> list[RawResult]:
    """Validate `data` against `shapes`; the same results as `pyshacl_validate`."""
    checks = plan(shapes)  # refuses before any query runs
    with data_store(data) as (store, graph, terms):  # refuses data it cannot hold faithfully
        _refuse_respelled(terms, checks)
        run = _Run(store, graph, terms)
        for check in checks:
            (run.core if isinstance(check, Check) else run.sparql)(check)
    return sorted(run.results, key=result_order)


def _refuse_respelled(terms: Terms, checks) -> None:
    """A value the data spells otherwise than Oxigraph stores it ("33.00"), where a shape compares
    terms with that value's stored spelling (sh:in ( 33.0 )): sameTerm would hold in Oxigraph,
    not in pySHACL."""
    constants = {(str(c), str(c.datatype)) for check in checks if isinstance(check, Check)
                 for c in check.constants if getattr(c, "datatype", None) is not None}
    for key, written in terms.lexical.items():
        if key in constants:
            raise UnsupportedData(f"the data spells {written.n3()}, which Oxigraph stores as the {key[0]!r} a shape "
                                  "compares it with (sh:in, sh:hasValue); write it that way")


class _Run:
    """One validation: the planned queries over one store."""

    def __init__(self, store: ox.Store, graph, terms: Terms) -> None:
        self.store, self.graph, self.terms = store, graph, terms
        self.results: list[RawResult] = []
        self.focus: dict[str, set] = {}  # targets → focus nodes (the station rules share one target)

    def query(self, text: str, substitutions=None):
        return self.store.query(text, default_graph=self.graph, substitutions=substitutions)

    def core(self, check: Check) -> None:
        message = _first(check.messages)
        for row in self.query(check.text):
            value = self.terms.from_ox(row["value"]) if check.reports_value else None
            self.results.append(RawResult(node_text(self.terms.from_ox(row["this"])), node_text(check.shape),
                                          str(check.severity), value, message, str(check.component), check.path))

    def sparql(self, check: SparqlCheck) -> None:
        if check.targets not in self.focus:
            self.focus[check.targets] = {row["this"] for row in self.query(f"SELECT ?this WHERE {{ {check.targets} }}")}
        focus_nodes = self.focus[check.targets]
        shape = {CURRENT_SHAPE: self.terms.to_ox(check.shape)} if check.binds_current_shape else {}
        solutions = self.query(check.text, substitutions=shape)
        names = [variable.value for variable in solutions.variables]
        rows = [dict(zip(names, row)) for row in solutions]
        seen = set()
        for row in rows:
            focus = row.get("this")
            if focus not in focus_nodes:
                continue
            bound = {name: self.terms.from_ox(term) for name, term in row.items() if term is not None}
            this, found_path, value = bound.pop("this"), bound.pop("path", None), bound.pop("value", None)
            if value is None and check.node_shape:
                value = this  # SHACL 5.3.2: a node shape's result names the focus node as its value
            key = (this, found_path, value, tuple(sorted(bound.items())))
            if key in seen:
                continue
            seen.add(key)
            fill = dict(bound, this=this, **({"path": found_path} if found_path is not None else {}),
                        **({"value": value} if value is not None else {}))
            messages = [_fill(str(m), fill) for m in check.messages]
            path = f"<{found_path}>" if found_path is not None else check.path
            self.results.append(RawResult(node_text(this), node_text(check.shape), str(check.severity), value,
                                          min(messages) if messages else "", str(SH.SPARQLConstraintComponent),
                                          path, node_text(check.constraint)))


def _first(messages) -> str:
    return min((str(m) for m in messages), default="")


def _fill(message: str, bound: dict) -> str:
    """pySHACL's message template: {?var} and {$var} replaced by the bound term's string."""
    for name, term in bound.items():
        message = re.sub("{{[?$]{}}}".format(name), str(term), message)
    return message
