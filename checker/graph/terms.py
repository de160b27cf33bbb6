"""How the values of the experts' YAML become RDF terms: enumerations to IRIs, and each fact
group's keys to properties."""

from __future__ import annotations

from rdflib import SH, URIRef

from checker.graph.vocab import EOKB
from checker.kb.formats.measures import MEASURES

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
FACT_BASIS = {
    "law-text": EOKB.LawText, "authority-statement": EOKB.AuthorityStatement, "observation": EOKB.ObservationBasis,
    "report-assessment": EOKB.ReportAssessment, "inferred": EOKB.Inferred,
}
SCOPE = {"law": EOKB.LawScope, "conduct": EOKB.ConductScope, "results": EOKB.ResultsScope}
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
        "per": (EOKB.depositPer, None), "amount": (EOKB.amount, None),
        "currency": (EOKB.currency, None),
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
    "expression": (EOKB.ExpressionRule, {
        "defamation_criminal": (EOKB.defamationCriminal, None),
        "defamation_max_prison_years": (EOKB.defamationMaxPrisonYears, None),
        "head_of_state_special_protection": (EOKB.headOfStateSpecialProtection, None)}),
    "assemblies": (EOKB.AssemblyRule, {
        "permission_required": (EOKB.assemblyPermissionRequired, None),
        "authorities_set_time_and_venue": (EOKB.authoritiesSetAssemblyTimeAndVenue, None)}),
    "election_commissions": (EOKB.ElectionCommissionRule, {
        "equitable_party_representation_guaranteed": (EOKB.equitablePartyRepresentationGuaranteed, None),
        "party_nominations_binding": (EOKB.partyNominationsBinding, None)}),
}
PHASE = {
    "campaign": EOKB.CampaignPhase, "media": EOKB.MediaPhase, "administration": EOKB.AdministrationPhase,
    "election-day": EOKB.ElectionDayPhase, "count": EOKB.CountPhase, "tabulation": EOKB.TabulationPhase,
    "complaints": EOKB.ComplaintsPhase,
}
TONE = {"positive": EOKB.PositiveTone, "positive-or-neutral": EOKB.PositiveOrNeutralTone,
        "neutral": EOKB.NeutralTone, "mixed": EOKB.MixedTone, "negative": EOKB.NegativeTone}


def measure_property(measure: str) -> URIRef:
    """The property a measure's value is stated by: `family-voting` (a share) →
    eokb:familyVotingPercent, `multiple-voting` (a tally) → eokb:multipleVotingCount. The
    namespace is closed: a measure the ontology does not declare is an error here."""
    head, *rest = measure.split("-")
    stem = head + "".join(word.capitalize() for word in rest)
    suffix = "Percent" if MEASURES[measure].kind == "share" else "Count"
    return getattr(EOKB, stem + suffix)


# Keys whose values are ids of other records.
REFERENCE_KEYS = {"chamber", "body", "registering_body"}
