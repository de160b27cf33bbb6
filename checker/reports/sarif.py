"""results.sarif: the rules' results as SARIF 2.1.0 (OASIS), for code-scanning views.

Every rule is a reporting descriptor under its stable id; every result sits at the YAML file,
line and column of the record that caused it, relative to the knowledge base root (`uriBaseId`
SRCROOT), so a reviewer sees a broken commitment next to the line that broke it. Waived results
stay in the log with an external, accepted suppression carrying the waiver's justification.

The output is deterministic: rules sorted by id, results in the judgement's order, and no
time stamp unless one is passed in.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable
from importlib import metadata

from checker.kb.errors import Pos
from checker.judge.model import Judgement, Result, Waiver
from checker.reports.reporting import every_rule, utc_stamp
from checker.judge.parameters import Parameter
from checker.judge.rules import Rule
from checker.reports import words

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "SRCROOT"  # the knowledge base root: the folder given to `kbcheck --kb`
LEVEL = {"violation": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "kbcheckResult/v1"


def _version() -> str:
    try:
        return metadata.version("eokb")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "0.0.0"


def _location(pos: Pos) -> dict:
    physical: dict = {"artifactLocation": {"uri": pos.path, "uriBaseId": SRCROOT}}
    if pos.line:
        physical["region"] = {"startLine": pos.line}
        if pos.column:
            physical["region"]["startColumn"] = pos.column
    return {"physicalLocation": physical}


def reporting_descriptor(rule: Rule, parameters: dict[str, Parameter] | None = None) -> dict:
    commitments = ", ".join(rule.commitments)
    used = [(parameters or {})[p] for p in rule.parameters if p in (parameters or {})]
    notes = [f"Judges {words.SCOPE[rule.scope]}."]
    notes += [f"Parameter `{p.id}` = {p.describe()}" for p in used]
    if rule.severity_reason:
        notes.append(f"Severity: {rule.severity_reason}")
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.label},
        "fullDescription": {"text": rule.description},
        "help": {
            "text": " ".join([rule.description, *notes]),
            "markdown": "\n\n".join([rule.description, *notes, f"Expresses {commitments}. Rule: `{rule.file}`."]),
        },
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "commitments": list(rule.commitments),
            "severity": rule.severity,
            "scope": rule.scope,
            "parameters": {p.id: {"value": float(p.value), "default": float(p.default), "basis": p.basis,
                                  "overridden": p.override is not None} for p in used},
            "file": rule.file,
            "tags": ["election-commitments", rule.scope, *rule.commitments],
        },
    }


def _suppression(waiver: Waiver) -> dict:
    suppression = {"kind": "external", "status": "accepted", "justification": waiver.justification}
    if waiver.pos is not None:
        suppression["location"] = _location(waiver.pos)
    suppression["properties"] = {"owner": waiver.owner, "expires": waiver.expires.isoformat()}
    return suppression


def _fingerprint(result: Result) -> str:
    # Stable while the cause stays the same, wherever its line moves in the file.
    key = "\x1f".join((result.rule.id, result.election, result.focus, result.value or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _message(result: Result) -> str:
    about = f"election {result.election}; commitment {', '.join(result.rule.commitments)}"
    if result.value is not None:
        about += f"; value {result.value}"
    return f"{result.message} ({about})"


def sarif_result(result: Result, rule_index: int, verdicts: list[dict] | None = None) -> dict:
    # A result with no known place is shown at its rule's file: code scanning needs a location.
    where = result.pos or Pos(result.rule.file)
    entry = {
        "ruleId": result.rule.id,
        "ruleIndex": rule_index,
        "level": LEVEL[result.rule.severity],
        "message": {"text": _message(result)},
        "locations": [_location(where)],
        "partialFingerprints": {FINGERPRINT: _fingerprint(result)},
        "properties": {"election": result.election, "commitments": list(result.rule.commitments),
                       "scope": result.rule.scope, "focus": result.focus, "value": result.value,
                       **({"verdicts": verdicts} if verdicts else {})},
    }
    if result.waiver is not None:
        entry["suppressions"] = [_suppression(result.waiver)]
    return entry


def _verdicts_of(judgement: Judgement, result: Result) -> list[dict]:
    """The verdicts a result counts in: scope, outcome in words, legal force, basis."""
    return [{"commitment": v.commitment, "scope": v.scope, "verdict": v.verdict, "in_words": words.outcome(v),
             "legal_force": v.applicability.legal_force if v.applicability else None, "basis": v.basis,
             "caveat": words.caveat(v), "reading": "checker" if v.own_reading else "report"}
            for v in judgement.scoped() if v.election == result.election and result in v.results]


def sarif_log(judgement: Judgement, rules: Iterable[Rule] = (), run_at: datetime.datetime | None = None) -> dict:
    """The SARIF log of a judgement; `rules` are all the rules it was made with."""
    ordered = every_rule(judgement, rules)
    index = {rule.id: n for n, rule in enumerate(ordered)}
    parameters = {p.id: p for p in judgement.parameters}
    run: dict = {
        "tool": {"driver": {"name": "kbcheck", "version": _version(),
                            "rules": [reporting_descriptor(rule, parameters) for rule in ordered]}},
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(result, index[result.rule.id], _verdicts_of(judgement, result))
                    for result in judgement.results],
    }
    if run_at is not None:
        run["invocations"] = [{"executionSuccessful": True, "endTimeUtc": utc_stamp(run_at)}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(judgement: Judgement, rules: Iterable[Rule] = (), run_at: datetime.datetime | None = None) -> str:
    return json.dumps(sarif_log(judgement, rules, run_at), indent=2, ensure_ascii=False) + "\n"
