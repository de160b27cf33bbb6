"""What every SHACL engine returns: its validation results as plain, engine-neutral data."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, SH, Graph, Literal, URIRef

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
