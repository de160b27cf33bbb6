"""verdicts.json: every verdict with its scope, coverage, applicability, basis and evidence, in
the documented schema (`schemas/output/verdicts.schema.json`, schema_version 3)."""

from __future__ import annotations

import json
from dataclasses import asdict

from checker.judge.model import Judgement, Result, Verdict
from checker.judge.parameters import Parameter
from checker.reports import words

SCHEMA_VERSION = "3"


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
    applies = verdict.applicability
    return {
        "election": verdict.election,
        "commitment": verdict.commitment,
        "scope": verdict.scope,
        "as_of": verdict.as_of.isoformat(),
        "verdict": verdict.verdict,
        "in_words": words.outcome(verdict),
        "scopes": verdict.scopes if verdict.scope == "overall" else None,
        "rules": verdict.rules,
        "assessed_rules": verdict.assessed,
        "unassessed_rules": verdict.unassessed,
        "applicability": "applicable" if applies is None or applies.applicable else applies.reason,
        "applicability_reason": None if applies is None else applies.reason,
        "legal_force": None if applies is None else applies.legal_force,
        "basis": verdict.basis,
        "caveat": words.caveat(verdict),
        "report_verdict": verdict.report_verdict,
        "report_wording": verdict.report_wording,
        "comparison": verdict.comparison,
        "agrees": verdict.agrees,
        "independent": verdict.independent if verdict.comparison == "agrees" else None,
        "reading": None if not words.reading(verdict) else ("checker" if verdict.own_reading else "report"),
        "results": [result_to_dict(r) for r in verdict.results],
        "evidence": {
            "facts": [asdict(f) | {"rules": list(f.rules), "values": dict(f.values)} for f in verdict.evidence.facts],
            "provision_versions": [asdict(v) for v in verdict.evidence.versions],
            "findings": [asdict(f) for f in verdict.evidence.findings],
            "recommendations": verdict.evidence.recommendations,
        },
    }


def parameter_to_dict(parameter: Parameter) -> dict:
    override = parameter.override
    return {
        "id": parameter.id, "label": parameter.label, "value": float(parameter.value),
        "default": float(parameter.default), "basis": parameter.basis, "reasoning": parameter.reasoning,
        "override": None if override is None else {
            "justification": override.justification, "owner": override.owner, "where": override.where},
    }


def render(judgement: Judgement) -> str:
    data = {
        "schema_version": SCHEMA_VERSION,
        "agreement": words.agreement(judgement),
        "parameters": [parameter_to_dict(p) for p in judgement.parameters],
        "verdicts": [verdict_to_dict(v) for v in judgement.verdicts],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
