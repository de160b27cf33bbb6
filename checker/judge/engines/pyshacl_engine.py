"""The reference engine: pySHACL on rdflib."""

from __future__ import annotations

from rdflib import OWL, SH, XSD, Graph, Literal

from checker.judge.engines.results import RawResult, UnsupportedShape, node_text, results_from_report
from checker.judge.engines.shacl_sparql import refuse

BOOLEAN_PARAMETERS = (SH.uniqueLang, SH.closed, SH.deactivated, SH.qualifiedValueShapesDisjoint)


def pyshacl_refuse(shapes: Graph) -> None:
    """What every engine refuses (shacl_sparql.refuse: rdflib's SPARQL engine would run SERVICE
    and fetch FROM graphs over the network, so those never reach it), and a boolean parameter
    written other than `true` or `false`: SHACL acts on the value true only, pySHACL 0.40 takes
    "1"^^xsd:boolean for true (the W3C suite's core/property/uniqueLang-002). And two sh:prefixes
    declarations of one namespace, which rdflib's SPARQL parser cannot hold."""
    for query in refuse(shapes):
        namespaces = [namespace for _prefix, namespace in query.prefixes]
        if len(set(namespaces)) < len(namespaces):
            raise UnsupportedShape(f"{query.where}: two prefixes for one namespace; rdflib (under pySHACL) keeps only "
                                   "one of them (declare each namespace once)", query.holder)
    for parameter in BOOLEAN_PARAMETERS:
        for shape, value in shapes.subject_objects(parameter):
            if isinstance(value, Literal) and value.datatype == XSD.boolean and str(value) not in ("true", "false"):
                raise UnsupportedShape(f"shape {node_text(shape)}: {parameter.n3(shapes.namespace_manager)} "
                                       f"{value.n3()}: write true or false (pySHACL reads it otherwise than SHACL)", shape)


def pyshacl_validate(data: Graph, shapes: Graph) -> list[RawResult]:
    """The reference engine. No inference, no owl:imports: nothing is fetched."""
    import pyshacl

    pyshacl_refuse(shapes)
    _conforms, report, _text = pyshacl.validate(
        data, shacl_graph=_imported_prefixes(shapes), inference="none", abort_on_first=False, allow_warnings=True,
        allow_infos=True, meta_shacl=False, do_owl_imports=False, advanced=False,
    )
    if not isinstance(report, Graph):  # pySHACL's own ValidationFailure: a gap in pyshacl_refuse
        raise UnsupportedShape(f"pySHACL refused the shapes: {report}")
    return results_from_report(report)


def _imported_prefixes(shapes: Graph) -> Graph:
    """SHACL 5.2.1 takes a query's prefixes from `sh:prefixes/owl:imports*/sh:declare`; pySHACL
    0.40 reads only `sh:prefixes/sh:declare`. Where an sh:prefixes node imports others, a copy of
    the shapes graph declares the imported prefixes on it too (blank nodes are kept)."""
    holders = {node for node in shapes.objects(None, SH.prefixes) if (node, OWL.imports, None) in shapes}
    if not holders:
        return shapes
    copy = Graph()
    copy += shapes
    for prefix, namespace in shapes.namespaces():
        copy.bind(prefix, namespace, override=False)
    for holder in holders:
        for imported in shapes.transitive_objects(holder, OWL.imports):
            for declaration in shapes.objects(imported, SH.declare):
                copy.add((holder, SH.declare, declaration))
    return copy
