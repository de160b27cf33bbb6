"""What every format shares: the enumerations and the quotation."""

from __future__ import annotations

from checker.kb.types import (
    LineRange, Obj, Ref, Text, optional, required,
)

LEGAL_FORCES = ("treaty", "political-commitment", "authoritative-interpretation", "good-practice")
SEVERITIES = ("violation", "warning", "info")
# A headline or subject: a few words on one line (a title, not a sentence to read).
HEADLINE = r"^[^\n]{3,80}$"
SELECTION_METHODS = (
    "single-member-popular-vote",
    "party-list-popular-vote",
    "chosen-by-appointed-body",
    "appointed-by-head-of-state",
    "indirect-election-by-regional-councils",
)
FACT_BASES = ("law-text", "authority-statement", "observation", "report-assessment", "inferred")
BINDING_BASES = ("participation", "ratification", "accession", "succession", "membership")
SCOPES = ("law", "conduct", "results")
SECTION_PARTS = ("front", "body", "recommendations", "annex", "back")
FOLLOW_UP_STATUSES = ("fully", "mostly", "partially", "not-implemented", "not-assessed")
FIGURE_MEASURES = ("ballots-cast", "registered-voters")  # eokb:BallotsCast, eokb:RegisteredVoters
FIGURE_UNITS = (
    "percent", "count", "years", "days", "money", "votes", "seats", "members", "stations",
    "persons", "hours", "other",
)

QUOTE = Obj("quote", "A verbatim quotation of a source text, with the lines where it stands.", {
    "text": required(Text(), "The quoted words, verbatim (line breaks count as one space)."),
    "lines": required(LineRange(), "First and last line of the quotation in the source's text file."),
    "source": optional(Ref(("report", "standard")), "The report or standard quoted (a standard whose text is shipped); "
                       "defaults to the report whose folder holds the file, and is required outside a report's folder."),
})
MENTION = Obj("mention", "A place in a source that names the record.", {
    "source": required(Ref(("report",)), "The report."),
    "lines": required(LineRange(), "The lines that name it."),
})
