"""The site's content as tables people open in a spreadsheet: the verdicts, the findings and the
recommendations, one row each, in words (names, not ids, beside the ids), read from the same
graph the pages are built from."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import DCTERMS, SKOS

from checker.graph.vocab import EOKB
from checker.site.view import View
from checker.site.verdicts import FORCE_WORDS, SCOPE_WORDS, VALUES

SEVERITY_WORDS = {"Violation": "violation", "Warning": "warning", "Info": "information"}


@dataclass
class Table:
    name: str  # file stem and sheet name
    description: str  # one sentence: what a row is
    header: list[str]
    rows: list[list[str]]


def tables(view: View) -> list[Table]:
    return [_verdicts(view), _findings(view), _recommendations(view)]


def _verdicts(view: View) -> Table:
    rows = []
    for node in view.instances(EOKB.Verdict):
        election, commitment = view.value(node, EOKB.election), view.value(node, EOKB.commitment)
        if election is None or commitment is None or view.value(node, EOKB.scope) is None:
            continue
        value = VALUES.get(view.value(node, EOKB.verdictValue))
        rules, assessed = view.python(node, EOKB.ruleCount), view.python(node, EOKB.assessedRuleCount)
        report = view.value(node, EOKB.reportVerdict)
        agrees = view.python(node, EOKB.agreesWithReport)
        rows.append([
            view.label(election), view.label(commitment), _subject(view, commitment),
            SCOPE_WORDS.get(view.value(node, EOKB.scope), "overall"), value.label if value else "",
            f"{assessed} of {rules}" if isinstance(rules, int) else "",
            FORCE_WORDS.get(view.value(node, EOKB.verdictLegalForce), ""), view.text(node, EOKB.applicability) or "",
            view.text(report, EOKB.wording) or "" if report is not None else "",
            {True: "agrees", False: "disagrees"}.get(agrees, ""),
            view.short_id(election), view.short_id(commitment)])
    rows.sort(key=lambda r: (r[10], r[11], r[3] != "overall", r[3]))
    return Table("verdicts", "One row per election, commitment and scope (the law as written, conduct, the "
                 "published results, and overall): the checker's verdict in words, how many of its rules had "
                 "facts, the standard's legal force and applicability, and the report's own verdict.",
                 ["Election", "Commitment", "What it protects", "Scope", "Verdict", "Rules with facts",
                  "Legal force", "Applicability", "The report's own words", "Agreement with the report",
                  "Election id", "Commitment id"], rows)


def _findings(view: View) -> Table:
    rows = []
    for node in view.instances(EOKB.Finding):
        section, report = view.value(node, EOKB.section), _report(view, node)
        quotes = view.objects(node, EOKB.quotation)
        first = min(quotes, key=str) if quotes else None
        severity = view.value(node, EOKB.severity)
        rows.append([
            view.text(report, DCTERMS.title) or "" if report is not None else "", view.label(section),
            view.text(node, EOKB.page) or "", view.text(node, EOKB.statement) or "",
            "; ".join(sorted(view.label(c) for c in view.objects(node, EOKB.concerns))),
            "; ".join(sorted(view.label(p) for p in view.objects(node, EOKB.concernsProvision))),
            view.text(node, EOKB.reportVerdictWording) or "",
            SEVERITY_WORDS.get(str(severity).rsplit("#", 1)[-1], "") if severity is not None else "",
            view.text(first, EOKB.quotedText) or "" if first is not None else "",
            f"{view.text(node, EOKB.firstLine)}–{view.text(node, EOKB.lastLine)}", view.short_id(node)])
    rows.sort(key=lambda r: (r[0], r[10]))
    return Table("findings", "One row per finding of the observation reports: what the observers found, in "
                 "the knowledge base's words, where the report says it (section, page, lines of its text), the "
                 "commitments and provisions it concerns, the report's own verdict words, and its first quotation.",
                 ["Report", "Section", "Page", "Finding", "Commitments", "Provisions", "The report's verdict words",
                  "Severity", "Quotation", "Lines of the report's text", "Finding id"], rows)


def _recommendations(view: View) -> Table:
    rows = []
    for node in view.instances(EOKB.Recommendation):
        report = _report(view, node)
        group = view.value(node, EOKB.group)
        quote = view.value(node, EOKB.quotation)
        follow = sorted(view.objects(node, EOKB.followUp), key=lambda f: view.text(f, DCTERMS.date) or "")
        status = view.label(view.value(follow[-1], EOKB.status)) if follow else ""
        rows.append([
            view.text(report, DCTERMS.title) or "" if report is not None else "", view.text(node, EOKB.number) or "",
            view.text(group, DCTERMS.title) or "" if group is not None else "",
            view.text(quote, EOKB.quotedText) or "" if quote is not None else "", status,
            view.text(follow[-1], DCTERMS.date) or "" if follow else "",
            "; ".join(sorted(view.label(c) for c in view.objects(node, EOKB.concerns))),
            str(len(view.objects(node, EOKB.answers))), view.short_id(node)])
    rows.sort(key=lambda r: (r[0], int(r[1]) if r[1].isdigit() else 0))
    return Table("recommendations", "One row per recommendation of the observation reports: its words, its group, "
                 "how far it has been implemented at the latest follow-up, and the commitments it serves.",
                 ["Report", "Number", "Group", "Recommendation", "Latest status", "Status as of", "Commitments",
                  "Findings it answers", "Recommendation id"], rows)


def _subject(view: View, commitment) -> str:
    return view.text(commitment, SKOS.definition) or ""


def _report(view: View, node):
    """The report a record of a report's folder belongs to (its id starts with the report's)."""
    prefix = view.short_id(node).split("/", 1)[0]
    return next((r for r in view.instances(EOKB.ObservationReport) if view.short_id(r) == prefix), None)
