"""What judging produces, as plain data: results, verdicts with their evidence, the judgement.

A verdict is a legal statement and says no more than the facts support (docs/verdicts.md):

* its **scope**: the law as written, conduct (what observers saw) or results (the published
  results' arithmetic), or `overall` over the scopes that have rules;
* its **coverage**: the rules of its scope, and which of them had the facts they need;
* its **applicability**: whether the standard bound the state on the day, and its legal force;
* its **basis**: the weakest basis among the facts it rests on (the law's text, an authority's
  statement, the mission's observation, the report's own assessment, or inferred).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from checker.judge.engines import RawResult
from checker.judge.parameters import Parameter
from checker.judge.rules import Rule
from checker.kb.errors import Pos

SCOPES = ("law", "conduct", "results")
OUTCOMES = ("violated", "at-risk", "noted", "waived", "met", "partly-assessed", "not-assessed", "not-applicable")
VERDICT_ORDER = OUTCOMES
# From the strongest to the weakest basis of a fact.
BASES = ("law-text", "observation", "authority-statement", "report-assessment", "inferred")
NOT_INDEPENDENT = ("report-assessment", "inferred")


@dataclass(frozen=True)
class Waiver:
    rule: str
    election: str
    justification: str
    owner: str
    expires: datetime.date
    pos: Pos


@dataclass(frozen=True)
class Result:
    """One rule's finding for one election, located where an expert wrote its cause."""

    rule: Rule
    election: str
    focus: str
    value: str | None
    message: str
    pos: Pos | None  # the YAML place of the value (a fact) or else of the focus
    waiver: Waiver | None = None
    value_is_node: bool = False  # the value names a record (a fact), not a literal


@dataclass(frozen=True)
class VersionEvidence:
    iri: str
    provision: str
    label: str  # "Constitution, Article 51"
    in_force_from: str
    in_force_to: str | None
    dates_basis: str | None = None  # stated | inferred


@dataclass(frozen=True)
class FindingEvidence:
    id: str
    statement: str
    page: int | None
    quote: str
    # How the finding bears on the verdict: the report cites the commitment there ("cited"), the
    # knowledge base relates it in its own reading ("reading", with why), or it states a fact a
    # rule examined ("fact").
    link: str = "cited"
    why: str | None = None


@dataclass(frozen=True)
class FactEvidence:
    """A fact a rule examined: what it states, where it comes from, and who examined it."""

    id: str
    rules: tuple[str, ...]
    basis: str | None  # one of BASES; None for a fact that declares none (a proposed change)
    basis_note: str | None
    version: str | None  # the provision version that states it, if any
    values: tuple[tuple[str, str], ...]  # (property, value) of the properties the rules need


@dataclass
class Evidence:
    versions: list[VersionEvidence] = field(default_factory=list)
    findings: list[FindingEvidence] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    facts: list[FactEvidence] = field(default_factory=list)


@dataclass(frozen=True)
class Applicability:
    """Whether the standard bound the state on the day judged, and with what force."""

    applicable: bool
    reason: str  # "applicable" or why not, in words
    legal_force: str  # treaty | political-commitment | authoritative-interpretation | good-practice
    binds_from: datetime.date | None = None
    source: str | None = None  # what the binding date rests on
    known: bool = True  # False: the knowledge base does not say whether the standard binds

    @property
    def reference_only(self) -> bool:
        """A good-practice text: a reference, never binding; its strongest outcome is at-risk."""
        return self.legal_force == "good-practice"


@dataclass
class Verdict:
    election: str
    commitment: str
    as_of: datetime.date
    verdict: str  # one of OUTCOMES
    rules: list[str]  # ids of the rules of this scope that express the commitment
    assessed: list[str]  # ids of those that had the facts they need
    results: list[Result]
    evidence: Evidence
    scope: str = "overall"  # law | conduct | results | overall
    applicability: Applicability | None = None
    basis: str | None = None  # the weakest basis among the facts used
    scopes: dict[str, str] = field(default_factory=dict)  # overall only: scope → its verdict
    report_verdict: str | None = None  # the report's own, as a verdict value (same scope)
    report_wording: str | None = None
    report_verdict_iri: str | None = None  # the eokb:ReportVerdict it was compared with
    # Where the report gives no verdict of its own (in this scope; for `overall`, in none of its
    # scopes), the checker's verdict is its own reading of the report's facts, and says so.
    report_judged: bool = False
    own_scopes: list[str] = field(default_factory=list)  # overall only: the scopes judged as the checker's own reading

    @property
    def own_reading(self) -> bool:
        """The checker's own reading of the report's facts: it judged, and the report did not."""
        return not self.report_judged and self.verdict not in ("not-assessed", "not-applicable")

    @property
    def unassessed(self) -> list[str]:
        return [rule for rule in self.rules if rule not in self.assessed]

    @property
    def comparison(self) -> str | None:
        """With the report's own verdict in the same scope: agrees, disagrees, or not-assessed (the
        checker could not assess all it needs, so nothing is compared); None without one."""
        if self.report_verdict is None:
            return None
        if self.verdict == self.report_verdict:
            return "agrees"
        return "not-assessed" if self.verdict in ("not-assessed", "partly-assessed") else "disagrees"

    @property
    def agrees(self) -> bool | None:
        """True or False when compared with the report's verdict; None when not compared."""
        return {"agrees": True, "disagrees": False}.get(self.comparison or "")

    @property
    def independent(self) -> bool:
        """The verdict rests on no inferred fact and none that is the report's own assessment."""
        return self.basis not in NOT_INDEPENDENT and not any(
            f.basis in NOT_INDEPENDENT for f in self.evidence.facts)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.election, self.commitment, self.scope


@dataclass
class Judgement:
    verdicts: list[Verdict]  # for each election × commitment: one per scope with rules, and `overall`
    results: list[Result]
    raw: list[RawResult]
    rules: list[Rule] = field(default_factory=list)  # every rule of the run, with results or not
    parameters: list[Parameter] = field(default_factory=list)  # every parameter, with its value
    # Results of rules whose standard did not bind the state on the day: kept, never failing.
    inapplicable: list[Result] = field(default_factory=list)

    def overall(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.scope == "overall"]

    def scoped(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.scope != "overall"]

    def find(self, election: str, commitment: str, scope: str = "overall") -> Verdict | None:
        return next((v for v in self.verdicts if v.key == (election, commitment, scope)), None)
