"""Checks against the shipped source texts: every quotation verbatim, where it says it is.

Also: a finding's lines lie within its section, and the report's verdict words stand in
the quotations of the record that claims them.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.kb.errors import Problems
from checker.kb.checks import walk
from checker.kb.model import KnowledgeBase
from checker.kb.read import Record
from checker.kb.source_text import normalise_quote


@dataclass(frozen=True)
class QuoteTally:
    checked: int
    failed: int


def quote_source(kb: KnowledgeBase, quote: Record) -> str | None:
    """The report a quotation is from: its `source`, else the report of its folder."""
    return quote.get("source") or kb.report_of(quote)


def check_quotes(kb: KnowledgeBase, problems: Problems) -> QuoteTally:
    checked = failed = 0
    for kb_file in kb.files:
        for record in walk(kb_file.top):
            if record.kind != "quote" or "text" not in record or "lines" not in record:
                continue
            source_id = quote_source(kb, record)
            source = kb.sources.get(source_id) if source_id else None
            if source is None:
                continue  # the missing source or report is reported once, by the loader
            checked += 1
            first, last = record["lines"]
            if last > len(source):
                problems.add("KB306", record.at("lines"),
                             f"lines [{first}, {last}] run past the end of {source_id}'s text ({len(source)} lines)")
                failed += 1
                continue
            result = source.check(record["text"], first, last)
            if result.ok:
                continue
            failed += 1
            if result.elsewhere:
                problems.add("KB302", record.at("lines"),
                             f"the quotation stands at lines [{result.elsewhere.first_line}, "
                             f"{result.elsewhere.last_line}], not [{first}, {last}]")
            else:
                typographic = typographic_difference(normalise_quote(record["text"]), result.closest or "")
                problems.add("KB301", record.at("text"),
                             f"not found in {source_id} lines [{first}, {last}]: "
                             f"{_clip(normalise_quote(record['text']))!r}; closest passage: {_clip(result.closest)!r}"
                             + (f"; {typographic}" if typographic else ""))
    _check_verdict_words(kb, problems)
    _check_finding_lines(kb, problems)
    return QuoteTally(checked, failed)


# Characters an editor or a retyping swaps for look-alikes: quotation marks, apostrophes, dashes, spaces.
_LOOK_ALIKES = {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‑": "-",
                "\u00a0": " "}


def _plain(text: str) -> str:
    return "".join(_LOOK_ALIKES.get(ch, ch) for ch in text)


def typographic_difference(quoted: str, source: str) -> str | None:
    """When the quotation differs from the passage only by look-alike characters, which ones."""
    start = _plain(source).find(_plain(quoted)) if quoted and source else -1
    if start < 0:
        return None
    passage = source[start: start + len(quoted)]  # one character for one: the look-alikes map 1:1
    pairs = sorted({(q, s) for q, s in zip(quoted, passage) if q != s})
    if not pairs:
        return None
    said = ", ".join(f"the source has {s!r} (U+{ord(s):04X}) where the quotation has {q!r} (U+{ord(q):04X})"
                     for q, s in pairs)
    return f"only typographic characters differ: {said}"


def _clip(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _check_verdict_words(kb: KnowledgeBase, problems: Problems) -> None:
    claims = [(f, "report_verdict") for f in kb.records("finding")] + [
        (v, "wording") for v in kb.records("report-verdict")
    ]
    for record, key in claims:
        words = record.get(key)
        if not words:
            continue
        quoted = " ".join(normalise_quote(q["text"]) for q in record.get("quotes", []) if "text" in q)
        if normalise_quote(words).lower() not in quoted.lower():
            problems.add("KB305", record.at(key), f"'{words}' does not appear in the quotations of {record.id}")
    for candidate in kb.records("candidate"):  # issue 13: a candidate's verdict words stand in its sentence
        verdict, quote = candidate.get("report_verdict"), candidate.get("quote")
        if not isinstance(verdict, Record) or not isinstance(quote, Record) or "wording" not in verdict:
            continue
        if normalise_quote(verdict["wording"]).lower() not in normalise_quote(quote.get("text", "")).lower():
            problems.add("KB305", verdict.at("wording"), f"'{verdict['wording']}' does not appear in the candidate's quotation")


def _check_finding_lines(kb: KnowledgeBase, problems: Problems) -> None:
    """A finding starts inside its section. Its passage may run on past the section's end,
    and may start in a footnote printed further on (footnotes sit at the foot of the page,
    which can fall in the next section)."""
    for finding in kb.records("finding"):
        section = kb.index.get(finding.get("section", ""))
        if section is None or "lines" not in finding or "lines" not in section:
            continue
        first, _ = finding["lines"]
        s_first, s_last = section["lines"]
        source = kb.sources.get(kb.report_of(finding) or "")
        in_footnote = source is not None and first in source.footnote_lines
        if not (s_first <= first <= s_last or in_footnote):
            problems.add("KB306", finding.at("lines"),
                         f"the passage starts at line {first}, outside section {section['number']} [{s_first}, {s_last}]")
