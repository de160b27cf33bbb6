"""The commitments files: a standard and its paragraphs."""

from __future__ import annotations

from checker.kb.types import (
    Date, Enum, Id, ListOf, Obj, Pattern, Ref, Text, Url, optional, required,
)
from checker.kb.formats.common import HEADLINE, LEGAL_FORCES, QUOTE

CITATION = Obj("citation", "How reports cite the standard's paragraphs (kbcheck coverage finds them).", {
    "pattern": required(Pattern(("paragraph",), ("paragraph2", "paragraph3")), "A regular expression with a group named `paragraph` (more paragraphs in "
                        "groups `paragraph2`, `paragraph3`), e.g. 'Article (?P<paragraph>25) of the ICCPR'."),
    "near": optional(Text(), "Words that must stand near the match (400 characters before, 80 after) for "
                     "it to count, e.g. the document's name after a bare 'paragraph 7.3'."),
    "id": optional(Text(), "How the commitment id continues after '<standard>/', with {paragraph} for "
                   "the number (default: '{paragraph}')."),
})
STANDARD_SOURCE = Obj("standard-source", "The standard's text, shipped beside its file so that quotations of it are "
                      "verified like a report's.", {
    "file": required(Text(), "Path relative to the folder of the standard's file, e.g. texts/iccpr-1966.txt."),
    "sha256": required(Text(r"^[0-9a-f]{64}$"), "SHA-256 of the file."),
    "provenance": required(Text(), "Own words: where the text was taken from (publisher, document symbol, "
                           "edition) and what was changed in making it plain text."),
    "url": optional(Url(), "Where the official text is published."),
})
STANDARD = Obj("standard", "A document of international commitments or standards.", {
    "id": required(Id("standard"), "Short stable id, e.g. copenhagen-1990."),
    "title": required(Text(), "Full official title."),
    "short_title": required(Text(), "The name used in reports."),
    "publisher": required(Text(), "The body that adopted it."),
    "adopted": optional(Date(), "Date of adoption."),
    "legal_force": required(Enum(LEGAL_FORCES), "How binding it is."),
    "url": required(Url(), "Official reference."),
    "note": optional(Text(), "Own words: context such as ratification."),
    "cited_as": optional(ListOf(CITATION), "How reports cite its paragraphs."),
    "interprets": optional(Ref(("standard",)), "The treaty it interprets (an authoritative interpretation): it "
                           "applies where that treaty binds."),
    "source": optional(STANDARD_SOURCE, "Its shipped text: its paragraphs' `text` may then quote it "
                       "(`source: <this standard's id>`)."),
})
COMMITMENT = Obj("commitment", "A paragraph of a standard: one commitment.", {
    "id": required(Id("commitment"), "<standard>/<paragraph>, e.g. copenhagen-1990/7.5."),
    "label": required(Text(), "How the paragraph is cited, e.g. Paragraph 7.5."),
    "subject": required(Text(HEADLINE), "What it is about, in a few words of your own, shown beside its number "
                        "everywhere (one line, at most 80 characters), e.g. all seats in one chamber freely contested."),
    "broader": optional(Ref(("commitment",)), "The paragraph this one belongs to."),
    "description": required(Text(), "Own-words summary (never text copied from elsewhere)."),
    "text": optional(QUOTE, "The paragraph's words, verbatim: from the standard's own shipped text "
                     "(`source` its id) or where a report quotes them."),
    "url": optional(Url(), "Official reference of the paragraph."),
})
STANDARD_FILE = Obj("standard-file", "A file of commitments: one standard and its paragraphs.", {
    "standard": required(STANDARD, "The standard."),
    "commitments": required(ListOf(COMMITMENT, 1), "Its paragraphs."),
})
