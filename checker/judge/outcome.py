"""The outcome of a verdict, by two documented rules (docs/verdicts.md).

**A scope's outcome** (the law, conduct or results), for the rules of that scope that express
the commitment:

1. *not-applicable* when the standard did not bind the state on the day (with the reason), and
   *not-assessed* when the knowledge base does not say whether it did;
2. the most severe unwaived result: violation → *violated*, warning → *at-risk*, info → *noted*;
   for a good-practice text (a reference, binding nobody) a violation counts as *at-risk*:
   departing from good practice is never a violated commitment;
3. *waived* when every result was accepted by a waiver;
4. *met* only when every rule of the scope had the facts it needs and none found anything;
5. *partly-assessed* when none found anything but some lacked the facts they need (named);
6. *not-assessed* when none had its facts (or the scope has no rule).

**The overall outcome** over the scopes that have rules: *not-applicable* when the standard did
not bind; else the worst problem found in any scope (violated, then at-risk, then noted); else
never better than what was assessed: *not-assessed* when no scope was assessed, *partly-assessed*
when some scope was not or only partly assessed, *waived* when some scope was waived, and
*met* only when every scope is met.
"""

from __future__ import annotations

from checker.judge.model import Applicability, Result

FROM_SEVERITY = {"violation": "violated", "warning": "at-risk", "info": "noted"}
PROBLEMS = ("violated", "at-risk", "noted")


def capped(severity: str, applicability: Applicability | None) -> str:
    """The outcome a result's severity gives, capped at at-risk for a good-practice text."""
    outcome = FROM_SEVERITY[severity]
    if outcome == "violated" and applicability is not None and applicability.reference_only:
        return "at-risk"
    return outcome


def scope_outcome(applicability: Applicability, rules: list[str], assessed: list[str],
                  results: list[Result]) -> str:
    if not applicability.applicable:
        return "not-applicable" if applicability.known else "not-assessed"
    open_results = [r for r in results if r.waiver is None]
    if open_results:
        return min((capped(r.rule.severity, applicability) for r in open_results), key=PROBLEMS.index)
    if results:
        return "waived"
    if rules and len(assessed) == len(rules):
        return "met"
    return "partly-assessed" if assessed else "not-assessed"


def overall_outcome(applicability: Applicability, scope_outcomes: list[str]) -> str:
    if not applicability.applicable:
        return "not-applicable" if applicability.known else "not-assessed"
    problems = [o for o in scope_outcomes if o in PROBLEMS]
    if problems:
        return min(problems, key=PROBLEMS.index)
    if not scope_outcomes or all(o == "not-assessed" for o in scope_outcomes):
        return "not-assessed"
    if any(o in ("not-assessed", "partly-assessed") for o in scope_outcomes):
        return "partly-assessed"
    if "waived" in scope_outcomes:
        return "waived"
    return "met"
