"""SHACL engines: the reference (pySHACL on rdflib) and the results they give, as plain data.

Every engine takes a data graph and a shapes graph and returns the same `RawResult`s, so
engines can be swapped and compared (tests/test_engines.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, SH, Graph, Literal, URIRef

from checker.jena import jena_validate


@dataclass(frozen=True, order=True)
class RawResult:
    """One sh:ValidationResult, engine-neutral."""

    focus: str
    shape: str
    severity: str  # the IRI of sh:Violation, sh:Warning or sh:Info
    value: URIRef | Literal | None
    message: str


def result_order(result: RawResult) -> tuple[str, str, str, str]:
    """One order for every engine's results (the message settles ties: several columns of a
    station can change by the same number)."""
    return result.focus, result.shape, str(result.value), result.message


def results_from_report(report: Graph) -> list[RawResult]:
    """The results of a SHACL validation report graph (any engine's)."""
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        found.append(RawResult(
            focus=str(report.value(result, SH.focusNode)),
            shape=str(report.value(result, SH.sourceShape)),
            severity=str(report.value(result, SH.resultSeverity)),
            value=report.value(result, SH.value),
            message=messages[0] if messages else "",
        ))
    return sorted(found, key=result_order)


def pyshacl_validate(data: Graph, shapes: Graph) -> list[RawResult]:
    """The reference engine. No inference, no owl:imports: nothing is fetched."""
    import pyshacl

    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True,
        allow_infos=True, meta_shacl=False, do_owl_imports=False, advanced=False,
    )
    return results_from_report(report)


def oxigraph(data: Graph, shapes: Graph) -> list[RawResult]:
    """The shapes as whole-graph SPARQL queries in pyoxigraph, for national data (issue 7)."""
    from checker.oxigraph_engine import oxigraph_validate  # imports RawResult from here

    return oxigraph_validate(data, shapes)


ENGINES = {"pyshacl": pyshacl_validate, "jena": jena_validate, "oxigraph": oxigraph}
