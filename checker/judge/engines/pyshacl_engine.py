"""The reference engine: pySHACL on rdflib."""

from __future__ import annotations

from rdflib import Graph

from checker.judge.engines.results import RawResult, results_from_report


def pyshacl_validate(data: Graph, shapes: Graph) -> list[RawResult]:
    """The reference engine. No inference, no owl:imports: nothing is fetched."""
    import pyshacl

    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True,
        allow_infos=True, meta_shacl=False, do_owl_imports=False, advanced=False,
    )
    return results_from_report(report)
