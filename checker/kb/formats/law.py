"""The law files: a country with its chambers and bodies, and each legal instrument with its
provisions, their dated versions and the structured facts the rules judge."""

from __future__ import annotations

from checker.kb.types import (
    Boolean, Date, Enum, Id, Integer, ListOf, Number, Obj, Ref, Text, Url, optional, required,
)
from checker.kb.formats.common import BINDING_BASES, FACT_BASES, MENTION, QUOTE, SELECTION_METHODS

# Where every fact comes from (issue 11): a verdict resting on an inferred fact or on the
# report's own assessment says so, and its agreement with the report is not independent.
FACT_BASIS = {
    "basis": optional(Enum(FACT_BASES), "Required for the facts of a provision version. Where the fact comes from: law-text (what the law says, as a source "
                      "quotes or states it), authority-statement (what an authority said, e.g. of its practice), "
                      "observation (what the mission saw), report-assessment (a conclusion the report draws), "
                      "inferred (no source states it)."),
    "basis_note": optional(Text(), "Own words: who made the statement (authority-statement), or why the fact is "
                           "inferred (inferred); required for those two."),
    "holds_from": optional(Date(), "The first day the fact is known to hold, when later than the version's start "
                           "(e.g. the day an authority stated its practice): before it, the fact is not in force."),
}


REPLACES = Obj("replaces", "In a recommendation's proposed change: the fact record it replaces, by its "
               "identifying keys (default: its own chamber, and for seats its chamber and method).", {
    "chamber": optional(Ref(("chamber",)), "The chamber of the record replaced."),
    "method": optional(Enum(SELECTION_METHODS), "For seats: the selection method of the allocation replaced."),
    "body": optional(Ref(("body",)), "For seats: the body that chooses the seats replaced."),
})


def _fact(name: str, doc: str, fields: dict) -> Obj:
    """A fact group's record: its own keys, where the fact comes from, and (in a proposed change)
    the record it replaces."""
    return Obj(name, doc, {**fields, **FACT_BASIS,
                           "replaces": optional(REPLACES, "Only in a recommendation's proposed change: the "
                                                "fact record it replaces.")})


SEATS_FACT = _fact("seats-fact", "How a number of seats of a chamber are filled.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "count": required(Integer(1), "Number of seats filled this way."),
    "method": required(Enum(SELECTION_METHODS), "How they are filled."),
    "body": optional(Ref(("body",)), "The body that chooses or appoints them."),
    "constituency": optional(Text(), "Own words: the constituency, e.g. one national district."),
})
CHAMBER_SIZE_FACT = _fact("chamber-size-fact", "The total number of seats of a chamber.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "count": required(Integer(1), "Total seats."),
})
CANDIDACY_FACT = _fact("candidacy-fact", "Who may stand for a chamber.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "party_membership_required": optional(Boolean(), "Only party members may be candidates."),
    "independent_candidates": optional(Boolean(), "Individuals may stand on their own."),
    "residency_years": optional(Integer(0), "Years of permanent residence required (0 = none)."),
    "conviction_bar": optional(Enum(("none", "any-unexpunged-conviction", "serious-crimes-only")),
                               "Which prior convictions bar candidacy."),
    "min_age": optional(Integer(18), "Minimum age of candidates."),
})
MANDATE_FACT = _fact("mandate-fact", "What a deputy's mandate depends on.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "imperative": optional(Boolean(), "A deputy loses the seat on leaving or expulsion from the party."),
    "party_chooses_seat_holders_after_results": optional(
        Boolean(), "Party bodies choose after the results which candidates take the seats."),
})
PARTY_LISTS_FACT = _fact("party-lists-fact", "Rules for party lists.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "order": optional(Enum(("alphabetical", "ranked")), "Order of candidates on a list."),
    "coalitions_allowed": optional(Boolean(), "Parties may run together in pre-election coalitions."),
    "threshold_percent": optional(Number(), "Share of the vote needed for seats."),
    "threshold_base": optional(Enum(("voters-participating", "valid-votes")), "What the threshold is a share of."),
    "lists_displayed_at_polling_stations": optional(Boolean(), "Candidate lists are shown at polling stations."),
})
PARTY_REGISTRATION_FACT = _fact("party-registration-fact", "What registering a political party takes.", {
    "registering_body": optional(Ref(("body",)), "Who registers parties."),
    "min_members": optional(Integer(0), "Members (signatures) required."),
    "decision_deadline_days": optional(Integer(0), "Days the body has to decide (0 = no deadline)."),
    "rejection_for_any_error": optional(Boolean(), "A single error in the application can reject it."),
})
DEPOSIT_FACT = _fact("deposit-fact", "The election deposit.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "minimum_wage_multiple": optional(Number(), "Deposit as a multiple of the monthly minimum wage."),
    "per": optional(Enum(("listed-candidate", "list")), "What the deposit is paid for."),
    "amount": optional(Integer(0), "The amount, in the currency given by `currency`."),
    "currency": optional(Text(r"^[A-Z]{3}$"), "ISO 4217 code of the amount's currency, e.g. EUR."),
    "reduced_by_vote_share": optional(Boolean(), "Earlier vote share reduces it."),
})
OBSERVERS_FACT = _fact("observers-fact", "Who may observe.", {
    "international_prior_experience_required": optional(
        Boolean(), "International observers must have prior experience of observation."),
    "domestic_ngo_observers_allowed": optional(Boolean(), "Non-partisan civil-society groups may observe."),
})
ELECTRONIC_VOTING_FACT = _fact("electronic-voting-fact", "How electronic voting is regulated.", {
    "used": optional(Boolean(), "Electronic voting is used in elections."),
    "voter_verified_paper_trail": optional(Boolean(), "The system keeps a voter-verified paper audit trail."),
    "independent_audit_possible": optional(Boolean(), "An independent recount or audit is possible."),
    "recertification_after_changes": optional(
        Boolean(), "An independent body must re-examine the whole system after any change."),
    "requirements_public": optional(
        Boolean(), "The technical requirements and certification results are published."),
})
EXPRESSION_FACT = _fact("expression-fact", "How the law treats speech about others.", {
    "defamation_criminal": optional(Boolean(), "Defamation (libel) is a criminal offence."),
    "defamation_max_prison_years": optional(Integer(0), "The longest prison sentence for it, in years (0 = none)."),
    "head_of_state_special_protection": optional(Boolean(), "The head of state's honour and dignity have a special "
                                                 "protection of the criminal law."),
})
ASSEMBLIES_FACT = _fact("assemblies-fact", "What holding a public assembly takes.", {
    "permission_required": optional(Boolean(), "An assembly needs the authorities' permission (not just notice)."),
    "authorities_set_time_and_venue": optional(Boolean(), "The authorities may decide the time and venue."),
})
ELECTION_COMMISSIONS_FACT = _fact("election-commissions-fact", "How election commissions are composed.", {
    "equitable_party_representation_guaranteed": optional(
        Boolean(), "The law guarantees the contesting parties an equitable representation on commissions."),
    "party_nominations_binding": optional(
        Boolean(), "The appointing body must accept the parties' nominees."),
})
FACTS = Obj("facts", "Structured facts a provision version lays down, for the rules.", {
    "seats": optional(ListOf(SEATS_FACT), "How seats are filled."),
    "chamber_size": optional(ListOf(CHAMBER_SIZE_FACT), "Total seats."),
    "candidacy": optional(ListOf(CANDIDACY_FACT), "Who may stand."),
    "mandate": optional(ListOf(MANDATE_FACT), "Mandate rules."),
    "party_lists": optional(ListOf(PARTY_LISTS_FACT), "Party-list rules."),
    "party_registration": optional(ListOf(PARTY_REGISTRATION_FACT), "Party registration."),
    "deposit": optional(ListOf(DEPOSIT_FACT), "Deposit."),
    "observers": optional(ListOf(OBSERVERS_FACT), "Observers."),
    "electronic_voting": optional(ListOf(ELECTRONIC_VOTING_FACT), "Electronic voting."),
    "expression": optional(ListOf(EXPRESSION_FACT), "Criminal defamation and insult."),
    "assemblies": optional(ListOf(ASSEMBLIES_FACT), "Public assemblies."),
    "election_commissions": optional(ListOf(ELECTION_COMMISSIONS_FACT), "Composition of election commissions."),
})
VERSION = Obj("version", "The text of a provision while in force.", {
    "in_force_from": required(Date(), "First day in force."),
    "in_force_to": optional(Date(), "Last day in force; open-ended when absent."),
    "dates_basis": required(Enum(("stated", "inferred")), "Whether a source states the dates."),
    "dates_note": optional(Text(), "Own words: where the dates come from."),
    "summary": required(Text(), "Own words: what this version says."),
    "quotes": optional(ListOf(QUOTE), "Where a source quotes or states it."),
    "facts": optional(FACTS, "Structured facts for the rules."),
})
PROVISION = Obj("provision", "An article or paragraph of a legal instrument.", {
    "id": required(Id("provision"), "<instrument>/art-<n>[/<paragraph>] or <instrument>/<topic>."),
    "label": required(Text(), "How it is cited, e.g. Article 4.4."),
    "title": required(Text(), "Own words: what it is about."),
    "url": optional(Url(), "Official reference."),
    "versions": required(ListOf(VERSION, 1), "Its versions over time."),
})
INSTRUMENT = Obj("instrument", "A national legal instrument.", {
    "id": required(Id("instrument"), "<country>/<name>, e.g. xx/electoral-code."),
    "country": required(Ref(("country",)), "The country."),
    "title": required(Text(), "Full title."),
    "short_title": required(Text(), "The name used in reports."),
    "type": required(Enum(("constitution", "constitutional-law", "law", "code", "regulation")), "Its rank."),
    "adopted": optional(Date(), "Date of adoption."),
    "url": optional(Url(), "Official reference."),
    "mentioned_in": optional(ListOf(MENTION), "Where a report names it."),
})
INSTRUMENT_FILE = Obj("instrument-file", "A legal instrument and its provisions.", {
    "instrument": required(INSTRUMENT, "The instrument."),
    "provisions": required(ListOf(PROVISION), "Its provisions."),
})


COUNTRY = Obj("country", "A state.", {
    "id": required(Id("country"), "ISO 3166 alpha-2 code."),
    "name": required(Text(), "Official name."),
})
CHAMBER = Obj("chamber", "A chamber of the national legislature.", {
    "id": required(Id("chamber"), "<country>/parliament/<name>."),
    "name": required(Text(), "Name."),
    "description": required(Text(), "Own words."),
})
BODY = Obj("body", "A state or election body.", {
    "id": required(Id("body"), "<country>/<name>."),
    "name": required(Text(), "Name."),
    "abbreviation": optional(Text(), "Abbreviation used in reports."),
    "kind": required(Enum(("election-commission", "state-body", "appointed-body", "head-of-state",
                           "ministry", "court", "media-outlet")), "What kind of body."),
    "state_funded": optional(Boolean(), "A media outlet funded by the state (state media have a particular "
                             "obligation of balance)."),
    "level": optional(Enum(("central", "regional", "district", "precinct")), "Its tier."),
    "count": optional(Integer(1), "How many such bodies there are."),
    "description": required(Text(), "Own words."),
    "quotes": optional(ListOf(QUOTE), "Where a source describes it."),
})
BINDING = Obj("binding", "From when a standard binds the country, and on what basis.", {
    "standard": required(Ref(("standard",)), "The standard."),
    "binds_from": required(Date(), "The first day it binds the country."),
    "basis": required(Enum(BINDING_BASES), "How it came to bind: participation (e.g. in the OSCE), "
                      "ratification, accession, succession (to a treaty) or membership (e.g. of the Council of Europe)."),
    "quotes": optional(ListOf(QUOTE), "Where a report states it."),
    "source": optional(Text(), "The public source that states it, when no report does (name it)."),
    "url": optional(Url(), "The source's address."),
    "note": optional(Text(), "Own words."),
})
COUNTRY_FILE = Obj("country-file", "A country, its chambers and bodies.", {
    "country": required(COUNTRY, "The country."),
    "chambers": required(ListOf(CHAMBER, 1), "Its chambers."),
    "bodies": optional(ListOf(BODY), "Its bodies."),
    "standards": optional(ListOf(BINDING), "The standards that bind it and from when; a binding standard with "
                          "no entry here is judged only as not assessed (its applicability is unknown)."),
})
