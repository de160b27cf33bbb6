"""The checks between records of a loaded knowledge base: references resolve to records of the
right kind, ids nest under their parent, provision versions do not overlap, amounts name their
currency, facts say where they come from. Each problem is collected with its position."""

from __future__ import annotations

from typing import Iterator

from checker.kb.errors import Pos
from checker.kb.model import KnowledgeBase
from checker.kb.read import Record
from checker.kb.types import ListOf, Ref

def walk(record: Record) -> Iterator[Record]:
    """The record and every record nested in it, depth first, in file order."""
    yield record
    for value in record.values.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Record):
                yield from walk(item)


def check_records(kb: KnowledgeBase, unread: list[str]) -> None:
    """Every check between records, in order."""
    _check_references(kb, unread)
    _check_parents(kb)
    _check_versions(kb)
    _check_money(kb)
    _check_fact_bases(kb)


def references(record: Record) -> Iterator[tuple[str, Ref, str, Pos]]:
    """(key, declared reference type, referenced id, position) for each reference in a record."""
    for key, spec in record.obj.fields.items():
        value = record.values.get(key)
        if value is None:
            continue
        if isinstance(spec.type, Ref):
            yield key, spec.type, value, record.at(key)
        elif isinstance(spec.type, ListOf) and isinstance(spec.type.item, Ref):
            for item, pos in zip(value, value.positions):
                yield key, spec.type.item, item, pos


def id_prefix(relpath: str) -> str | None:
    """The ids a file holds start with this (docs/formats.md): commitments/<standard>.yaml →
    <standard>, law/<country>/<instrument>.yaml → <country>/<instrument>, law/<country>/country.yaml
    → <country>, findings/<report>/… → <report>."""
    parts = relpath.removesuffix(".yaml").removesuffix(".yml").split("/")
    if parts[0] == "commitments" and len(parts) == 2:
        return parts[1]
    if parts[0] == "law" and len(parts) == 3:
        return parts[1] if parts[2] == "country" else f"{parts[1]}/{parts[2]}"
    if parts[0] == "findings" and len(parts) > 2:
        return parts[1]
    return None


def _check_references(kb: KnowledgeBase, unread: list[str] = ()) -> None:
    """KB202/KB206 for each reference to a missing or wrong record; the references into a file that
    could not be read are one problem, not one per reference: fix that file first."""
    into_unread: dict[str, list[Pos]] = {}
    prefixes = {prefix: path for path in unread if (prefix := id_prefix(path))}
    for kb_file in kb.files:
        for record in walk(kb_file.top):
            for key, ref, target, pos in references(record):
                found = kb.index.get(target)
                owner = next((path for prefix, path in prefixes.items()
                              if target == prefix or target.startswith(prefix + "/")), None)
                if found is None and owner is not None:
                    into_unread.setdefault(owner, []).append(pos)
                elif found is None:
                    kb.problems.add("KB202", pos, f"'{key}' refers to '{target}', which no {' or '.join(ref.kinds)} has as id")
                elif found.kind not in ref.kinds:
                    kb.problems.add("KB206", pos, f"'{key}' refers to '{target}', a {found.kind}, not a {' or '.join(ref.kinds)}")
    for owner, places in sorted(into_unread.items()):
        kb.problems.add("KB211", places[0], f"{len(places)} reference(s) point into {owner}, which could not be "
                        "read (see its own problem)")


def _check_parents(kb: KnowledgeBase) -> None:
    """Ids nest: a commitment under its standard, a provision under its instrument, the
    records of a report's folder under the report's id."""
    for kb_file in kb.files:
        top = kb_file.top
        parent = None
        children: list[Record] = []
        if kb_file.kind.name == "standard" and isinstance(top.get("standard"), Record):
            parent, children = top["standard"].id, top.get("commitments", [])
        elif kb_file.kind.name == "instrument" and isinstance(top.get("instrument"), Record):
            parent, children = top["instrument"].id, top.get("provisions", [])
        elif kb_file.report_id:
            parent = kb_file.report_id
            children = [r for r in walk(top) if r.id and r.kind not in ("election", "party", "report")]
            report = top.get("report")
            if isinstance(report, Record) and report.id and report.id != parent:
                kb.problems.add("KB205", report.at("id"),
                                f"report id '{report.id}' differs from its folder name '{parent}'")
        for child in children:
            if parent and child.id and not child.id.startswith(parent + "/"):
                kb.problems.add("KB205", child.at(child.obj.id_field),
                                f"id '{child.id}' should start with '{parent}/'")


def _check_versions(kb: KnowledgeBase) -> None:
    for provision in kb.records("provision"):
        versions: list[Record] = list(provision.get("versions", []))
        for version in versions:
            start, end = version.get("in_force_from"), version.get("in_force_to")
            if start and end and end < start:
                kb.problems.add("KB204", version.at("in_force_to"),
                                f"version of {provision.id} ends {end} before it starts {start}")
        dated = sorted((v for v in versions if v.get("in_force_from")), key=lambda v: v["in_force_from"])
        for earlier, later in zip(dated, dated[1:]):
            end = earlier.get("in_force_to")
            if end is None or end >= later["in_force_from"]:
                until = end.isoformat() if end else "open-ended"
                kb.problems.add("KB203", later.at("in_force_from"),
                                f"version of {provision.id} from {later['in_force_from']} overlaps the version "
                                f"from {earlier['in_force_from']} (in force until {until}, line {earlier.pos.line})")


def _check_money(kb: KnowledgeBase) -> None:
    """An amount of money names its currency, and only an amount of money does."""
    for figure in kb.records("figure"):
        if figure.get("unit") == "money" and not figure.get("currency"):
            kb.problems.add("KB106", figure.at("unit"), "a figure in money needs 'currency', its ISO 4217 code")
        elif figure.get("currency") and figure.get("unit") != "money":
            kb.problems.add("KB110", figure.at("currency"), "'currency' goes with unit: money only")
    for deposit in kb.records("deposit-fact"):
        if (deposit.get("amount") is None) != (deposit.get("currency") is None):
            kb.problems.add("KB106", deposit.pos, "give 'amount' and 'currency' together")


def _check_fact_bases(kb: KnowledgeBase) -> None:
    """Every fact of a provision version says where it comes from; an authority's statement names
    who made it; an inferred fact says why (issue 11). (A recommendation's proposed facts need no basis.)"""
    for version in kb.records("version"):
        facts = version.get("facts")
        for group in (facts.values.values() if isinstance(facts, Record) else ()):
            for fact in group if isinstance(group, list) else ():
                if isinstance(fact, Record) and fact.get("replaces"):
                    kb.problems.add("KB110", fact.at("replaces"), "'replaces' belongs to a recommendation's "
                                    "proposed change, not to the facts of a provision version")
                if isinstance(fact, Record) and not fact.get("basis"):
                    kb.problems.add("KB106", fact.pos, f"this {fact.kind} has no 'basis': say where it comes from "
                                    "(law-text, authority-statement, observation, report-assessment or inferred)")
    for record in kb.all_records:
        basis = record.get("basis") if record.kind.endswith("-fact") else None
        if basis in ("authority-statement", "inferred") and not record.get("basis_note"):
            who = "who made the statement" if basis == "authority-statement" else "why it is inferred"
            kb.problems.add("KB106", record.at("basis"), f"a fact with basis {basis} needs 'basis_note': {who}")
