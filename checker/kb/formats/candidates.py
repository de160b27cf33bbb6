"""Candidates: sentences of a report that `kbcheck scaffold` found citing a commitment or a
provision, waiting for an expert (issue 13). The loader checks them (their quotations are
verified like any other), and nothing turns them into findings: an expert moves an entry into a
findings file, or into verdicts.yaml, after reading it."""

from __future__ import annotations

from checker.kb.types import ID_PATTERN, Enum, ListOf, Obj, Ref, Text, optional, required
from checker.kb.formats.common import QUOTE, SEVERITIES

CANDIDATE_VERDICT = Obj("candidate-verdict", "The report's verdict words in the sentence: a candidate report verdict.", {
    "wording": required(Text(), "The words, as in the quotation (e.g. contrary to)."),
    "severity": required(Enum(SEVERITIES), "What the words mean: violation or warning."),
})
CANDIDATE = Obj("candidate", "A sentence that cites commitments or provisions: a suggestion, never a finding.", {
    "quote": required(QUOTE, "The sentence, verbatim, with its lines."),
    "section": optional(Ref(("section",)), "The most specific section it stands in."),
    "cites": required(ListOf(Text(ID_PATTERN), 1), "The ids its citations resolve to, by the standards' cited_as "
                      "patterns and the report's cites_articles_of law; they need not be in the knowledge base yet."),
    "report_verdict": optional(CANDIDATE_VERDICT, "The report's verdict words, when the sentence has them."),
})
CANDIDATES_FILE = Obj("candidates-file", "Sentences of a report that cite commitments or provisions, "
                      "found by kbcheck scaffold, for an expert to review.", {
    "candidates": required(ListOf(CANDIDATE), "Candidates (may be empty)."),
})
