"""report.md: the verdicts as a Markdown report people read, one section per election.

For each election: a summary, the verdict table, each violated or at-risk verdict with its
evidence (the results at their YAML places, the provision versions with their dates, the
findings with quotation and page, the recommendations), the agreement table with the
report's own verdicts, and the violations no recommendation answers.

The knowledge base graph gives titles and texts; without it the report shows ids.
"""

from __future__ import annotations

from collections import Counter

from rdflib import DCTERMS, SKOS, Graph

from checker.graph.ids import iri
from checker.judge.model import VERDICT_ORDER, Judgement, Verdict
from checker.graph.vocab import EOKB
from checker.reports import words

TROUBLE = ("violated", "at-risk")


def _cell(text) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


class _Names:
    """Titles and texts from the knowledge base graph, falling back to ids."""

    def __init__(self, kb: Graph | None) -> None:
        self.kb = kb if kb is not None else Graph()

    def _text(self, node_id: str, predicate) -> str | None:
        value = self.kb.value(iri(node_id), predicate)
        return None if value is None else " ".join(str(value).split())

    def election(self, election_id: str) -> str:
        return self._text(election_id, DCTERMS.title) or election_id

    def commitment(self, commitment_id: str) -> str:
        own = self._text(commitment_id, SKOS.prefLabel)
        scheme = self.kb.value(iri(commitment_id), SKOS.inScheme)
        scheme_label = self.kb.value(scheme, SKOS.prefLabel) if scheme is not None else None
        return ", ".join(str(part) for part in (scheme_label, own) if part) or commitment_id

    def definition(self, commitment_id: str) -> str | None:
        return self._text(commitment_id, SKOS.definition)

    def recommendation(self, rec_id: str) -> str:
        number = self._text(rec_id, EOKB.number)
        quote = self.kb.value(iri(rec_id), EOKB.quotation)
        text = self.kb.value(quote, EOKB.quotedText) if quote is not None else None
        head = f"No. {number} (`{rec_id}`)" if number else f"`{rec_id}`"
        return f"{head}: {' '.join(str(text).split())}" if text else head


def _verdict_table(verdicts: list[Verdict], names: _Names) -> list[str]:
    rows = []
    for v in verdicts:
        said = f"**{words.outcome(v)}**" + (f" ({words.scopes(v)})" if len(v.scopes) > 1 else "")
        coverage = words.applicability(v) if v.verdict == "not-applicable" else words.coverage(v)
        if v.unassessed and v.verdict != "not-applicable":
            coverage += f"; without facts: {words.missing(v)}"
        rows.append([f"`{v.commitment}` {names.commitment(v.commitment)}", said, coverage, words.legal_force(v),
                     words.caveat(v) or "", _whose(v)])
    return _table(["Commitment", "Verdict", "Rules with facts", "Legal force", "Caveat", "Whose verdict"], rows)


def _whose(v: Verdict) -> str:
    """The report's own verdict compared, or the checker's own reading of the report's facts."""
    if not words.reading(v):
        return ""
    return "**the checker's own reading** of the report's facts" if v.own_reading else "the report's, compared"


def _evidence(v: Verdict, names: _Names) -> list[str]:
    lines = [f"#### `{v.commitment}` {names.commitment(v.commitment)} — {words.SCOPE[v.scope]}: {words.outcome(v)}", ""]
    definition = names.definition(v.commitment)
    if definition:
        lines += [f"*{definition}*", ""]
    lines += [f"{words.coverage(v).capitalize()}" + (f" (without facts: {words.missing(v)})" if v.unassessed else "")
              + f". Standard: {words.legal_force(v)}; {words.applicability(v)}.", ""]
    if words.caveat(v):
        lines += [f"**Caveat:** this verdict {words.caveat(v)}.", ""]
    if v.own_reading:
        lines += [f"**The checker's own reading:** the report gives no verdict of its own on this commitment "
                  f"in this scope; this is {words.OWN_READING}.", ""]
    if v.results:
        lines.append("Results:")
    for r in v.results:
        where = f" at `{r.pos}`" if r.pos is not None else ""
        value = f", value `{r.value}`" if r.value is not None else ""
        waived = f" — waived until {r.waiver.expires}: {r.waiver.justification}" if r.waiver else ""
        lines.append(f"- **{r.rule.id}** ({r.rule.label}; {r.rule.severity}): {r.message} — `{r.focus}`{value}{where}{waived}")
    if v.evidence.facts:
        lines += ["", "Facts examined:"]
        for f in v.evidence.facts:
            values = ", ".join(f"{k} = {val}" for k, val in f.values)
            note = f" — {f.basis_note}" if f.basis_note else ""
            lines.append(f"- `{f.id}` ({values}); basis: {words.BASIS.get(f.basis, 'not stated')}{note}")
    if v.evidence.versions:
        lines += ["", "Provision versions in force:"]
        for ver in v.evidence.versions:
            until = f" to {ver.in_force_to}" if ver.in_force_to else ""
            dates = " (dates inferred)" if ver.dates_basis == "inferred" else ""
            lines.append(f"- {ver.label} (`{ver.iri}`), in force from {ver.in_force_from}{until}{dates}")
    if v.evidence.findings:
        lines += ["", "Findings of the report:"]
        for f in v.evidence.findings:
            page = f", page {f.page}" if f.page is not None else ""
            link = words.FINDING_LINK[f.link] + (f": {f.why}" if f.why else "")
            lines.append(f"- `{f.id}`{page} ({link}): {f.statement}")
            if f.quote:
                lines.append(f"  > “{' '.join(f.quote.split())}”")
    if v.evidence.recommendations:
        lines += ["", "Recommendations:"]
        lines += [f"- {names.recommendation(rec)}" for rec in v.evidence.recommendations]
    return lines + [""]


def _agreement(judgement: Judgement, election: str) -> list[str]:
    judged = [v for v in judgement.scoped() if v.election == election and v.comparison is not None]
    if not judged:
        return ["The report gives no verdict of its own on these commitments.", ""]
    rows = [[f"`{v.commitment}`", v.scope, words.OUTCOME[v.verdict], words.OUTCOME[v.report_verdict],
             f"“{v.report_wording}”",
             {"agrees": "agrees" if v.independent else f"agrees, not independently ({words.caveat(v)})",
              "disagrees": "**disagrees**", "not-assessed": "not assessed by the checker"}[v.comparison]]
            for v in judged]
    return _table(["Commitment", "Scope", "Computed", "Report", "Report's words", "Agreement"], rows) + [""]


def _unanswered(verdicts: list[Verdict], names: _Names) -> list[str]:
    open_ = [v for v in verdicts if v.verdict in TROUBLE and not v.evidence.recommendations]
    if not open_:
        return ["Every violated or at-risk commitment is answered by a recommendation.", ""]
    return [f"- `{v.commitment}` {names.commitment(v.commitment)}: {words.outcome(v)}" for v in open_] + [""]


def _election(judgement: Judgement, election: str, names: _Names) -> list[str]:
    verdicts = [v for v in judgement.overall() if v.election == election]
    counts = Counter(v.verdict for v in verdicts)
    reported = {v.commitment for v in judgement.scoped() if v.election == election and v.report_verdict}
    shown = [v for v in verdicts if v.rules or v.results or v.commitment in reported]
    hidden = [v.commitment for v in verdicts if v not in shown]
    lines = [f"## {names.election(election)}", "",
             f"Election `{election}`, judged by the law in force on {verdicts[0].as_of}.", "",
             "Summary: " + ", ".join(f"{counts[k]} {words.OUTCOME[k]}" for k in VERDICT_ORDER if counts[k]) + ".", "",
             "### Verdicts", ""]
    lines += _verdict_table(shown, names) + [""]
    if hidden:
        lines += [f"Not listed: {len(hidden)} commitment(s) no rule expresses and the report does not judge "
                  f"({', '.join(f'`{c}`' for c in hidden)}).", ""]
    scoped = [v for v in judgement.scoped() if v.election == election]
    trouble = [v for v in scoped if v.verdict in TROUBLE]
    if trouble:
        lines += ["### Violations and risks, with their evidence", ""]
        for v in trouble:
            lines += _evidence(v, names)
    examined = [v for v in scoped if v.verdict in ("met", "partly-assessed")]
    if examined:
        lines += ["### Met or partly assessed, with what was examined", ""]
        for v in examined:
            lines += _evidence(v, names)
    lines += ["### Agreement with the report's own verdicts", ""] + _agreement(judgement, election)
    lines += ["### Violations no recommendation answers", ""] + _unanswered(verdicts, names)
    return lines


def _parameters(judgement: Judgement) -> list[str]:
    if not judgement.parameters:
        return []
    rows = [[f"`{p.id}`", p.label, str(p.value), p.basis + (" — **set by this knowledge base**" if p.override else ""),
             p.reasoning] for p in judgement.parameters]
    return ["## Rule parameters", "", "Numbers the commitments' texts do not fix, with their basis:", ""] + \
        _table(["Parameter", "What", "Value", "Basis", "Reasoning"], rows) + [""]


def render(judgement: Judgement, kb: Graph | None = None) -> str:
    names = _Names(kb)
    overall = judgement.overall()
    elections = sorted({v.election for v in overall})
    counts = Counter(v.verdict for v in overall)
    lines = ["# Compliance with election commitments", "",
             f"Computed by `kbcheck check` for {len(elections)} election(s): "
             + (", ".join(f"{counts[k]} {words.OUTCOME[k]}" for k in VERDICT_ORDER if counts[k]) or "no verdicts")
             + f". Agreement with the reports' own verdicts: {words.agreement(judgement)}.", "",
             "A verdict the report does not give itself is marked as the checker's own reading of the report's facts. "
             "A verdict is *met* only when every rule of its scope had the facts it needs and none found anything; "
             "*partly assessed* when nothing was found but some rules lacked facts; *not applicable* when the "
             "standard did not bind the state on the day. Each says what it judges: the law as written, conduct "
             "(what observers saw) or the published results.", ""]
    lines += _parameters(judgement)
    for election in elections:
        lines += _election(judgement, election, names)
    return "\n".join(lines).rstrip("\n") + "\n"
