"""The triples of what observers saw: a finding's typed `observations` (methods of
`GraphBuilder`, checker/graph/build.py).

Each fact is a node of its own, `<finding>#measured-<n>` or `<finding>#media-<n>`, that the
election it is about holds (`eokb:observation`), so the rules judge it as they judge the law's
facts in force (checker/judge/evidence.py). It keeps where it comes from: its basis, its
quotation (with the page) and the finding that states it (`prov:wasDerivedFrom`).

A measure's value is stated by the measure's own property (`eokb:familyVotingPercent`, checker/
graph/terms.py). A share the report gives only as a count of a base (31 of 191) gets its
percentage computed, rounded to one decimal and marked `eokb:percentComputed true`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from rdflib import PROV, RDFS, URIRef

from checker.graph.ids import iri, part
from checker.graph.terms import FACT_BASIS, PHASE, TONE, measure_property
from checker.graph.vocab import EOKB
from checker.kb.formats.measures import MEASURES
from checker.kb.read import Record


class ObservationTriples:
    """A finding's observation facts as triples."""

    def _observations(self, finding_node: URIRef, finding: Record, election: str | None) -> None:
        observations = finding.get("observations")
        if not observations:
            return
        for n, fact in enumerate(observations.get("measured") or [], start=1):
            node = self._observed(finding_node, f"measured-{n}", fact, EOKB.MeasuredFact, election)
            measure = MEASURES[fact["measure"]]
            prop = measure_property(fact["measure"])
            self.add(node, EOKB.measure, prop)
            self.add(node, RDFS.label, measure.doc)
            self.add(node, EOKB.phase, PHASE[measure.phase])
            value = fact.get("percent") if measure.kind == "share" else fact.get("count")
            if measure.kind == "share" and value is None:
                value = (Decimal(fact["count"]) * 100 / Decimal(fact["base"])).quantize(Decimal("0.1"), ROUND_HALF_UP)
                self.add(node, EOKB.percentComputed, True)
            self.add(node, prop, _number(value))
            if measure.kind == "share":
                self.add(node, EOKB.observedCount, fact.get("count"))
            self.add(node, EOKB.shareOf, fact["of"])
            self.add(node, EOKB.baseSize, fact.get("base"))
            self.add(node, EOKB.atLeast, fact.get("at_least"))
            self.add(node, EOKB.approximate, fact.get("approximate"))
            for place in fact.get("places") or []:
                self.add(node, EOKB.observedPlace, place)
            self.refs(node, EOKB.party, fact.get("parties"))
            if fact.get("body"):
                self.add(node, EOKB.concernsBody, iri(fact["body"]))
            self.add(node, EOKB.figureDate, fact.get("as_of"))
        for n, fact in enumerate(observations.get("media") or [], start=1):
            node = self._observed(finding_node, f"media-{n}", fact, EOKB.MediaCoverage, election)
            self.add(node, EOKB.phase, EOKB.MediaPhase)
            self.add(node, EOKB.outlet, iri(fact["outlet"]))
            self.refs(node, EOKB.coverageOf, fact["subjects"])
            self.add(node, EOKB.coverageSharePercent, _number(fact.get("share_percent")))
            if fact.get("tone"):
                self.add(node, EOKB.tone, TONE[fact["tone"]])
            self.add(node, EOKB.tonePercent, _number(fact.get("tone_percent")))
            self.add(node, EOKB.approximate, fact.get("approximate"))

    def _observed(self, finding_node: URIRef, name: str, fact: Record, cls: URIRef, election: str | None) -> URIRef:
        node = self.node(part(finding_node, name), fact, cls)
        self.add(node, EOKB.basis, FACT_BASIS[fact["basis"]])
        self.add(node, EOKB.basisNote, fact.get("basis_note"))
        self.add(node, EOKB.quotation, self.quote(part(node, "quote"), fact["quote"]))
        self.add(node, PROV.wasDerivedFrom, finding_node)
        about = fact.get("election") or election
        if about:
            self.add(iri(about), EOKB.observation, node)
        return node


def _number(value):
    """A whole number as an integer (39, not 39.0): the rules compare either, the outputs show it as written."""
    if isinstance(value, Decimal) and value == value.to_integral_value() and value.as_tuple().exponent >= 0:
        return int(value)
    return value
