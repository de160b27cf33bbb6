"""How every output says a verdict in words: its outcome, its coverage, its scope, the basis of
its facts, its applicability and legal force, and the agreement with the report.

One place, so that the terminal, report.md, SARIF, JUnit and the site say the same thing.
"""

from __future__ import annotations

from collections import Counter

from checker.judge.model import NOT_INDEPENDENT, Judgement, Verdict

OUTCOME = {
    "violated": "violated", "at-risk": "at risk", "noted": "noted", "waived": "waived", "met": "met",
    "partly-assessed": "partly assessed", "not-assessed": "not assessed", "not-applicable": "not applicable",
}
SCOPE = {"law": "the law as written", "conduct": "conduct", "results": "the published results", "overall": "overall"}
BASIS = {
    "law-text": "the law's text", "observation": "the mission's observation",
    "authority-statement": "an authority's statement", "report-assessment": "the report's own assessment",
    "inferred": "an inferred fact",
}
LEGAL_FORCE = {
    "treaty": "legally binding treaty", "political-commitment": "political commitment",
    "authoritative-interpretation": "authoritative interpretation of a treaty",
    "good-practice": "good practice (binding on no state)",
}


def outcome(verdict: Verdict) -> str:
    """The outcome in words; a good-practice text's at-risk is a departure from good practice."""
    if verdict.verdict == "at-risk" and verdict.applicability is not None and verdict.applicability.reference_only:
        return "departs from good practice"
    return OUTCOME[verdict.verdict]


def coverage(verdict: Verdict) -> str:
    """'3 of 3 rules had facts', or 'no rule'."""
    if not verdict.rules:
        return "no rule"
    rules = "rule" if len(verdict.rules) == 1 else "rules"
    return f"{len(verdict.assessed)} of {len(verdict.rules)} {rules} had facts"


def missing(verdict: Verdict) -> str:
    return ", ".join(verdict.unassessed)


def caveat(verdict: Verdict) -> str | None:
    """What a reader must know about the facts a verdict rests on, or None."""
    if verdict.verdict in ("not-applicable", "not-assessed"):
        return None  # nothing was judged on these facts
    weak = sorted({f.basis for f in verdict.evidence.facts if f.basis in NOT_INDEPENDENT}, key=list(BASIS).index)
    if not weak:
        return None
    return "rests on " + " and ".join(BASIS[b] for b in weak)


OWN_READING = "the checker's own reading of the report's facts"
FINDING_LINK = {"cited": "cited by the report", "reading": "the knowledge base's reading",
                "fact": "states a fact a rule examined"}


def reading(verdict: Verdict) -> str:
    """Whose conclusion a verdict is: compared with the report's own, or the checker's own reading
    of the report's facts (the report gives none); '' when nothing was judged."""
    if verdict.verdict in ("not-assessed", "not-applicable"):
        return ""
    return OWN_READING if verdict.own_reading else "compared with the report's own verdict"


def applicability(verdict: Verdict) -> str:
    applies = verdict.applicability
    return "" if applies is None else applies.reason


def legal_force(verdict: Verdict) -> str:
    applies = verdict.applicability
    return "" if applies is None else LEGAL_FORCE.get(applies.legal_force, applies.legal_force)


def scopes(verdict: Verdict) -> str:
    """An overall verdict's scopes: 'law: violated, conduct: at risk (own reading)'."""
    return ", ".join(f"{scope}: {OUTCOME[value]}" + (" (own reading)" if scope in verdict.own_scopes else "")
                     for scope, value in verdict.scopes.items())


def agreement(judgement: Judgement) -> str:
    """'12 of 13 agree, 8 independently; 1 not assessed by the checker'."""
    compared = [v for v in judgement.scoped() if v.comparison is not None]
    counts = Counter(v.comparison for v in compared)
    judged = [v for v in compared if v.comparison != "not-assessed"]
    independent = sum(1 for v in judged if v.comparison == "agrees" and v.independent)
    text = f"{counts['agrees']} of {len(judged)} agree, {independent} independently"
    if counts["not-assessed"]:
        text += f"; {counts['not-assessed']} not assessed by the checker"
    return text
