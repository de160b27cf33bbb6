"""What observers saw, as typed facts (issue 12): the catalogue of measures, how a finding's
observations enter the graph, and what the bundled report holds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import PROV, RDF, Graph, Literal, URIRef

from checker.graph.framework import ONTOLOGY
from checker.graph.ids import ID_BASE
from checker.graph.terms import measure_property
from checker.graph.vocab import EOKB
from checker.kb.formats.measures import MEASURES, OF, PHASES
from checker.pipeline import load_and_check
from tests.conftest import ROOT

F = ID_BASE + "odihr-kz-2007/finding/"


@pytest.fixture(scope="module")
def graph():
    return load_and_check(ROOT).graph


def _node(graph, finding: str, prop) -> URIRef:
    """The fact a finding states that gives `prop`."""
    return next(s for s in graph.subjects(prop, None) if (s, PROV.wasDerivedFrom, URIRef(F + finding)) in graph)


def test_every_measure_is_declared_in_the_ontology_with_its_kind():
    ontology = Graph().parse(ONTOLOGY)
    for key, measure in MEASURES.items():
        prop = measure_property(key)
        assert (prop, RDF.type, None) in ontology, f"{key}: {prop} is not in ontology/eokb.ttl"
        assert str(prop).endswith("Percent" if measure.kind == "share" else "Count")
        assert measure.phase in PHASES


def test_the_six_election_day_figures_keep_their_properties():
    """The former `observation:` block of elections.yaml: the rules judge the same properties."""
    names = {"voting-assessed-positively": "votingAssessedPositivelyPercent",
             "count-assessed-negatively": "countAssessedNegativelyPercent",
             "marked-ballots-not-shown": "markedBallotsNotShownPercent",
             "control-documents-tampered": "controlDocumentsTamperedPercent",
             "observers-restricted-in-count": "observersRestrictedInCountPercent",
             "tabulation-assessed-negatively": "tabulationAssessedNegativelyPercent"}
    for key, name in names.items():
        assert str(measure_property(key)).endswith("#" + name)


def test_a_measured_fact_is_held_by_its_election_with_its_quotation_and_finding(graph):
    fact = _node(graph, "count-pec-tampering", EOKB.controlDocumentsTamperedPercent)
    assert graph.value(fact, EOKB.controlDocumentsTamperedPercent) == Literal(9)
    assert (URIRef(ID_BASE + "kz/2007-majilis"), EOKB.observation, fact) in graph
    assert graph.value(fact, EOKB.basis) == EOKB.ObservationBasis
    assert graph.value(fact, EOKB.phase) == EOKB.CountPhase
    quote = graph.value(fact, EOKB.quotation)
    assert graph.value(quote, EOKB.page) is not None and "9 per cent" in str(graph.value(quote, EOKB.quotedText))


def test_a_share_given_as_a_count_of_its_base_is_computed_and_marked(graph):
    fact = _node(graph, "mobile-voting-secrecy-irregularities", EOKB.mobileVotingSecrecyBreachedPercent)
    assert graph.value(fact, EOKB.mobileVotingSecrecyBreachedPercent).toPython() == Decimal("16.2")
    assert graph.value(fact, EOKB.percentComputed) == Literal(True)
    assert (graph.value(fact, EOKB.observedCount), graph.value(fact, EOKB.baseSize)) == (Literal(31), Literal(191))


def test_a_fact_about_another_election_is_held_by_that_election(graph):
    """The 2007 report gives the 2004 mission's voting assessment (87 %): the 2004 election holds it."""
    facts = [f for f in graph.objects(URIRef(ID_BASE + "kz/2004-majilis"), EOKB.observation)]
    assert [graph.value(f, EOKB.votingAssessedPositivelyPercent) for f in facts] == [Literal(87)]


def test_media_coverage_per_outlet_and_subject(graph):
    khabar = URIRef(ID_BASE + "kz/media/tv-khabar")
    shares = {str(graph.value(f, EOKB.coverageOf)).rsplit("/", 1)[-1]: graph.value(f, EOKB.coverageSharePercent).toPython()
              for f in graph.subjects(EOKB.outlet, khabar) if len(list(graph.objects(f, EOKB.coverageOf))) == 1}
    assert shares == {"nur-otan": 20, "ansdp": 3, "ak-zhol": 7}
    assert graph.value(khabar, EOKB.stateFunded) == Literal(True)


def test_the_bundled_report_holds_facts_of_every_phase(graph):
    phases = {graph.value(f, EOKB.phase) for f in graph.objects(URIRef(ID_BASE + "kz/2007-majilis"), EOKB.observation)}
    assert {EOKB.CampaignPhase, EOKB.MediaPhase, EOKB.AdministrationPhase, EOKB.ElectionDayPhase, EOKB.CountPhase,
            EOKB.TabulationPhase, EOKB.ComplaintsPhase} <= phases
    assert "polling-stations-visited" in OF
