"""Reading the graph for the site: values, labels and where each node is published.

Everything the pages show goes through this view, so every page is a view of the one graph
(no page reads YAML). Lists come out sorted, so a build is reproducible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from rdflib import DCTERMS, RDF, RDFS, SH, SKOS, Graph, Literal, URIRef

from checker.graph.namespaces import ELI
from checker.site import urls
from checker.site.urls import Target
from checker.graph.vocab import EOKB

# Which part of the site each kind of record is published in (checker/site/urls.py).
PART_OF_CLASS = {
    EOKB.Standard: "commitments", EOKB.Commitment: "commitments",
    EOKB.Country: "law", EOKB.LegalInstrument: "law", EOKB.Provision: "law",
    EOKB.ObservationReport: "findings", EOKB.ReportSection: "findings", EOKB.Finding: "findings",
    EOKB.Recommendation: "recommendations", EOKB.Election: "elections",
}
_LABELS = (SKOS.prefLabel, RDFS.label, DCTERMS.title, ELI.title)


@dataclass(frozen=True)
class Link:
    """Text that links to a page of the site (target) or nowhere; text is untrusted."""

    text: str
    target: Target | None = None


def natural_key(text: str) -> tuple:
    """Sort "7.10" after "7.9" and "rec/10" after "rec/9"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text))


def humanize(local_name: str) -> str:
    """"PoliticalCommitment" → "political commitment"; "art-4" → "art 4"."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local_name).replace("-", " ").replace("_", " ")
    return spaced.lower()


class View:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        # Every node's classes, read once: is_a is asked hundreds of thousands of times.
        self._types: dict = {}
        for node, cls in graph.subject_objects(RDF.type):
            self._types.setdefault(node, set()).add(cls)

    # -- values ----------------------------------------------------------------------------

    def value(self, subject, predicate):
        if subject is None:
            return None
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def text(self, subject, predicate) -> str | None:
        value = self.value(subject, predicate)
        return None if value is None else str(value)

    def python(self, subject, predicate):
        value = self.value(subject, predicate)
        return value.toPython() if isinstance(value, Literal) else value

    def objects(self, subject, predicate) -> list:
        if subject is None:
            return []
        return sorted(self.graph.objects(subject, predicate), key=lambda n: natural_key(str(n)))

    def subjects(self, predicate, obj) -> list:
        return sorted(self.graph.subjects(predicate, obj), key=lambda n: natural_key(str(n)))

    def instances(self, cls) -> list:
        return self.subjects(RDF.type, cls)

    def is_a(self, node, cls) -> bool:
        return cls in self._types.get(node, ())

    # -- what to call a node and where it is published -------------------------------------

    def label(self, node) -> str:
        if node is None:
            return "—"
        if isinstance(node, Literal):
            return str(node)
        if self.is_a(node, EOKB.Commitment):
            scheme = self.value(node, SKOS.inScheme)
            own = self.commitment_label(node)
            return f"{self.text(scheme, SKOS.prefLabel) or self.short_id(scheme)}, {own}" if scheme else own
        if self.is_a(node, EOKB.Provision):
            instrument = self.value(node, ELI.is_part_of)
            own = self.text(node, RDFS.label) or self.short_id(node)
            return f"{self.text(instrument, RDFS.label)} {own}" if instrument else own
        if self.is_a(node, EOKB.ProvisionVersion):
            since = self.text(node, ELI.first_date_entry_in_force)
            return f"{self.label(self.value(node, ELI.realizes))}, version in force from {since}"
        if self.is_a(node, EOKB.Finding):
            # Its headline: the encoder's few words (a finding without one, from a graph built
            # before headlines were required, is named by the words of its id).
            return self.text(node, EOKB.headline) or self.short_id(node).rsplit("/", 1)[-1].replace("-", " ")
        if self.is_a(node, EOKB.Recommendation):
            return f"Recommendation {self.text(node, EOKB.number)}"
        if self.is_a(node, EOKB.ObservationReport):
            return self.text(node, DCTERMS.title) or self.short_id(node)
        if self.is_a(node, EOKB.ReportSection):
            return self.section_label(node)
        for predicate in _LABELS:
            text = self.text(node, predicate)
            if text:
                return text
        if self.graph.value(predicate=EOKB.states, object=node) is not None:
            return self.fact_label(node)
        if self.is_a(node, SH.ValidationResult):
            return self.text(node, SH.resultMessage) or "validation result"
        return self.short_id(node)

    def commitment_label(self, node) -> str:
        """A commitment within its standard: its number and subject, "7.2 — all seats in one
        chamber freely contested" (the word "Paragraph" of its citation left out)."""
        cited = self.text(node, SKOS.prefLabel) or self.short_id(node)
        number = re.sub(r"^Paragraph\s+", "", cited)
        subject = self.text(node, EOKB.subject)
        return f"{number} — {subject}" if subject else cited

    def section_label(self, node) -> str:
        """"Section IV.C: Candidacy Rights"; "Annex 3: Results" (a number that is a word
        already, or a title that repeats it, is not said twice)."""
        number, title = self.text(node, EOKB.sectionNumber) or "", self.text(node, DCTERMS.title) or ""
        if not number or title.lower().startswith(number.lower()):
            return title or number
        return f"{number}: {title}" if re.match(r"^[A-Za-z]+\s", number) else f"Section {number}: {title}"

    def fact_label(self, fact) -> str:
        """A fact of a provision version, by what it states: "seat allocation: 9 seats, chosen
        by an appointed body (APK)"."""
        kind = humanize(str(self.value(fact, RDF.type) or "fact").rsplit("#", 1)[-1])
        parts = []
        for predicate, value in sorted(self.graph.predicate_objects(fact), key=lambda pv: (str(pv[0]), str(pv[1]))):
            if predicate in (RDF.type, EOKB.chamber, EOKB.sourceFile, EOKB.sourceLine, EOKB.sourceColumn):
                continue
            parts.append(f"{humanize(str(predicate).rsplit('#', 1)[-1])} {self.label(value)}")
        return f"{kind}: {', '.join(parts)}" if parts else kind

    def short_id(self, node) -> str:
        record = urls.record_id(node)
        if record:
            return record
        text = str(node)
        return humanize(re.split(r"[#/]", text)[-1]) if isinstance(node, URIRef) else text

    @cached_property
    def _rule_ids(self) -> dict:
        return {shape: str(rule) for shape, rule in self.graph.subject_objects(EOKB.ruleId)}

    def target(self, node) -> Target | None:
        """Where a node is published: its own page, an anchor on its parent's, or None."""
        if not isinstance(node, URIRef):
            return None
        for cls, part in PART_OF_CLASS.items():
            if self.is_a(node, cls):
                record = urls.record_id(node)
                return urls.page(part, record) if record else None
        if self.is_a(node, EOKB.ProvisionVersion):
            provision = self.target(self.value(node, ELI.realizes))
            since = self.text(node, ELI.first_date_entry_in_force) or ""
            return Target(provision.path, urls.anchor("v", since)) if provision else None
        if self.is_a(node, EOKB.Verdict):
            commitment = self.target(self.value(node, EOKB.commitment))
            election = urls.record_id(self.value(node, EOKB.election)) or ""
            return Target(commitment.path, urls.anchor("verdict", election)) if commitment else None
        if self.is_a(node, EOKB.ReportVerdict):
            commitment = self.target(self.value(node, EOKB.commitment))
            return Target(commitment.path, urls.anchor("report", self.short_id(node))) if commitment else None
        if node in self._rule_ids:
            return urls.fixed("rules", urls.anchor(self._rule_ids[node]))
        if "#" in str(node):  # a part of a record: a fact, quotation or figure
            return self.target(URIRef(str(node).split("#", 1)[0]))
        return None

    def link(self, node, text: str | None = None) -> Link:
        return Link(text if text is not None else self.label(node), self.target(node))

    def links(self, nodes, text=None) -> list[Link]:
        return [self.link(node, text(node) if text else None) for node in nodes]
