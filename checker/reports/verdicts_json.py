"""verdicts.json: one object per verdict, in the documented schema
(`schemas/output/verdicts.schema.json`)."""

from __future__ import annotations

import json
from dataclasses import asdict

from checker.judge.verdicts import Judgement, Result, Verdict


def result_to_dict(result: Result) -> dict:
    return {
        "rule": result.rule.id,
        "severity": result.rule.severity,
        "message": result.message,
        "focus": result.focus,
        "value": result.value,
        "location": None if result.pos is None else {
            "file": result.pos.path, "line": result.pos.line, "column": result.pos.column},
        "waiver": None if result.waiver is None else {
            "justification": result.waiver.justification, "owner": result.waiver.owner,
            "expires": result.waiver.expires.isoformat()},
    }


def verdict_to_dict(verdict: Verdict) -> dict:
    return {
        "election": verdict.election,
        "commitment": verdict.commitment,
        "as_of": verdict.as_of.isoformat(),
        "verdict": verdict.verdict,
        "report_verdict": verdict.report_verdict,
        "report_wording": verdict.report_wording,
        "agrees": verdict.agrees,
        "rules": verdict.rules,
        "assessed_rules": verdict.assessed,
        "results": [result_to_dict(r) for r in verdict.results],
        "evidence": {
            "provision_versions": [asdict(v) for v in verdict.evidence.versions],
            "findings": [asdict(f) for f in verdict.evidence.findings],
            "recommendations": verdict.evidence.recommendations,
        },
    }


def render(judgement: Judgement) -> str:
    data = [verdict_to_dict(v) for v in judgement.verdicts]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
