"""Ids and IRIs: one rule turns a readable id into an IRI (docs/formats.md), and back.

    copenhagen-1990/7.5  ⇄  https://w3id.org/eokb/id/copenhagen-1990/7.5
"""

from __future__ import annotations

from rdflib import URIRef

ID_BASE = "https://w3id.org/eokb/id/"


def iri(record_id: str) -> URIRef:
    """The IRI rule: the id appended to the project's id base (docs/formats.md)."""
    return URIRef(ID_BASE + record_id)


def part(owner: URIRef | str, name: str) -> URIRef:
    """The IRI of a part of a record that has no id of its own: a fragment of the record's IRI
    (`<finding>#quote-1`). A part of a part extends the fragment (`<rec>#change-1-seats-1`),
    since an IRI has one fragment at most."""
    base, _, fragment = str(owner).partition("#")
    return URIRef(f"{base}#{fragment}-{name}" if fragment else f"{base}#{name}")


def readable(node) -> str:
    """The readable id of a knowledge-base node (the IRI rule backwards); other terms as they are."""
    text = str(node)
    return text[len(ID_BASE):] if text.startswith(ID_BASE) else text
