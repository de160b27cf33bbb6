"""The URL rule of the published site: every page's address is derived from a record's id.

A record with id `<id>` is published at `/<part>/<id>/`, where `<part>` is the part of the
site its kind belongs to (docs/site.md):

    standard, commitment          /commitments/<id>/   /commitments/copenhagen-1990/7.5/
    country, instrument, provision /law/<id>/          /law/xx/electoral-code/art-4/4/
    report, section, finding      /findings/<id>/      /findings/obs-xx-2020/finding/<slug>/
    recommendation                /recommendations/<id>/  /recommendations/obs-xx-2020/rec/3/
    election                      /elections/<id>/     /elections/xx/2020-assembly/
    country (its overview)        /countries/<id>/     /countries/xx/

A country's record page is its law (`/law/<id>/`); `/countries/<id>/` is its overview: its
elections, reports, and recommendations by follow-up status. Records without a page of their
own are anchors on their parent's page: a provision version is `#v-<in force from>` on its
provision's page, a computed verdict `#verdict-<election>` on its commitment's page, a rule
`#<rule id>` on the rule catalogue. Ids are checked against
the loader's id pattern, so a path never leaves its part of the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from checker.graph.ids import ID_BASE
from checker.kb.types import ID_RE

PARTS = ("commitments", "law", "findings", "recommendations", "elections", "countries")


@dataclass(frozen=True)
class Target:
    """Where something is published: a page (relative to the site root) and an anchor."""

    path: str  # e.g. "commitments/copenhagen-1990/7.5/index.md"
    anchor: str = ""

    @property
    def url(self) -> str:
        folder = self.path.removesuffix("index.md")
        return "/" + folder + (f"#{self.anchor}" if self.anchor else "")


def record_id(node) -> str | None:
    """The id of a record's IRI (the IRI rule read backwards), or None if it has none."""
    text = str(node)
    if not isinstance(node, URIRef) or not text.startswith(ID_BASE):
        return None
    rest = text[len(ID_BASE):]
    return rest if ID_RE.match(rest) else None


def page(part: str, record: str) -> Target:
    """The page of the record with id `record` in a part of the site."""
    if part not in PARTS or not ID_RE.match(record):
        raise ValueError(f"no page for {part}/{record}")
    return Target(f"{part}/{record}/index.md")


def fixed(path: str, anchor: str = "") -> Target:
    """A page whose address does not come from an id (home, indexes, matrix, rules)."""
    return Target(f"{path}/index.md" if path else "index.md", anchor)


def anchor(*words: str) -> str:
    """An HTML id from ids and words: lowercase letters, digits and single hyphens."""
    joined = "-".join(words).lower()
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9.]+", "-", joined)).strip("-") or "x"
