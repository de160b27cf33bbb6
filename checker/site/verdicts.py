"""Computed verdicts as the site shows them: one per commitment and election.

The checker adds `eokb:Verdict` nodes to the graph. Where it has none for a commitment and
an election (no rule, facts missing, or the checker has not run), the site says *not
assessed* — never *met*: silence is not compliance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import DCTERMS, RDFS, SH, URIRef

from checker.site import urls
from checker.site.evidence import Evidence, evidence
from checker.site.view import Link, View
from checker.graph.vocab import EOKB


@dataclass(frozen=True)
class Value:
    key: str  # CSS class and test hook: violated, at-risk, noted, met, waived, not-assessed
    label: str
    rank: int  # the most severe verdict wins when the graph has two for one cell


VIOLATED = Value("violated", "violated", 7)
AT_RISK = Value("at-risk", "at risk", 6)
NOTED = Value("noted", "noted", 5)
WAIVED = Value("waived", "waived", 4)
MET = Value("met", "met", 3)
PARTLY = Value("partly-assessed", "partly assessed", 2)
NOT_ASSESSED = Value("not-assessed", "not assessed", 1)
NOT_APPLICABLE = Value("not-applicable", "not applicable", 0)
VALUES = {EOKB.Violated: VIOLATED, EOKB.AtRisk: AT_RISK, EOKB.Noted: NOTED, EOKB.Waived: WAIVED,
          EOKB.Met: MET, EOKB.PartlyAssessed: PARTLY, EOKB.NotAssessed: NOT_ASSESSED,
          EOKB.NotApplicable: NOT_APPLICABLE}
SUMMARY = (VIOLATED, AT_RISK, NOTED, MET, PARTLY, WAIVED, NOT_ASSESSED, NOT_APPLICABLE)
SCOPE_WORDS = {EOKB.LawScope: "the law as written", EOKB.ConductScope: "conduct",
               EOKB.ResultsScope: "the published results"}
BASIS_WORDS = {EOKB.Inferred: "an inferred fact", EOKB.ReportAssessment: "the report's own assessment"}
FORCE_WORDS = {EOKB.Treaty: "legally binding treaty", EOKB.PoliticalCommitment: "political commitment",
               EOKB.AuthoritativeInterpretation: "authoritative interpretation of a treaty",
               EOKB.GoodPractice: "good practice, binding on no state"}
SEVERITY = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}


@dataclass
class Result:
    """One SHACL validation result a verdict rests on."""

    message: str
    severity: str
    focus: Link
    value: Link | None
    rule: Link | None


@dataclass
class Verdict:
    value: Value
    election: Link
    anchor: str = ""
    as_of: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    rules: list[Link] = field(default_factory=list)
    report_verdict: Link | None = None
    agrees_with_report: bool | None = None
    independent: bool | None = None  # for an agreement: rests on no inferred fact or report assessment
    computed: bool = False  # False: the graph has no verdict for this cell
    coverage: str = ""  # "3 of 3 rules had facts"
    unassessed: list[Link] = field(default_factory=list)  # rules without their facts
    applicability: str = ""
    legal_force: str = ""
    caveat: str = ""  # "rests on an inferred fact"
    scopes: list["Verdict"] = field(default_factory=list)  # an overall verdict's scope verdicts
    scope: str = ""  # words: the law as written, conduct, the published results
    own_reading: bool = False  # the report gives no verdict: the checker's own reading of its facts


def rule_name(view: View, shape) -> str:
    """A rule in plain words, its id beside them: "Chamber freely contested (CPH-7.2-popular-chamber)"."""
    rule_id = view.text(shape, EOKB.ruleId) or view.short_id(shape)
    label = view.text(shape, RDFS.label)
    return f"{label} ({rule_id})" if label else rule_id


class Verdicts:
    """Every computed verdict of the graph, indexed by (commitment, election)."""

    def __init__(self, view: View) -> None:
        self.view = view
        self._nodes: dict[tuple, object] = {}
        for node in view.instances(EOKB.Verdict):
            key = (view.value(node, EOKB.commitment), view.value(node, EOKB.election))
            held = self._nodes.get(key)
            if held is None or self._priority(node, key) > self._priority(held, key):
                self._nodes[key] = node
        # What each verdict rests on: its evidence, and the records its results are about
        # (a result's focus node may be a fact `<version>#seats-1`: it counts for the version).
        self._resting: dict[URIRef, set] = {}
        for node in self._nodes.values():
            bases = list(view.objects(node, EOKB.evidence))
            bases += [view.value(result, SH.focusNode) for result in view.objects(node, EOKB.result)]
            for base in bases:
                if isinstance(base, URIRef):
                    self._resting.setdefault(URIRef(str(base).split("#", 1)[0]), set()).add(node)

    def _priority(self, node, key) -> tuple:
        """The election's own verdict (`verdict/<election>/<commitment>`) over other verdicts
        for the pair (such as `kbcheck diff`'s `…/as-of/<day>`); then the most severe."""
        commitment, election = (urls.record_id(k) or "" for k in key)
        return (urls.record_id(node) == f"verdict/{election}/{commitment}", self.value_of(node).rank)

    def value_of(self, node) -> Value:
        return VALUES.get(self.view.value(node, EOKB.verdictValue), NOT_ASSESSED)

    def resting_on(self, record) -> list[tuple[object, Value]]:
        """The verdicts that rest on a record (as evidence or through a result about it)."""
        return [(node, self.value_of(node)) for node in sorted(self._resting.get(record, ()), key=str)]

    def any_for(self, election) -> bool:
        return any(key[1] == election for key in self._nodes)

    def node_for(self, commitment, election):
        """The verdict node the site shows for a commitment in an election, or None."""
        return self._nodes.get((commitment, election))

    def value_for(self, commitment, election) -> Value:
        node = self._nodes.get((commitment, election))
        return NOT_ASSESSED if node is None else self.value_of(node)

    def verdict_for(self, commitment, election) -> Verdict:
        view = self.view
        node = self._nodes.get((commitment, election))
        election_link = view.link(election)
        anchor = urls.anchor("verdict", urls.record_id(election) or "")
        if node is None:
            return Verdict(NOT_ASSESSED, election_link, anchor)
        verdict = self._verdict(node, election_link, anchor)
        verdict.scopes = [self._verdict(part, election_link, "") for part in view.objects(node, DCTERMS.hasPart)
                          if view.is_a(part, EOKB.Verdict)]
        return verdict

    def _verdict(self, node, election_link: Link, anchor: str) -> Verdict:
        view = self.view
        agrees = view.python(node, EOKB.agreesWithReport)
        independent = view.python(node, EOKB.independentOfReport)
        rules, assessed = view.python(node, EOKB.ruleCount), view.python(node, EOKB.assessedRuleCount)
        value = self.value_of(node)
        return Verdict(
            value=value,
            election=election_link,
            anchor=anchor,
            as_of=view.text(node, EOKB.asOf),
            evidence=[evidence(view, e) for e in view.objects(node, EOKB.evidence)],
            results=[self._result(r) for r in view.objects(node, EOKB.result)],
            rules=view.links(view.objects(node, EOKB.rule), text=self._rule_name),
            report_verdict=self._report_verdict(node),
            agrees_with_report=agrees if isinstance(agrees, bool) else None,
            independent=independent if isinstance(independent, bool) else None,
            computed=True,
            coverage=("no rule" if not rules else f"{assessed} of {rules} rule{'s' if rules != 1 else ''} had facts")
            if isinstance(rules, int) else "",
            unassessed=view.links(view.objects(node, EOKB.unassessedRule), text=self._rule_name),
            applicability=view.text(node, EOKB.applicability) or "",
            legal_force=FORCE_WORDS.get(view.value(node, EOKB.verdictLegalForce), ""),
            caveat=self._caveat(node, value),
            scope=SCOPE_WORDS.get(view.value(node, EOKB.scope), ""),
            own_reading=view.python(node, EOKB.ownReading) is True,
        )

    def _caveat(self, node, value: Value) -> str:
        """Whether the verdict rests on an inferred fact or on the report's own assessment."""
        if value in (NOT_APPLICABLE, NOT_ASSESSED):
            return ""
        weak = {self.view.value(fact, EOKB.basis) for fact in self.view.objects(node, EOKB.examinedFact)}
        said = [BASIS_WORDS[b] for b in (EOKB.Inferred, EOKB.ReportAssessment) if b in weak]
        return "rests on " + " and ".join(said) if said else ""

    def cell_note(self, commitment, election) -> tuple[str, str]:
        """For a matrix cell: the coverage ('2/3') and a caveat mark, from the overall verdict."""
        node = self._nodes.get((commitment, election))
        if node is None:
            return "", ""
        rules, assessed = self.view.python(node, EOKB.ruleCount), self.view.python(node, EOKB.assessedRuleCount)
        value = self.value_of(node)
        coverage = f"{assessed}/{rules}" if isinstance(rules, int) and rules and value != NOT_APPLICABLE else ""
        return coverage, self._caveat(node, value)

    def own_reading(self, commitment, election) -> bool:
        """Whether the overall verdict is the checker's own reading: the report gives none on it."""
        node = self._nodes.get((commitment, election))
        return node is not None and self.view.python(node, EOKB.ownReading) is True

    def _rule_name(self, shape) -> str:
        return rule_name(self.view, shape)

    def _report_verdict(self, node) -> Link | None:
        report = self.view.value(node, EOKB.reportVerdict)
        if report is None:
            return None
        wording = self.view.text(report, EOKB.wording)
        return self.view.link(report, f"the report: “{wording}”" if wording else None)

    def _result(self, node) -> Result:
        view = self.view
        value = view.value(node, SH.value)
        shape = view.value(node, SH.sourceShape)
        return Result(
            message=view.text(node, SH.resultMessage) or "",
            severity=SEVERITY.get(view.value(node, SH.resultSeverity), "violation"),
            focus=view.link(view.value(node, SH.focusNode)),
            value=None if value is None else view.link(value),
            rule=None if shape is None else view.link(shape, self._rule_name(shape)),
        )

    def summary(self, commitments, election) -> list[tuple[Value, int]]:
        """How many commitments have each verdict in an election."""
        counts = {value: 0 for value in SUMMARY}
        for commitment in commitments:
            counts[self.value_for(commitment, election)] += 1
        return list(counts.items())
