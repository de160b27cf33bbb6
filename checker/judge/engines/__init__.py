"""SHACL engines, by name: every engine takes a data graph and a shapes graph and returns the
same `RawResult`s, so engines can be swapped and compared (tests/test_engines.py).

    pyshacl   the reference: pySHACL on rdflib
    jena      Apache Jena's SHACL (Debian's package), a cross-check
    oxigraph  the shapes as whole-graph SPARQL queries in pyoxigraph, for national data
"""

from __future__ import annotations

from checker.judge.engines.jena import jena_validate
from checker.judge.engines.oxigraph import oxigraph_validate
from checker.judge.engines.pyshacl_engine import pyshacl_validate
from checker.judge.engines.results import RawResult, result_order, results_from_report

__all__ = ["ENGINES", "RawResult", "result_order", "results_from_report"]

ENGINES = {"pyshacl": pyshacl_validate, "jena": jena_validate, "oxigraph": oxigraph_validate}
