"""Writing the graph: canonical Turtle, JSON-LD with an inline context, N-Triples.

Canonical means the same graph always gives the same bytes, so a diff of two exports shows
what changed in the knowledge base and nothing else: prefixes fixed, subjects, predicates
and objects sorted (the graph has no blank nodes, see `checker.graph.build`).
"""

from __future__ import annotations

import json
import re

from rdflib import Graph, Literal, URIRef

from checker.graph.namespaces import PREFIXES

FORMATS = ("ttl", "jsonld", "nt")


def _term(term, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, namespace in prefixes:
            local = text[len(namespace):]
            if text.startswith(namespace) and local and _is_local_name(local):
                return f"{prefix}:{local}"
        return term.n3()
    return _literal(term, prefixes)


_BARE = re.compile(r"^[+-]?(\d+|\d*\.\d+)$")
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _literal(term: Literal, prefixes: list[tuple[str, str]]) -> str:
    """Integers, decimals and booleans bare; other datatypes as prefixed names."""
    datatype = str(term.datatype or "")
    lexical = str(term)
    if datatype == _XSD + "integer" and re.match(r"^[+-]?\d+$", lexical):
        return lexical
    if datatype == _XSD + "decimal" and re.match(r"^[+-]?\d*\.\d+$", lexical):
        return lexical
    if datatype == _XSD + "boolean" and lexical in ("true", "false"):
        return lexical
    if datatype:
        return Literal(lexical).n3() + "^^" + _term(URIRef(datatype), prefixes)
    return term.n3()


def _is_local_name(local: str) -> bool:
    # A conservative subset of Turtle's PN_LOCAL: letters, digits, '_', '-', inner '.'.
    if local[0] in "-." or local[-1] == ".":
        return False
    return all(c.isalnum() or c in "_-." for c in local) and local.isascii()


def canonical_turtle(graph: Graph) -> str:
    """Turtle with one block per subject, everything sorted: stable and diffable."""
    prefixes = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda pn: -len(pn[1]))
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())]
    by_subject: dict = {}
    for s, p, o in graph:
        by_subject.setdefault(s, {}).setdefault(p, set()).add(o)
    for subject in sorted(by_subject, key=str):
        lines.append("")
        predicates = by_subject[subject]
        parts = []
        for predicate in sorted(predicates, key=lambda p: (p != _RDF_TYPE, str(p))):
            objects = sorted(predicates[predicate], key=_sort_key)
            rendered = ", ".join(_term(o, prefixes) for o in objects)
            name = "a" if predicate == _RDF_TYPE else _term(predicate, prefixes)
            parts.append(f"    {name} {rendered}")
        lines.append(_term(subject, prefixes))
        lines.append(" ;\n".join(parts) + " .")
    return "\n".join(lines) + "\n"


_RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _sort_key(term) -> tuple:
    if isinstance(term, Literal):
        return (1, str(term.datatype or ""), term.language or "", str(term))
    return (0, "", "", str(term))


def serialize(graph: Graph, fmt: str) -> str:
    if fmt == "ttl":
        return canonical_turtle(graph)
    if fmt == "nt":
        return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))
    if fmt == "jsonld":
        # An inline context: nothing is fetched (a remote @context would be).
        context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
        data = json.loads(graph.serialize(format="json-ld", context=context, sort_keys=True))
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
