"""A report's folder: the report, its elections and parties, and its findings."""

from __future__ import annotations

from checker.kb.types import (
    Boolean, Date, Enum, Id, Integer, LineRange, ListOf, Number, Obj, Ref, Text, Url, optional, required,
)
from checker.kb.formats.common import HEADLINE, FIGURE_MEASURES, FIGURE_UNITS, QUOTE, SECTION_PARTS, SEVERITIES
from checker.kb.formats.observations import OBSERVATIONS

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
    "cites_articles_of": optional(Ref(("instrument",)), "The law a bare 'Article N' of the report cites "
                                  "(kbcheck coverage resolves such citations to its provisions)."),
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
    "part": optional(Enum(SECTION_PARTS), "Where it stands: front matter, body (the default), the "
                     "recommendations, an annex, or back matter."),
})
REPORT_FILE = Obj("report-file", "A report's metadata, pages and sections.", {
    "report": required(REPORT, "The report."),
    "pages": required(ListOf(PAGE, 1), "Page starts."),
    "sections": required(ListOf(SECTION, 1), "Sections."),
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
    "unit": required(Enum(FIGURE_UNITS), "Its unit (money: give `currency` too)."),
    "currency": optional(Text(r"^[A-Z]{3}$"), "With unit money: the ISO 4217 code of the currency, e.g. EUR."),
    "measures": optional(Enum(FIGURE_MEASURES), "What it counts, where rules and claims use it: "
                         "ballots-cast (voters who took part) or registered-voters."),
})
READING = Obj("reading", "The knowledge base's own reading: a commitment the finding bears on, where the report "
              "does not cite it.", {
    "commitment": required(Ref(("commitment",)), "The commitment."),
    "why": required(Text(), "Own words: why the finding bears on it (never the report's words as its citation)."),
})
FINDING = Obj("finding", "A factual finding of a report.", {
    "id": required(Id("finding"), "<report>/finding/<slug>."),
    "headline": required(Text(HEADLINE), "A few words of your own that name it: its title on the site and "
                         "in every link to it (one line, at most 80 characters), e.g. Appointed body chose nine seats."),
    "statement": required(Text(), "Own words."),
    "section": required(Ref(("section",)), "Most specific section."),
    "lines": required(LineRange(), "The passage it rests on."),
    "election": optional(Ref(("election",)), "Defaults to the report's first election."),
    "quotes": required(ListOf(QUOTE, 1), "Verbatim quotations."),
    "commitments": optional(ListOf(Ref(("commitment",))), "Commitments the report cites at this passage, or "
                            "whose conclusion the report draws from exactly these facts."),
    "relates_to": optional(ListOf(READING), "Commitments the finding bears on in the knowledge base's own "
                           "reading, where the report does not cite them: each with why."),
    "provisions": optional(ListOf(Ref(("provision",))), "Provisions it concerns."),
    "report_verdict": optional(Text(), "The report's verdict words, as in a quotation."),
    "severity": optional(Enum(SEVERITIES), "Severity of the report's verdict."),
    "figures": optional(ListOf(FIGURE), "Numbers it states (those about conduct as typed `observations`)."),
    "observations": optional(OBSERVATIONS, "Typed facts of what observers saw that it states: shares, counts, "
                             "incidents, complaints, media coverage (the rules judge these)."),
    "topics": optional(ListOf(Text()), "Keywords."),
})
FINDINGS_FILE = Obj("findings-file", "Findings of a report.", {
    "findings": required(ListOf(FINDING, 1), "Findings."),
})
