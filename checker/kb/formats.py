"""The experts' YAML formats, declared once.

The JSON Schemas in `schemas/` are generated from these declarations (`kbcheck schemas`),
the loader converts by them, and docs/formats.md explains them with examples.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.kb.types import (
    Boolean, Date, Enum, Id, Integer, LineRange, ListOf, Number, Obj, Ref, Text, Url,
    optional, required,
)

LEGAL_FORCES = ("treaty", "political-commitment", "authoritative-interpretation", "good-practice")
SEVERITIES = ("violation", "warning", "info")
SELECTION_METHODS = (
    "single-member-popular-vote",
    "party-list-popular-vote",
    "chosen-by-appointed-body",
    "appointed-by-head-of-state",
    "indirect-election-by-regional-councils",
)
FOLLOW_UP_STATUSES = ("fully", "mostly", "partially", "not-implemented", "not-assessed")
FIGURE_MEASURES = ("ballots-cast", "registered-voters")  # eokb:BallotsCast, eokb:RegisteredVoters
FIGURE_UNITS = (
    "percent", "count", "years", "days", "kzt", "votes", "seats", "members", "stations",
    "persons", "hours", "other",
)

QUOTE = Obj("quote", "A verbatim quotation of a source text, with the lines where it stands.", {
    "text": required(Text(), "The quoted words, verbatim (line breaks count as one space)."),
    "lines": required(LineRange(), "First and last line of the quotation in the source's text file."),
    "source": optional(Ref(("report",)), "The report quoted; defaults to the report whose folder holds the file."),
})
MENTION = Obj("mention", "A place in a source that names the record.", {
    "source": required(Ref(("report",)), "The report."),
    "lines": required(LineRange(), "The lines that name it."),
})

# --- commitments -------------------------------------------------------------------------

STANDARD = Obj("standard", "A document of international commitments or standards.", {
    "id": required(Id("standard"), "Short stable id, e.g. copenhagen-1990."),
    "title": required(Text(), "Full official title."),
    "short_title": required(Text(), "The name used in reports."),
    "publisher": required(Text(), "The body that adopted it."),
    "adopted": optional(Date(), "Date of adoption."),
    "legal_force": required(Enum(LEGAL_FORCES), "How binding it is."),
    "url": required(Url(), "Official reference."),
    "note": optional(Text(), "Own words: context such as ratification."),
})
COMMITMENT = Obj("commitment", "A paragraph of a standard: one commitment.", {
    "id": required(Id("commitment"), "<standard>/<paragraph>, e.g. copenhagen-1990/7.5."),
    "label": required(Text(), "How the paragraph is cited, e.g. Paragraph 7.5."),
    "broader": optional(Ref(("commitment",)), "The paragraph this one belongs to."),
    "description": required(Text(), "Own-words summary (never text copied from elsewhere)."),
    "text": optional(QUOTE, "The paragraph's words, only where a source quotes them."),
    "url": optional(Url(), "Official reference of the paragraph."),
})
STANDARD_FILE = Obj("standard-file", "A file of commitments: one standard and its paragraphs.", {
    "standard": required(STANDARD, "The standard."),
    "commitments": required(ListOf(COMMITMENT, 1), "Its paragraphs."),
})

# --- law ---------------------------------------------------------------------------------

SEATS_FACT = Obj("seats-fact", "How a number of seats of a chamber are filled.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "count": required(Integer(1), "Number of seats filled this way."),
    "method": required(Enum(SELECTION_METHODS), "How they are filled."),
    "body": optional(Ref(("body",)), "The body that chooses or appoints them."),
    "constituency": optional(Text(), "Own words: the constituency, e.g. one national district."),
})
CHAMBER_SIZE_FACT = Obj("chamber-size-fact", "The total number of seats of a chamber.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "count": required(Integer(1), "Total seats."),
})
CANDIDACY_FACT = Obj("candidacy-fact", "Who may stand for a chamber.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "party_membership_required": optional(Boolean(), "Only party members may be candidates."),
    "independent_candidates": optional(Boolean(), "Individuals may stand on their own."),
    "residency_years": optional(Integer(0), "Years of permanent residence required (0 = none)."),
    "conviction_bar": optional(Enum(("none", "any-unexpunged-conviction", "serious-crimes-only")),
                               "Which prior convictions bar candidacy."),
    "min_age": optional(Integer(18), "Minimum age of candidates."),
})
MANDATE_FACT = Obj("mandate-fact", "What a deputy's mandate depends on.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "imperative": optional(Boolean(), "A deputy loses the seat on leaving or expulsion from the party."),
    "party_chooses_seat_holders_after_results": optional(
        Boolean(), "Party bodies choose after the results which candidates take the seats."),
})
PARTY_LISTS_FACT = Obj("party-lists-fact", "Rules for party lists.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "order": optional(Enum(("alphabetical", "ranked")), "Order of candidates on a list."),
    "coalitions_allowed": optional(Boolean(), "Parties may run together in pre-election coalitions."),
    "threshold_percent": optional(Number(), "Share of the vote needed for seats."),
    "threshold_base": optional(Enum(("voters-participating", "valid-votes")), "What the threshold is a share of."),
    "lists_displayed_at_polling_stations": optional(Boolean(), "Candidate lists are shown at polling stations."),
})
PARTY_REGISTRATION_FACT = Obj("party-registration-fact", "What registering a political party takes.", {
    "registering_body": optional(Ref(("body",)), "Who registers parties."),
    "min_members": optional(Integer(0), "Members (signatures) required."),
    "decision_deadline_days": optional(Integer(0), "Days the body has to decide (0 = no deadline)."),
    "rejection_for_any_error": optional(Boolean(), "A single error in the application can reject it."),
})
DEPOSIT_FACT = Obj("deposit-fact", "The election deposit.", {
    "chamber": required(Ref(("chamber",)), "The chamber."),
    "minimum_wage_multiple": optional(Number(), "Deposit as a multiple of the monthly minimum wage."),
    "per": optional(Enum(("listed-candidate", "list")), "What the deposit is paid for."),
    "amount_kzt": optional(Integer(0), "The amount in tenge."),
    "reduced_by_vote_share": optional(Boolean(), "Earlier vote share reduces it."),
})
OBSERVERS_FACT = Obj("observers-fact", "Who may observe.", {
    "international_prior_experience_required": optional(
        Boolean(), "International observers must have prior experience of observation."),
    "domestic_ngo_observers_allowed": optional(Boolean(), "Non-partisan civil-society groups may observe."),
})
ELECTRONIC_VOTING_FACT = Obj("electronic-voting-fact", "How electronic voting is regulated.", {
    "used": optional(Boolean(), "Electronic voting is used in elections."),
    "voter_verified_paper_trail": optional(Boolean(), "The system keeps a voter-verified paper audit trail."),
    "independent_audit_possible": optional(Boolean(), "An independent recount or audit is possible."),
    "recertification_after_changes": optional(
        Boolean(), "An independent body must re-examine the whole system after any change."),
    "requirements_public": optional(
        Boolean(), "The technical requirements and certification results are published."),
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
    "id": required(Id("instrument"), "<country>/<name>, e.g. kz/election-law."),
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

# --- country -----------------------------------------------------------------------------

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
                           "ministry", "court")), "What kind of body."),
    "level": optional(Enum(("central", "regional", "district", "precinct")), "Its tier."),
    "count": optional(Integer(1), "How many such bodies there are."),
    "description": required(Text(), "Own words."),
    "quotes": optional(ListOf(QUOTE), "Where a source describes it."),
})
COUNTRY_FILE = Obj("country-file", "A country, its chambers and bodies.", {
    "country": required(COUNTRY, "The country."),
    "chambers": required(ListOf(CHAMBER, 1), "Its chambers."),
    "bodies": optional(ListOf(BODY), "Its bodies."),
})

# --- a report's folder -------------------------------------------------------------------

SOURCE = Obj("source", "The report's shipped text.", {
    "file": required(Text(), "Path relative to the report's folder."),
    "sha256": required(Text(r"^[0-9a-f]{64}$"), "SHA-256 of the file."),
})
REPORT = Obj("report", "An election observation report.", {
    "id": required(Id("report"), "<publisher>-<country>-<year>."),
    "title": required(Text(), "Title."),
    "publisher": required(Text(), "Publisher."),
    "mission": required(Text(), "The mission that wrote it."),
    "mission_head": optional(Text(), "Head of mission."),
    "mission_start": optional(Date(), "When the mission was established."),
    "published": required(Date(), "Date of the report."),
    "place": required(Text(), "Place of publication."),
    "official_language": required(Text(r"^[a-z]{2}$"), "Language of the official version (ISO 639-1)."),
    "elections": required(ListOf(Ref(("election",)), 1), "The elections it observed."),
    "url": optional(Url(), "Official reference."),
    "source": required(SOURCE, "The shipped text."),
})
PAGE = Obj("page", "Where a page of the printed report starts in the text.", {
    "page": required(Integer(1), "Page number."),
    "first_line": required(Integer(1), "Its first line in the text file."),
})
SECTION = Obj("section", "A section of the report.", {
    "id": required(Id("section"), "<report>/section/<number>."),
    "number": required(Text(), "As printed, e.g. IV.B."),
    "title": required(Text(), "Title."),
    "parent": optional(Ref(("section",)), "The section it belongs to."),
    "lines": required(LineRange(), "Heading to last line, with its footnotes."),
    "page": required(Integer(1), "Page where it starts."),
})
REPORT_FILE = Obj("report-file", "A report's metadata, pages and sections.", {
    "report": required(REPORT, "The report."),
    "pages": required(ListOf(PAGE, 1), "Page starts."),
    "sections": required(ListOf(SECTION, 1), "Sections."),
})

OBSERVATION = Obj("observation", "What observers measured on election day, as shares of their observations.", {
    "voting_assessed_positively_percent": optional(Number(), "Polling stations where voting was assessed positively."),
    "count_assessed_negatively_percent": optional(Number(), "Counts observed that were assessed negatively."),
    "marked_ballots_not_shown_percent": optional(Number(), "Counts where marked ballots were not shown to observers."),
    "control_documents_tampered_percent": optional(Number(), "Counts where the commission tampered with control documents."),
    "observers_restricted_in_count_percent": optional(Number(), "Counts where observers were restricted."),
    "tabulation_assessed_negatively_percent": optional(Number(), "Tabulation observations assessed negatively."),
    "findings": required(ListOf(Ref(("finding",)), 1), "The findings that state these figures."),
})
ELECTION = Obj("election", "An election.", {
    "id": required(Id("election"), "<country>/<year>-<chamber>."),
    "title": required(Text(), "Title."),
    "country": required(Ref(("country",)), "Country."),
    "chamber": required(Ref(("chamber",)), "Chamber elected."),
    "date": required(Date(), "Election day."),
    "kind": required(Enum(("parliamentary", "early-parliamentary", "presidential", "local")), "Kind."),
    "called": optional(Date(), "When it was called."),
    "observed_by": optional(ListOf(Ref(("report",))), "Reports that observed it."),
    "description": required(Text(), "Own words."),
    "quotes": optional(ListOf(QUOTE), "Where a source describes it."),
    "observation": optional(OBSERVATION, "What observers measured on election day."),
})
PARTY = Obj("party", "A political party.", {
    "id": required(Id("party"), "<country>/party/<name>."),
    "name": required(Text(), "Name."),
    "abbreviation": optional(Text(), "Abbreviation."),
    "aliases": optional(ListOf(Text()), "Other names or spellings in sources."),
    "description": required(Text(), "Own words."),
    "quotes": optional(ListOf(QUOTE), "Where a source describes it."),
})
PARTY_LIST = Obj("party-list", "A party's list in an election.", {
    "election": required(Ref(("election",)), "The election."),
    "party": required(Ref(("party",)), "The party."),
    "ballot_position": optional(Integer(1), "Position on the ballot."),
    "registered": required(Boolean(), "Whether the list was registered."),
})
ELECTIONS_FILE = Obj("elections-file", "Elections, parties and their lists.", {
    "elections": required(ListOf(ELECTION, 1), "Elections."),
    "parties": optional(ListOf(PARTY), "Parties."),
    "lists": optional(ListOf(PARTY_LIST), "Lists."),
})

FIGURE = Obj("figure", "A number a finding states.", {
    "label": required(Text(), "What it counts."),
    "value": required(Number(), "The number."),
    "unit": required(Enum(FIGURE_UNITS), "Its unit."),
    "measures": optional(Enum(FIGURE_MEASURES), "What it counts, where rules and claims use it: "
                         "ballots-cast (voters who took part) or registered-voters."),
})
FINDING = Obj("finding", "A factual finding of a report.", {
    "id": required(Id("finding"), "<report>/finding/<slug>."),
    "statement": required(Text(), "Own words."),
    "section": required(Ref(("section",)), "Most specific section."),
    "lines": required(LineRange(), "The passage it rests on."),
    "election": optional(Ref(("election",)), "Defaults to the report's first election."),
    "quotes": required(ListOf(QUOTE, 1), "Verbatim quotations."),
    "commitments": optional(ListOf(Ref(("commitment",))), "Commitments it concerns."),
    "provisions": optional(ListOf(Ref(("provision",))), "Provisions it concerns."),
    "report_verdict": optional(Text(), "The report's verdict words, as in a quotation."),
    "severity": optional(Enum(SEVERITIES), "Severity of the report's verdict."),
    "figures": optional(ListOf(FIGURE), "Numbers it states."),
    "topics": optional(ListOf(Text()), "Keywords."),
})
FINDINGS_FILE = Obj("findings-file", "Findings of a report.", {
    "findings": required(ListOf(FINDING, 1), "Findings."),
})

GROUP = Obj("group", "A group of recommendations.", {
    "letter": required(Text(r"^[A-Z]$"), "Letter."),
    "title": required(Text(), "Title."),
    "lines": required(LineRange(), "Lines of the group."),
})
FOLLOW_UP = Obj("follow-up", "An assessment of how far a recommendation was implemented.", {
    "date": required(Date(), "Date of the assessment."),
    "status": required(Enum(FOLLOW_UP_STATUSES), "Status."),
    "source": required(Text(), "Report id or named source of the assessment."),
    "note": optional(Text(), "Own words."),
})
PROPOSED_CHANGE = Obj("proposed-change", "A change to the facts of a provision that a recommendation asks for.", {
    "provision": required(Ref(("provision",)), "The provision to change."),
    "facts": required(FACTS, "The facts it would lay down instead (same groups and chambers are replaced)."),
    "summary": required(Text(), "Own words: the change."),
})
RECOMMENDATION = Obj("recommendation", "A numbered recommendation of a report.", {
    "id": required(Id("recommendation"), "<report>/rec/<number>."),
    "number": required(Integer(1), "Number."),
    "group": required(Text(r"^[A-Z]$"), "Group letter."),
    "text": required(QUOTE, "Full text, verbatim."),
    "findings": optional(ListOf(Ref(("finding",))), "Findings it answers."),
    "commitments": optional(ListOf(Ref(("commitment",))), "Commitments it serves."),
    "provisions": optional(ListOf(Ref(("provision",))), "Provisions it asks to change."),
    "follow_up": required(ListOf(FOLLOW_UP, 1), "Status over time, oldest first."),
    "proposed_changes": optional(ListOf(PROPOSED_CHANGE), "The fact changes it asks for (kbcheck simulate)."),
})
RECOMMENDATIONS_FILE = Obj("recommendations-file", "A report's recommendations.", {
    "groups": required(ListOf(GROUP, 1), "Groups."),
    "recommendations": required(ListOf(RECOMMENDATION, 1), "Recommendations."),
})

REPORT_VERDICT = Obj("report-verdict", "A report's own verdict on a commitment.", {
    "id": required(Id("report-verdict"), "<report>/verdict/<short>."),
    "election": required(Ref(("election",)), "The election."),
    "commitment": required(Ref(("commitment",)), "The commitment."),
    "wording": required(Text(), "The report's words, as in a quotation."),
    "severity": required(Enum(SEVERITIES), "What the words mean."),
    "quotes": required(ListOf(QUOTE, 1), "Where the report says it."),
    "findings": optional(ListOf(Ref(("finding",))), "Findings it rests on."),
})
VERDICTS_FILE = Obj("verdicts-file", "A report's own verdicts.", {
    "verdicts": required(ListOf(REPORT_VERDICT, 1), "Verdicts."),
})


WAIVER = Obj("waiver", "A maintainer's acceptance of a known result.", {
    "rule": required(Text(r"^[A-Za-z0-9.-]+$"), "The rule id, e.g. CPH-7.2-popular-chamber."),
    "election": required(Ref(("election",)), "The election whose result is accepted."),
    "justification": required(Text(), "Why the result is accepted."),
    "owner": required(Text(), "Who is answerable for the waiver."),
    "expires": required(Date(), "Last day the waiver holds; after it, the waiver is an error."),
})
WAIVERS_FILE = Obj("waivers-file", "Accepted results.", {
    "waivers": required(ListOf(WAIVER), "Waivers."),
})

# --- a report's numeric claims, recomputed from its annex data (issue 7) ------------------

CLAIM_RELATIONS = ("equals", "rounds-to", "more-than", "less-than", "at-least", "most-of", "consistent-with-shown")
_TABLE = Text(r"^[a-z0-9.-]+/annex-[0-9]+$")
_SELECTION = {
    "table": required(_TABLE, "The table: <report>/annex-<n>."),
    "region": optional(Text(), "Only the stations of this region (as in stations.csv)."),
    "tec": optional(Text(), "Only the stations of this TEC (as in stations.csv)."),
}
OPERAND_FIELDS = {
    "stations": optional(Obj("station-count", "How many stations of a table meet a condition.", {
        **_SELECTION,
        "where": required(Enum(("shown", "differs", "increased", "decreased", "others-decreased",
                                "no-other-party-gains", "every-valid-vote")),
                          "shown: every station; differs: any figure differs between protocol and CEC data; "
                          "increased / decreased: the party's CEC figure is higher / lower than the protocol's; "
                          "others-decreased: the other parties together have fewer votes; no-other-party-gains: "
                          "no other party has more votes; every-valid-vote: the party has every valid vote in "
                          "the CEC data."),
        "party": optional(Ref(("party",)), "The party the condition is about."),
        "by_at_least": optional(Integer(1), "With increased / decreased: by at least this many votes."),
    }), "Count stations."),
    "net_shift": optional(Obj("net-shift", "CEC data minus protocol, summed over a table's stations.", {
        **_SELECTION, "party": required(Ref(("party",)), "The party."),
    }), "A party's net gain (negative: loss)."),
    "parties_changed": optional(Obj("parties-changed", "How many parties' figures change at some station.", {
        **_SELECTION,
    }), "Count parties."),
    "station_figure": optional(Obj("station-figure", "One figure of one station.", {
        "table": required(_TABLE, "The table."),
        "station": required(Text(), "The station key, as in stations.csv."),
        "source": required(Enum(("pec-protocol", "cec-data")), "Whose figure."),
        "column": required(Text(), "A party id, invalid, or total (all columns)."),
    }), "A station's figure."),
    "table_sum": optional(Obj("table-sum", "The sum of a column of a table of results by party.", {
        "table": required(_TABLE, "The table."),
        "measure": required(Enum(("votes", "percent", "mandates")), "The column."),
    }), "A column's sum."),
    "vote_share": optional(Obj("vote-share", "A party's votes as a percentage of all parties' votes.", {
        "table": required(_TABLE, "The table."), "party": required(Ref(("party",)), "The party."),
    }), "A share of the valid votes."),
    "seats": optional(Obj("seats", "A party's seats under the law in force: threshold, then allocation.", {
        "table": required(_TABLE, "The table of results by party."), "party": required(Ref(("party",)), "The party."),
    }), "Seats, by every allocation method tried."),
    "parties_over_threshold": optional(Obj("parties-over-threshold", "Parties at or over the legal threshold.", {
        "table": required(_TABLE, "The table of results by party."),
    }), "Count parties."),
    "figure": optional(Obj("figure-ref", "A number a finding states.", {
        "finding": required(Ref(("finding",)), "The finding."),
        "label": required(Text(), "The figure's label, exactly."),
    }), "A finding's figure."),
}
OPERAND = Obj("operand", "One computed number: exactly one key.", OPERAND_FIELDS)
COMPUTATION = Obj("computation", "What to compute from the data: exactly one key.", {
    **OPERAND_FIELDS,
    "difference": optional(ListOf(OPERAND, 2), "The first number minus the second."),
    "ratio_percent": optional(ListOf(OPERAND, 2), "The first number as a percentage of the second."),
})
CLAIM = Obj("claim", "A number the report states that its data can recompute.", {
    "id": required(Id("claim"), "<report>/claim/<slug>."),
    "statement": required(Text(), "Own words: what the report claims, as recomputed."),
    "finding": optional(Ref(("finding",)), "The finding that states it."),
    "quote": required(QUOTE, "The report's words, verbatim."),
    "figure": required(Number(), "The report's figure (for most-of: how many cases it speaks of)."),
    "relation": required(Enum(CLAIM_RELATIONS), "How the computed number must stand to the figure."),
    "of": optional(Integer(1), "With consistent-with-shown: how many stations the figure is counted among; "
                               "the table shows only some of them."),
    "compute": required(COMPUTATION, "What to compute."),
    "note": optional(Text(), "Own words: how the claim is read."),
})
CLAIMS_FILE = Obj("claims-file", "A report's numeric claims that its data can recompute.", {
    "claims": required(ListOf(CLAIM, 1), "Claims."),
})


@dataclass(frozen=True)
class FileKind:
    """A kind of file: where it lives and its format."""

    name: str
    pattern: str  # a glob relative to the knowledge base root
    top: Obj

    @property
    def schema_file(self) -> str:
        return f"schemas/{self.name}.schema.json"


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("standard", "commitments/*.yaml", STANDARD_FILE),
    FileKind("country", "law/*/country.yaml", COUNTRY_FILE),
    FileKind("instrument", "law/*/*.yaml", INSTRUMENT_FILE),
    FileKind("report", "findings/*/report.yaml", REPORT_FILE),
    FileKind("elections", "findings/*/elections.yaml", ELECTIONS_FILE),
    FileKind("recommendations", "findings/*/recommendations.yaml", RECOMMENDATIONS_FILE),
    FileKind("verdicts", "findings/*/verdicts.yaml", VERDICTS_FILE),
    FileKind("findings", "findings/*/findings/*.yaml", FINDINGS_FILE),
    FileKind("waivers", "waivers.yaml", WAIVERS_FILE),
    FileKind("claims", "findings/*/claims.yaml", CLAIMS_FILE),
)
