"""junit.xml: the rules' results as JUnit XML (the junit-10.xsd of CI servers), for test views.

One test suite per election; in it one test case per rule and focus:

* a rule with results fails once per unwaived result, with its message and the YAML file:line
  of the record that caused it (a focus whose results are all waived is skipped, with the
  waiver's justification);
* a rule that could judge the election and found nothing passes;
* a rule that could not judge it (no fact in force states what it needs) is skipped, and so is a
  rule whose standard did not bind the state on the day (not applicable, with the reason).

Deterministic: no time stamp unless one is passed in.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from itertools import groupby

from checker.judge.model import Judgement, Result
from checker.reports import words
from checker.reports.reporting import every_rule, utc_stamp
from checker.judge.rules import Rule


def _local_name(term) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _failure(case: ET.Element, result: Result, own: set[tuple[str, str]]) -> None:
    where = str(result.pos) if result.pos is not None else result.rule.file
    failure = ET.SubElement(case, "failure", type=result.rule.severity, message=result.message)
    lines = [f"{where}: {result.message}", f"focus: {result.focus}"]
    if result.value is not None:
        lines.append(f"value: {result.value}")
    lines.append(f"commitment: {', '.join(result.rule.commitments)}")
    if all((c, result.rule.scope) in own for c in result.rule.commitments):
        lines.append(f"whose verdict: {words.OWN_READING} (the report gives none)")
    failure.text = "\n".join(lines)


def _waived(result: Result) -> str:
    waiver = result.waiver
    return f"waived until {waiver.expires} by {waiver.owner}: {waiver.justification}"


def _focus_case(suite: ET.Element, rule: Rule, focus: str, results: list[Result], own: set) -> str:
    case = ET.SubElement(suite, "testcase", classname=rule.id, name=focus)
    open_results = [r for r in results if r.waiver is None]
    if not open_results:
        ET.SubElement(case, "skipped", message=_waived(results[0]))
        return "skipped"
    for result in open_results:
        _failure(case, result, own)
    waived = [r for r in results if r.waiver is not None]
    if waived:
        ET.SubElement(case, "system-out").text = "\n".join(f"{r.value}: {_waived(r)}" for r in waived)
    return "failed"


def _suite(judgement: Judgement, rules: list[Rule], election: str, run_at: str | None) -> ET.Element:
    verdicts = [v for v in judgement.scoped() if v.election == election]
    assessed = {rule_id for v in verdicts for rule_id in v.assessed}
    inapplicable = {rule_id: v.applicability.reason for v in verdicts if v.verdict == "not-applicable"
                    for rule_id in v.rules}
    results = [r for r in judgement.results if r.election == election]
    suite = ET.Element("testsuite", name=election)
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="as_of", value=verdicts[0].as_of.isoformat() if verdicts else "")
    own = {(v.commitment, v.scope) for v in verdicts if v.own_reading}
    if own:  # verdicts the report does not give: the checker's own reading of its facts
        ET.SubElement(properties, "property", name="own_reading",
                      value=", ".join(f"{c} ({scope})" for c, scope in sorted(own)))
    outcomes = []
    for rule in rules:
        mine = sorted((r for r in results if r.rule.id == rule.id), key=lambda r: (r.focus, r.value or ""))
        if rule.id in inapplicable:
            case = ET.SubElement(suite, "testcase", classname=rule.id, name=election)
            ET.SubElement(case, "skipped", message=f"not applicable: {inapplicable[rule.id]}")
            outcomes.append("skipped")
        elif mine:
            for focus, group in groupby(mine, key=lambda r: r.focus):
                outcomes.append(_focus_case(suite, rule, focus, list(group), own))
        elif rule.id in assessed:
            ET.SubElement(suite, "testcase", classname=rule.id, name=election)
            outcomes.append("passed")
        else:
            case = ET.SubElement(suite, "testcase", classname=rule.id, name=election)
            needs = ", ".join(_local_name(n) for n in rule.needs) or "nothing"
            ET.SubElement(case, "skipped", message=f"not assessed: no fact in force states {needs}")
            outcomes.append("skipped")
    suite.set("tests", str(len(outcomes)))
    suite.set("failures", str(outcomes.count("failed")))
    suite.set("errors", "0")
    suite.set("skipped", str(outcomes.count("skipped")))
    if run_at is not None:
        suite.set("timestamp", run_at)
    return suite


def junit_tree(judgement: Judgement, rules: Iterable[Rule] = (), run_at: datetime.datetime | None = None) -> ET.Element:
    """`rules` are all the rules the judgement was made with."""
    ordered = every_rule(judgement, rules)
    stamp = None if run_at is None else utc_stamp(run_at)
    root = ET.Element("testsuites", name="kbcheck")
    for election in sorted({v.election for v in judgement.verdicts} | {r.election for r in judgement.results}):
        root.append(_suite(judgement, ordered, election, stamp))
    for total in ("tests", "failures", "errors"):
        root.set(total, str(sum(int(suite.get(total)) for suite in root)))
    return root


def render(judgement: Judgement, rules: Iterable[Rule] = (), run_at: datetime.datetime | None = None) -> str:
    root = junit_tree(judgement, rules, run_at)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
