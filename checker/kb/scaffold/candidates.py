"""Candidates: one for every sentence of the report that cites a commitment (by its standard's
`cited_as` patterns) or an article of the law it declares, with the ids they resolve to and the
report's verdict words when the sentence has them.

A candidate is a suggestion for an expert. It is never a finding: the loader checks its
quotation, and nothing else reads it until an expert moves it into a findings file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.kb.citations import find_citations
from checker.kb.read import Record
from checker.kb.scaffold.model import Candidate, Skeleton, Unrecognised, Verdict
from checker.kb.scaffold.sentences import passages, spans
from checker.kb.source_text import SourceText

# The words with which reports give their verdict on a commitment, strongest first, and the
# severity they carry (as report verdicts record it, docs/formats.md "verdicts": contrary to,
# conflicts with, circumvents, violates, did not meet are violations; a challenge to, do not
# fully respect are warnings). The wording kept is the sentence's own, so that it stands in the
# quotation (KB305).
# A verdict word after "not" is none ("would not conflict with").
VERDICT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (severity, re.compile(r"(?<!\bnot )(?<!\bnever )" + pattern, re.IGNORECASE)) for severity, pattern in (
        ("violation", r"\bcontrary to\b"),
        ("violation", r"\bconflicts? with\b"),
        ("violation", r"\b(?:in )?circumvent(?:s|ed|ing|ion of)?\b"),
        ("violation", r"\bviolat(?:es|ed|e|ing)\b"),
        ("violation", r"\b(?:did|does|do) not (?:meet|comply with)\b"),
        ("violation", r"\binconsistent with\b"),
        ("violation", r"\b(?:fell|falls?) short of\b"),
        ("violation", r"\bin breach of\b"),
        ("warning", r"\b(?:constitutes? )?a challenge to\b"),
        ("warning", r"\bchallenges?\b"),
        ("warning", r"\b(?:do|does|did) not fully (?:respect|meet|comply with)\b"),
        ("warning", r"\bnot fully in line with\b"),
    ))


def verdict_in(sentence: str) -> Verdict | None:
    """The report's strongest verdict words in a sentence, as written there."""
    for severity, pattern in VERDICT_WORDS:
        if match := pattern.search(sentence):
            return Verdict(match.group(0), severity)
    return None


def find_candidates(source: SourceText, skeleton: Skeleton, standards: Iterable[Record],
                    law: str | None) -> list[Candidate]:
    """One candidate per sentence that cites something, in the order of the text."""
    standards = list(standards)
    headings = [(s.heading, max(s.heading, s.heading_end)) for s in sorted(skeleton.sections, key=lambda s: s.heading)]
    found: list[Candidate] = []
    for passage in passages(source, headings):
        citations = find_citations(passage.text, standards, law)
        if not citations:
            continue
        for start, end in spans(passage.text):
            cites = tuple(dict.fromkeys(c.id for c in sorted(citations, key=lambda c: c.start)
                                        if start <= c.start < end))
            if not cites:
                continue
            sentence = passage.sentence(start, end)
            if source.find(sentence.text, sentence.first_line, sentence.last_line) is None:
                skeleton.unrecognised.append(Unrecognised(sentence.first_line, "a sentence citing "
                                                          f"{', '.join(cites)} could not be read verbatim; left out"))
                continue
            found.append(Candidate(sentence.text, (sentence.first_line, sentence.last_line), cites,
                                   skeleton.section_at(sentence.first_line), verdict_in(sentence.text)))
    return sorted(found, key=lambda c: c.lines)
