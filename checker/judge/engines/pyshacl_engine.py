"""The reference engine: pySHACL on rdflib."""

from __future__ import annotations

from rdflib import SH, XSD, Graph, Literal

from checker.judge.engines.results import RawResult, UnsupportedShape, node_text, results_from_report
from checker.judge.engines.shacl_sparql import refuse

BOOLEAN_PARAMETERS = (SH.uniqueLang, SH.closed, SH.deactivated, SH.qualifiedValueShapesDisjoint)


def pyshacl_refuse(shapes: Graph) -> None:
    """What every engine refuses (shacl_sparql.refuse: rdflib's SPARQL engine would run SERVICE
    and fetch FROM graphs over the network, so those never reach it), and a boolean parameter
    written other than `true` or `false`: SHACL acts on the value true only, pySHACL 0.40 takes
    "1"^^xsd:boolean for true (the W3C suite's core/property/uniqueLang-002)."""
    refuse(shapes)
    for parameter in BOOLEAN_PARAMETERS:
        for shape, value in shapes.subject_objects(parameter):
            if isinstance(value, Literal) and value.datatype == XSD.boolean and str(value) not in ("true", "false"):
                raise UnsupportedShape(f"shape {node_text(shape)}: {parameter.n3(shapes.namespace_manager)} "
                                       f"{value.n3()}: write true or false (pySHACL reads it otherwise than SHACL)")


def pyshacl_validate(data: Graph, shapes: Graph) -> list[RawResult]:
    """The reference engine. No inference, no owl:imports: nothing is fetched."""
    import pyshacl

    pyshacl_refuse(shapes)
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True,
        allow_infos=True, meta_shacl=False, do_owl_imports=False, advanced=False,
    )
    if not isinstance(report, Graph):  # pySHACL's own ValidationFailure: a gap in pyshacl_refuse
        raise UnsupportedShape(f"pySHACL refused the shapes: {report}")
    return results_from_report(report)
