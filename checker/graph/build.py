"""Building the one RDF graph from the loaded knowledge base.

Every subject carries its provenance: the YAML file, line and column it was read from
(`eokb:sourceFile`, `eokb:sourceLine`, `eokb:sourceColumn`), so that a SHACL result on any
node can be reported at the place an expert wrote it. No blank nodes: records without an id
get an IRI derived from their parent's (`<finding>#quote-1`), which keeps exports stable.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from rdflib import DCTERMS, PROV, RDF, RDFS, SH, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG, DefinedNamespace

from checker.kb.load import KnowledgeBase, version_id
from checker.kb.quotes import quote_source
from checker.kb.read import Record
from checker.graph.vocab import EOKB

ID_BASE = "https://w3id.org/eokb/id/"


class ELI(DefinedNamespace):
    """The European Legislation Identifier terms this project uses."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True
    LegalResource: URIRef
    LegalExpression: URIRef
    is_part_of: URIRef
    realizes: URIRef
    first_date_entry_in_force: URIRef
    date_no_longer_in_force: URIRef
    date_document: URIRef
    title: URIRef
    number: URIRef


PREFIXES = {
    "eokb": EOKB._NS, "id": Namespace(ID_BASE), "eli": ELI._NS, "skos": SKOS, "dcterms": DCTERMS,
    "prov": PROV, "org": ORG, "sh": SH, "xsd": XSD, "rdfs": RDFS,
}
LEGAL_FORCE = {
    "treaty": EOKB.Treaty, "political-commitment": EOKB.PoliticalCommitment,
    "authoritative-interpretation": EOKB.AuthoritativeInterpretation, "good-practice": EOKB.GoodPractice,
}
SELECTION_METHOD = {
    "single-member-popular-vote": EOKB.SingleMemberPopularVote,
    "party-list-popular-vote": EOKB.PartyListPopularVote,
    "chosen-by-appointed-body": EOKB.ChosenByAppointedBody,
    "appointed-by-head-of-state": EOKB.AppointedByHeadOfState,
    "indirect-election-by-regional-councils": EOKB.IndirectElectionByRegionalCouncils,
}
FOLLOW_UP_STATUS = {
    "fully": EOKB.FullyImplemented, "mostly": EOKB.MostlyImplemented,
    "partially": EOKB.PartiallyImplemented, "not-implemented": EOKB.NotImplemented,
    "not-assessed": EOKB.NotAssessedStatus,
}
SEVERITY = {"violation": SH.Violation, "warning": SH.Warning, "info": SH.Info}
FIGURE_MEASURES = {"ballots-cast": EOKB.BallotsCast, "registered-voters": EOKB.RegisteredVoters}

# How each fact group's keys become properties: (class, {yaml key: (property, mapping)}).
FACT_GROUPS: dict[str, tuple[URIRef, dict[str, tuple[URIRef, dict | None]]]] = {
    "seats": (EOKB.SeatAllocation, {
        "chamber": (EOKB.chamber, None), "count": (EOKB.seatCount, None),
        "method": (EOKB.selectionMethod, SELECTION_METHOD), "body": (EOKB.chosenBy, None),
        "constituency": (EOKB.constituency, None)}),
    "chamber_size": (EOKB.ChamberSize, {"chamber": (EOKB.chamber, None), "count": (EOKB.seatCount, None)}),
    "candidacy": (EOKB.CandidacyRule, {
        "chamber": (EOKB.chamber, None), "party_membership_required": (EOKB.partyMembershipRequired, None),
        "independent_candidates": (EOKB.independentCandidatesAllowed, None),
        "residency_years": (EOKB.residencyYears, None), "conviction_bar": (EOKB.convictionBar, None),
        "min_age": (EOKB.minimumAge, None)}),
    "mandate": (EOKB.MandateRule, {
        "chamber": (EOKB.chamber, None), "imperative": (EOKB.imperativeMandate, None),
        "party_chooses_seat_holders_after_results": (EOKB.partyChoosesSeatHoldersAfterResults, None)}),
    "party_lists": (EOKB.PartyListRule, {
        "chamber": (EOKB.chamber, None), "order": (EOKB.listOrder, None),
        "coalitions_allowed": (EOKB.coalitionsAllowed, None), "threshold_percent": (EOKB.thresholdPercent, None),
        "threshold_base": (EOKB.thresholdBase, None),
        "lists_displayed_at_polling_stations": (EOKB.listsDisplayedAtPollingStations, None)}),
    "party_registration": (EOKB.PartyRegistrationRule, {
        "registering_body": (EOKB.registeringBody, None), "min_members": (EOKB.minimumMembers, None),
        "decision_deadline_days": (EOKB.decisionDeadlineDays, None),
        "rejection_for_any_error": (EOKB.rejectionForAnyError, None)}),
    "deposit": (EOKB.DepositRule, {
        "chamber": (EOKB.chamber, None), "minimum_wage_multiple": (EOKB.minimumWageMultiple, None),
        "per": (EOKB.depositPer, None), "amount_kzt": (EOKB.amountKzt, None),
        "reduced_by_vote_share": (EOKB.reducedByVoteShare, None)}),
    "observers": (EOKB.ObserverRule, {
        "international_prior_experience_required": (EOKB.internationalObserversNeedExperience, None),
        "domestic_ngo_observers_allowed": (EOKB.domesticNgoObserversAllowed, None)}),
    "electronic_voting": (EOKB.ElectronicVotingRule, {
        "used": (EOKB.usesElectronicVoting, None),
        "voter_verified_paper_trail": (EOKB.voterVerifiedPaperTrail, None),
        "independent_audit_possible": (EOKB.independentAuditPossible, None),
        "recertification_after_changes": (EOKB.recertificationAfterChanges, None),
        "requirements_public": (EOKB.requirementsPublic, None)}),
}
OBSERVATION_PROPERTIES = {
    "voting_assessed_positively_percent": EOKB.votingAssessedPositivelyPercent,
    "count_assessed_negatively_percent": EOKB.countAssessedNegativelyPercent,
    "marked_ballots_not_shown_percent": EOKB.markedBallotsNotShownPercent,
    "control_documents_tampered_percent": EOKB.controlDocumentsTamperedPercent,
    "observers_restricted_in_count_percent": EOKB.observersRestrictedInCountPercent,
    "tabulation_assessed_negatively_percent": EOKB.tabulationAssessedNegativelyPercent,
}
# Keys whose values are ids of other records.
REFERENCE_KEYS = {"chamber", "body", "registering_body"}


def iri(record_id: str) -> URIRef:
    """The IRI rule: the id appended to the project's id base (docs/formats.md)."""
    return URIRef(ID_BASE + record_id)


def part(owner: URIRef | str, name: str) -> URIRef:
    """The IRI of a part of a record that has no id of its own: a fragment of the record's IRI
    (`<finding>#quote-1`). A part of a part extends the fragment (`<rec>#change-1-seats-1`),
    since an IRI has one fragment at most."""
    base, _, fragment = str(owner).partition("#")
    return URIRef(f"{base}#{fragment}-{name}" if fragment else f"{base}#{name}")


def literal(value: Any) -> Literal:
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, Decimal):
        return Literal(value, datatype=XSD.decimal)
    if isinstance(value, datetime.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(value)


class GraphBuilder:
    """Turns the records of a knowledge base into triples, one kind of record at a time."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)

    def build(self) -> Graph:
        for kb_file in self.kb.files:
            top = kb_file.top
            handler = getattr(self, "_" + kb_file.kind.name.replace("-", "_"))
            handler(top)
        return self.graph

    # -- helpers ---------------------------------------------------------------------------

    def add(self, subject: URIRef, predicate: URIRef, value: Any) -> None:
        if value is None:
            return
        self.graph.add((subject, predicate, value if isinstance(value, URIRef) else literal(value)))

    def node(self, subject: URIRef, record: Record, *classes: URIRef) -> URIRef:
        """Declare a subject: its classes and where it was written."""
        for cls in classes:
            self.graph.add((subject, RDF.type, cls))
        self.add(subject, EOKB.sourceFile, record.pos.path)
        self.add(subject, EOKB.sourceLine, record.pos.line)
        self.add(subject, EOKB.sourceColumn, record.pos.column)
        return subject

    def refs(self, subject: URIRef, predicate: URIRef, ids: list[str] | None) -> None:
        for target in ids or []:
            self.graph.add((subject, predicate, iri(target)))

    def quotes(self, subject: URIRef, record: Record, key: str = "quotes",
               predicate: URIRef = EOKB.quotation) -> None:
        for n, quote in enumerate(record.get(key) or [], start=1):
            self.graph.add((subject, predicate, self.quote(part(subject, f"quote-{n}"), quote)))

    def quote(self, subject: URIRef, quote: Record) -> URIRef:
        self.node(subject, quote, EOKB.Quotation)
        self.add(subject, EOKB.quotedText, " ".join(quote["text"].split()))
        source = quote_source(self.kb, quote)
        if source:
            self.add(subject, EOKB.quotedFrom, iri(source))
        first, last = quote["lines"]
        self.add(subject, EOKB.firstLine, first)
        self.add(subject, EOKB.lastLine, last)
        page = self.page_of(source, first)
        self.add(subject, EOKB.page, page)
        return subject

    def page_of(self, report_id: str | None, line: int) -> int | None:
        """The reconstructed page a line of a report's text falls on."""
        report_file = next((f for f in self.kb.files if f.kind.name == "report" and f.report_id == report_id), None)
        if report_file is None:
            return None
        page = None
        for entry in sorted(report_file.top.get("pages", []), key=lambda p: p["first_line"]):
            if entry["first_line"] <= line:
                page = entry["page"]
        return page

    # -- one method per kind of file -------------------------------------------------------

    def _standard(self, top: Record) -> None:
        standard = top["standard"]
        s = self.node(iri(standard.id), standard, EOKB.Standard, SKOS.ConceptScheme)
        self.add(s, DCTERMS.title, standard["title"])
        self.add(s, SKOS.prefLabel, standard["short_title"])
        self.add(s, DCTERMS.publisher, standard["publisher"])
        self.add(s, DCTERMS.issued, standard.get("adopted"))
        self.add(s, EOKB.legalForce, LEGAL_FORCE[standard["legal_force"]])
        self.add(s, RDFS.seeAlso, URIRef(standard["url"]))
        self.add(s, EOKB.note, standard.get("note"))
        for commitment in top.get("commitments", []):
            c = self.node(iri(commitment.id), commitment, EOKB.Commitment, SKOS.Concept)
            self.add(c, SKOS.inScheme, s)
            self.add(c, SKOS.prefLabel, commitment["label"])
            self.add(c, SKOS.definition, commitment["description"])
            if commitment.get("broader"):
                self.add(c, SKOS.broader, iri(commitment["broader"]))
            else:
                self.add(s, SKOS.hasTopConcept, c)
            if commitment.get("text"):
                self.add(c, EOKB.textQuotation, self.quote(part(c, "text"), commitment["text"]))
            if commitment.get("url"):
                self.add(c, RDFS.seeAlso, URIRef(commitment["url"]))

    def _country(self, top: Record) -> None:
        country = top["country"]
        c = self.node(iri(country.id), country, EOKB.Country)
        self.add(c, RDFS.label, country["name"])
        for chamber in top.get("chambers", []):
            ch = self.node(iri(chamber.id), chamber, EOKB.Chamber)
            self.add(ch, RDFS.label, chamber["name"])
            self.add(ch, DCTERMS.description, chamber["description"])
            self.add(ch, EOKB.country, c)
        for body in top.get("bodies", []):
            b = self.node(iri(body.id), body, EOKB.Body)
            self.add(b, RDFS.label, body["name"])
            self.add(b, EOKB.abbreviation, body.get("abbreviation"))
            self.add(b, EOKB.bodyKind, body["kind"])
            self.add(b, EOKB.level, body.get("level"))
            self.add(b, EOKB.count, body.get("count"))
            self.add(b, DCTERMS.description, body["description"])
            self.add(b, EOKB.country, c)
            self.quotes(b, body)

    def _instrument(self, top: Record) -> None:
        instrument = top["instrument"]
        i = self.node(iri(instrument.id), instrument, EOKB.LegalInstrument, ELI.LegalResource)
        self.add(i, EOKB.country, iri(instrument["country"]))
        self.add(i, ELI.title, instrument["title"])
        self.add(i, RDFS.label, instrument["short_title"])
        self.add(i, EOKB.instrumentType, instrument["type"])
        self.add(i, ELI.date_document, instrument.get("adopted"))
        if instrument.get("url"):
            self.add(i, RDFS.seeAlso, URIRef(instrument["url"]))
        for n, mention in enumerate(instrument.get("mentioned_in") or [], start=1):
            m = self.node(part(i, f"mention-{n}"), mention, EOKB.Mention)
            self.add(m, EOKB.quotedFrom, iri(mention["source"]))
            self.add(m, EOKB.firstLine, mention["lines"][0])
            self.add(m, EOKB.lastLine, mention["lines"][1])
            self.add(i, EOKB.mention, m)
        for provision in top.get("provisions", []):
            p = self.node(iri(provision.id), provision, EOKB.Provision, ELI.LegalResource)
            self.add(p, ELI.is_part_of, i)
            self.add(p, RDFS.label, provision["label"])
            self.add(p, ELI.title, provision["title"])
            if provision.get("url"):
                self.add(p, RDFS.seeAlso, URIRef(provision["url"]))
            for version in provision.get("versions", []):
                self._version(provision, version)

    def _version(self, provision: Record, version: Record) -> None:
        v = self.node(iri(version_id(provision, version)), version, EOKB.ProvisionVersion, ELI.LegalExpression)
        self.add(v, ELI.realizes, iri(provision.id))
        self.add(v, ELI.first_date_entry_in_force, version["in_force_from"])
        self.add(v, ELI.date_no_longer_in_force, version.get("in_force_to"))
        self.add(v, EOKB.datesBasis, version["dates_basis"])
        self.add(v, EOKB.datesNote, version.get("dates_note"))
        self.add(v, DCTERMS.description, version["summary"])
        self.quotes(v, version)
        self.facts(v, version.get("facts"), EOKB.states)

    def facts(self, owner: URIRef, facts: Record | None, predicate: URIRef) -> None:
        """The fact nodes of a `facts` mapping, each linked from `owner` by `predicate`."""
        if not facts:
            return
        for group, (cls, properties) in FACT_GROUPS.items():
            for n, fact in enumerate(facts.get(group) or [], start=1):
                f = self.node(part(owner, f"{group.replace('_', '-')}-{n}"), fact, cls)
                self.add(owner, predicate, f)
                for key, (fact_predicate, mapping) in properties.items():
                    value = fact.get(key)
                    if value is None:
                        continue
                    if mapping:
                        value = mapping[value]
                    elif key in REFERENCE_KEYS:
                        value = iri(value)
                    self.add(f, fact_predicate, value)

    def _report(self, top: Record) -> None:
        report = top["report"]
        r = self.node(iri(report.id), report, EOKB.ObservationReport)
        self.add(r, DCTERMS.title, report["title"])
        self.add(r, DCTERMS.publisher, report["publisher"])
        self.add(r, EOKB.mission, report["mission"])
        self.add(r, EOKB.missionHead, report.get("mission_head"))
        self.add(r, EOKB.missionStart, report.get("mission_start"))
        self.add(r, DCTERMS.issued, report["published"])
        self.add(r, EOKB.place, report["place"])
        self.add(r, DCTERMS.language, report["official_language"])
        self.refs(r, EOKB.observes, report["elections"])
        if report.get("url"):
            self.add(r, RDFS.seeAlso, URIRef(report["url"]))
        source = report["source"]
        s = self.node(part(r, "source"), source, EOKB.SourceText)
        self.add(s, EOKB.fileName, self.kb.file_of(report).path.rsplit("/", 1)[0] + "/" + source["file"])
        self.add(s, EOKB.sha256, source["sha256"])
        self.add(r, EOKB.sourceText, s)
        for page in top.get("pages", []):
            p = self.node(part(r, f"page-{page['page']}"), page, EOKB.Page)
            self.add(p, EOKB.pageNumber, page["page"])
            self.add(p, EOKB.firstLine, page["first_line"])
            self.add(r, EOKB.pageStart, p)
        for section in top.get("sections", []):
            sec = self.node(iri(section.id), section, EOKB.ReportSection)
            self.add(sec, EOKB.sectionNumber, section["number"])
            self.add(sec, DCTERMS.title, section["title"])
            self.add(sec, DCTERMS.isPartOf, iri(section["parent"]) if section.get("parent") else r)
            self.add(sec, EOKB.firstLine, section["lines"][0])
            self.add(sec, EOKB.lastLine, section["lines"][1])
            self.add(sec, EOKB.page, section["page"])

    def _elections(self, top: Record) -> None:
        for election in top.get("elections", []):
            e = self.node(iri(election.id), election, EOKB.Election)
            self.add(e, DCTERMS.title, election["title"])
            self.add(e, EOKB.country, iri(election["country"]))
            self.add(e, EOKB.chamber, iri(election["chamber"]))
            self.add(e, DCTERMS.date, election["date"])
            self.add(e, EOKB.electionKind, election["kind"])
            self.add(e, EOKB.calledOn, election.get("called"))
            self.refs(e, EOKB.observedBy, election.get("observed_by"))
            self.add(e, DCTERMS.description, election["description"])
            self.quotes(e, election)
            observation = election.get("observation")
            if observation:
                o = self.node(part(e, "observation"), observation, EOKB.ObservationStatistics)
                for key, predicate in OBSERVATION_PROPERTIES.items():
                    self.add(o, predicate, observation.get(key))
                self.refs(o, PROV.wasDerivedFrom, observation["findings"])
                self.add(e, EOKB.observation, o)
        for party in top.get("parties") or []:
            p = self.node(iri(party.id), party, EOKB.Party)
            self.add(p, RDFS.label, party["name"])
            self.add(p, EOKB.abbreviation, party.get("abbreviation"))
            for alias in party.get("aliases") or []:
                self.add(p, SKOS.altLabel, alias)
            self.add(p, DCTERMS.description, party["description"])
            self.quotes(p, party)
        for entry in top.get("lists") or []:
            party_slug = entry["party"].rsplit("/", 1)[-1]
            pl = self.node(iri(f"{entry['election']}/list/{party_slug}"), entry, EOKB.PartyList)
            self.add(pl, EOKB.election, iri(entry["election"]))
            self.add(pl, EOKB.party, iri(entry["party"]))
            self.add(pl, EOKB.ballotPosition, entry.get("ballot_position"))
            self.add(pl, EOKB.registered, entry["registered"])

    def _findings(self, top: Record) -> None:
        for finding in top.get("findings", []):
            f = self.node(iri(finding.id), finding, EOKB.Finding)
            report_id = self.kb.report_of(finding)
            self.add(f, EOKB.statement, finding["statement"])
            self.add(f, EOKB.section, iri(finding["section"]))
            self.add(f, PROV.wasDerivedFrom, iri(finding["section"]))
            first, last = finding["lines"]
            self.add(f, EOKB.firstLine, first)
            self.add(f, EOKB.lastLine, last)
            self.add(f, EOKB.page, self.page_of(report_id, first))
            election = finding.get("election") or self._first_election(report_id)
            if election:
                self.add(f, EOKB.election, iri(election))
            self.quotes(f, finding)
            self.refs(f, EOKB.concerns, finding.get("commitments"))
            self.refs(f, EOKB.concernsProvision, finding.get("provisions"))
            self.add(f, EOKB.reportVerdictWording, finding.get("report_verdict"))
            if finding.get("severity"):
                self.add(f, EOKB.severity, SEVERITY[finding["severity"]])
            for n, figure in enumerate(finding.get("figures") or [], start=1):
                fig = self.node(part(f, f"figure-{n}"), figure, EOKB.Figure)
                self.add(fig, RDFS.label, figure["label"])
                value = figure["value"]
                self.add(fig, RDF.value, int(value) if value == value.to_integral_value() and "." not in str(value) else value)
                self.add(fig, EOKB.unit, figure["unit"])
                self.add(fig, EOKB.measures, FIGURE_MEASURES.get(figure.get("measures")))
                self.add(f, EOKB.figure, fig)
            for topic in finding.get("topics") or []:
                self.add(f, EOKB.topic, topic)

    def _first_election(self, report_id: str | None) -> str | None:
        report = self.kb.index.get(report_id or "")
        elections = report.get("elections") if report else None
        return elections[0] if elections else None

    def _recommendations(self, top: Record) -> None:
        report_id = self.kb.report_of(top)
        groups = {}
        for group in top.get("groups", []):
            g = self.node(iri(f"{report_id}/rec-group/{group['letter'].lower()}"), group, EOKB.RecommendationGroup)
            self.add(g, EOKB.letter, group["letter"])
            self.add(g, DCTERMS.title, group["title"])
            self.add(g, EOKB.firstLine, group["lines"][0])
            self.add(g, EOKB.lastLine, group["lines"][1])
            groups[group["letter"]] = g
        for rec in top.get("recommendations", []):
            r = self.node(iri(rec.id), rec, EOKB.Recommendation)
            self.add(r, EOKB.number, rec["number"])
            self.add(r, EOKB.group, groups.get(rec["group"]) or iri(f"{report_id}/rec-group/{rec['group'].lower()}"))
            self.add(r, EOKB.quotation, self.quote(part(r, "text"), rec["text"]))
            self.refs(r, EOKB.answers, rec.get("findings"))
            self.refs(r, EOKB.concerns, rec.get("commitments"))
            self.refs(r, EOKB.concernsProvision, rec.get("provisions"))
            for n, follow_up in enumerate(rec.get("follow_up", []), start=1):
                fu = self.node(part(r, f"follow-up-{n}"), follow_up, EOKB.FollowUpAssessment)
                self.add(fu, DCTERMS.date, follow_up["date"])
                self.add(fu, EOKB.status, FOLLOW_UP_STATUS[follow_up["status"]])
                source = follow_up["source"]
                self.add(fu, DCTERMS.source, iri(source) if source in self.kb.index else source)
                self.add(fu, EOKB.note, follow_up.get("note"))
                self.add(r, EOKB.followUp, fu)
            for n, change in enumerate(rec.get("proposed_changes") or [], start=1):
                c = self.node(part(r, f"change-{n}"), change, EOKB.ProposedChange)
                self.add(c, EOKB.changesProvision, iri(change["provision"]))
                self.add(c, DCTERMS.description, change["summary"])
                self.facts(c, change["facts"], EOKB.proposesFact)
                self.add(r, EOKB.proposesChange, c)

    def _verdicts(self, top: Record) -> None:
        for verdict in top.get("verdicts", []):
            v = self.node(iri(verdict.id), verdict, EOKB.ReportVerdict)
            self.add(v, EOKB.election, iri(verdict["election"]))
            self.add(v, EOKB.commitment, iri(verdict["commitment"]))
            self.add(v, EOKB.wording, verdict["wording"])
            self.add(v, EOKB.severity, SEVERITY[verdict["severity"]])
            self.quotes(v, verdict)
            self.refs(v, EOKB.restsOn, verdict.get("findings"))
            self.add(v, PROV.wasDerivedFrom, iri(self.kb.report_of(verdict)))


    def _claims(self, top: Record) -> None:
        """A report's numeric claims (checker/results/claims.py recomputes them from the annex data)."""
        for claim in top.get("claims", []):
            c = self.node(iri(claim.id), claim, EOKB.NumericClaim)
            self.add(c, EOKB.statement, claim["statement"])
            self.add(c, RDF.value, claim["figure"])
            self.add(c, EOKB.quotation, self.quote(part(c, "quote"), claim["quote"]))
            if claim.get("finding"):
                self.add(c, PROV.wasDerivedFrom, iri(claim["finding"]))

    def _waivers(self, top: Record) -> None:
        for n, waiver in enumerate(top.get("waivers", []), start=1):
            w = self.node(iri(f"waiver/{n}"), waiver, EOKB.Waiver)
            self.add(w, EOKB.ruleId, waiver["rule"])
            self.add(w, EOKB.election, iri(waiver["election"]))
            self.add(w, EOKB.justification, waiver["justification"])
            self.add(w, EOKB.owner, waiver["owner"])
            self.add(w, EOKB.expires, waiver["expires"])


def build_graph(kb: KnowledgeBase) -> Graph:
    """The one graph of a knowledge base that loaded without problems."""
    return GraphBuilder(kb).build()
