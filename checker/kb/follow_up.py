"""Checks of follow-up across reports: what a later report says of earlier recommendations
(`follow-up.yaml`), the recommendations that repeat earlier ones (`repeats:`), and the dates of a
recommendation's own `follow_up:` entries.

A report follows up only what came before it, in the same country: the recommendation it assesses
or repeats must belong to a report published earlier (KB212) on an election of the same country
(KB213). A recommendation's own follow-up entries run oldest first, from its report's publication
(KB214). Formats: checker/kb/formats/follow_up.py.
"""

from __future__ import annotations

from checker.kb.errors import Pos, Problems
from checker.kb.model import KnowledgeBase
from checker.kb.read import Record


def check_follow_up(kb: KnowledgeBase, problems: Problems) -> None:
    for record in kb.records("follow-up-assessment") + kb.records("earlier-recommendations"):
        _check_statement(kb, record, problems)
    seen: dict[tuple[str, str], Record] = {}
    for assessment in kb.records("follow-up-assessment"):
        later, target = kb.report_of(assessment), assessment.get("recommendation")
        _check_earlier(kb, later, target, assessment.at("recommendation"), "assesses", problems)
        first = seen.setdefault((later or "", target or ""), assessment)
        if first is not assessment:
            problems.add("KB110", assessment.at("recommendation"), f"this report already records the follow-up of "
                         f"{target} at line {first.pos.line}: one statement per recommendation and report")
    for recommendation in kb.records("recommendation"):
        if recommendation.get("repeats"):
            _check_earlier(kb, kb.report_of(recommendation), recommendation["repeats"],
                           recommendation.at("repeats"), "repeats", problems)
        _check_own_follow_up(kb, recommendation, problems)


def published(kb: KnowledgeBase, report_id: str | None):
    report = kb.index.get(report_id or "")
    return report.get("published") if report is not None and report.kind == "report" else None


def countries(kb: KnowledgeBase, report_id: str | None) -> set[str]:
    """The countries of the elections a report observed."""
    report = kb.index.get(report_id or "")
    if report is None or report.kind != "report":
        return set()
    return {election["country"] for e in report.get("elections") or []
            if (election := kb.index.get(e)) is not None and election.kind == "election" and "country" in election}


def _check_earlier(kb: KnowledgeBase, later: str | None, target: str | None, pos: Pos, verb: str,
                   problems: Problems) -> None:
    recommendation = kb.index.get(target or "")
    if recommendation is None or recommendation.kind != "recommendation":
        return  # KB202 / KB206, reported by the loader
    earlier = kb.report_of(recommendation)
    then, now = published(kb, earlier), published(kb, later)
    if earlier == later or (then and now and then >= now):
        when = f"published {then}" if then else "not published earlier"
        problems.add("KB212", pos, f"this report {verb} {target}, of report {earlier} ({when}): a report follows up "
                     f"only recommendations of reports published before it ({now})")
        return
    theirs, ours = countries(kb, earlier), countries(kb, later)
    if theirs and ours and not theirs & ours:
        problems.add("KB213", pos, f"this report {verb} {target}, a recommendation on {', '.join(sorted(theirs))}; "
                     f"this report observed {', '.join(sorted(ours))}")


def _check_statement(kb: KnowledgeBase, record: Record, problems: Problems) -> None:
    """The statement quotes this report, inside the section it names."""
    report = kb.report_of(record)
    section = kb.index.get(record.get("section") or "")
    if section is not None and section.kind == "section" and kb.report_of(section) != report:
        problems.add("KB110", record.at("section"), f"'{section.id}' is a section of another report: give the "
                     f"section of {report} that says it")
        return
    source = kb.sources.get(report or "")
    for quote in record.get("quotes") or []:
        if quote.get("source") and quote["source"] != report:
            problems.add("KB110", quote.at("source"), f"quote {report}, the report that says it, not "
                         f"{quote['source']}")
        elif section is not None and "lines" in quote and "lines" in section:
            first, (s_first, s_last) = quote["lines"][0], section["lines"]
            if not (s_first <= first <= s_last or (source is not None and first in source.footnote_lines)):
                problems.add("KB306", quote.at("lines"), f"the quotation starts at line {first}, outside section "
                             f"{section['number']} [{s_first}, {s_last}]")


def _check_own_follow_up(kb: KnowledgeBase, recommendation: Record, problems: Problems) -> None:
    """The recommendation's own follow-up entries: in date order, none before its report was
    published, and none by another report of the knowledge base (that report's follow-up.yaml
    says it, with its quotation)."""
    own = kb.report_of(recommendation)
    previous, what = published(kb, own), "its report's publication"
    for entry in recommendation.get("follow_up") or []:
        date, source = entry.get("date"), entry.get("source")
        if source and source != own and source in kb.index and kb.index[source].kind == "report":
            problems.add("KB110", entry.at("source"), f"{source} is a report of the knowledge base: record its "
                         f"assessment in findings/{source}/follow-up.yaml, with its quotation")
        if date is None:
            continue
        if previous is not None and date < previous:
            problems.add("KB214", entry.at("date"), f"follow-up dated {date}, before {what} ({previous}): entries "
                         "run oldest first, from the report's publication")
        else:
            previous, what = date, "the previous entry"
