"""The rule catalogue: every rule (a SHACL shape with an `eokb:ruleId`), what it checks in
plain language, the commitment it expresses, the facts it needs and its test cases."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDFS, SH

from checker.site import urls
from checker.site.pages.common import HOME, Page, Site
from checker.site.view import Link, humanize
from checker.graph.vocab import EOKB

CATALOGUE = urls.fixed("rules")


@dataclass
class Rule:
    rule_id: str
    anchor: str
    label: str
    comment: str
    message: str
    commitments: list[Link]
    severity: str | None
    needs: list[str]
    tests: list[str]


def catalogue_page(site: Site) -> Page:
    view = site.view
    rules = []
    for shape, rule_id in sorted(view.graph.subject_objects(EOKB.ruleId), key=lambda sr: str(sr[1])):
        severity = view.value(shape, SH.severity)
        rules.append(Rule(
            rule_id=str(rule_id), anchor=view.target(shape).anchor,
            label=view.text(shape, RDFS.label) or "",
            comment=view.text(shape, RDFS.comment) or "",
            message=view.text(shape, SH.message) or "",
            commitments=view.links(view.objects(shape, EOKB.expresses)),
            severity=view.short_id(severity) if severity is not None else None,
            needs=[humanize(str(p).rsplit("#", 1)[-1]) for p in view.objects(shape, EOKB.needsProperty)],
            tests=site.rule_cases.get(str(rule_id), []),
        ))
    return Page(CATALOGUE, "Rule catalogue", "rules.md.j2", rules, [HOME])
