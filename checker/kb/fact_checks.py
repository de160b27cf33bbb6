"""Checks of the facts and figures between keys of one record, run by the loader
(checker/kb/load.py) once every file is read: money names its currency, every fact of a
provision version says where it comes from."""

from __future__ import annotations

from checker.kb.errors import Problems
from checker.kb.read import Record


def _of(records: list[Record], kind: str) -> list[Record]:
    return [record for record in records if record.kind == kind]


def check_money(records: list[Record], problems: Problems) -> None:
    """An amount of money names its currency, and only an amount of money does."""
    for figure in _of(records, "figure"):
        if figure.get("unit") == "money" and not figure.get("currency"):
            problems.add("KB106", figure.at("unit"), "a figure in money needs 'currency', its ISO 4217 code")
        elif figure.get("currency") and figure.get("unit") != "money":
            problems.add("KB110", figure.at("currency"), "'currency' goes with unit: money only")
    for deposit in _of(records, "deposit-fact"):
        if (deposit.get("amount") is None) != (deposit.get("currency") is None):
            problems.add("KB106", deposit.pos, "give 'amount' and 'currency' together")


def check_fact_bases(records: list[Record], problems: Problems) -> None:
    """Every fact of a provision version says where it comes from; an authority's statement names
    who made it; an inferred fact says why (issue 11). (A recommendation's proposed facts need no basis.)"""
    for version in _of(records, "version"):
        facts = version.get("facts")
        for group in (facts.values.values() if isinstance(facts, Record) else ()):
            for fact in group if isinstance(group, list) else ():
                if isinstance(fact, Record) and fact.get("replaces"):
                    problems.add("KB110", fact.at("replaces"), "'replaces' belongs to a recommendation's "
                                    "proposed change, not to the facts of a provision version")
                if isinstance(fact, Record) and not fact.get("basis"):
                    problems.add("KB106", fact.pos, f"this {fact.kind} has no 'basis': say where it comes from "
                                    "(law-text, authority-statement, observation, report-assessment or inferred)")
    for record in records:
        basis = record.get("basis") if record.kind.endswith("-fact") else None
        if basis in ("authority-statement", "inferred") and not record.get("basis_note"):
            who = "who made the statement" if basis == "authority-statement" else "why it is inferred"
            problems.add("KB106", record.at("basis"), f"a fact with basis {basis} needs 'basis_note': {who}")
