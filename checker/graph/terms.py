"""How the values of the experts' YAML become RDF terms: enumerations to IRIs, and each fact
group's keys to properties."""

from __future__ import annotations

from rdflib import SH, URIRef

from checker.graph.vocab import EOKB

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
