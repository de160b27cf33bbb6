"""Waivers: a maintainer accepts a known result of a rule for an election, for a while.

A waiver names the rule, the election, a justification, an owner and an expiry date
(`waivers.yaml` at the root of the knowledge base). A waiver past its expiry date, or one
naming a rule that does not exist, is an error of the knowledge base: nothing is accepted
silently for ever.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from checker.kb.errors import Problems
from checker.kb.load import KnowledgeBase


def rule_ids(root: Path) -> set[str] | None:
    """The ids of the knowledge base's rules, or None when it has no rules folder."""
    if not (Path(root) / "rules").is_dir():
        return None
    from checker.judge.rules import load_rules

    return {rule.id for rule in load_rules(root)[1]}


def check_waivers(kb: KnowledgeBase, problems: Problems, today: datetime.date | None = None) -> None:
    today = today or datetime.date.today()
    waivers = kb.records("waiver")
    known = rule_ids(kb.root) if waivers else None
    for waiver in waivers:
        expires = waiver.get("expires")
        if expires is not None and expires < today:
            problems.add("KB207", waiver.at("expires"),
                         f"the waiver of {waiver.get('rule')} for {waiver.get('election')} expired on {expires}")
        if known is not None and waiver.get("rule") and waiver["rule"] not in known:
            problems.add("KB208", waiver.at("rule"), f"no rule has the id '{waiver['rule']}'")


def check_parameter_overrides(kb: KnowledgeBase, problems: Problems) -> None:
    """KB210: an override in parameters.yaml names a parameter the rules do not declare."""
    overrides = kb.records("parameter-override")
    if not overrides or not (Path(kb.root) / "rules").is_dir():
        return
    from checker.judge.parameters import declared
    from checker.judge.rules import load_rules

    known = declared(load_rules(kb.root)[0])
    for override in overrides:
        if override.get("parameter") and override["parameter"] not in known:
            problems.add("KB210", override.at("parameter"), f"no rule parameter has the id '{override['parameter']}'"
                         f" (known: {', '.join(sorted(known)) or 'none'})")
