"""The report's numeric claims, recomputed from the data in the graph (`kbcheck claims`).

A claim is declared as data in `findings/<report>/claims.yaml`: the report's words (a quotation,
verified against the text like every other), the figure it states, how a computed number must
stand to it (`relation`) and what to compute (`compute`). Nothing computed is ever typed in:
every number comes from the graph, through `results_tables` (the annex tables), the findings'
figures and the law in force (threshold and seats). A claim the data contradict is reported as
disagreeing; the data are never adjusted.

Relations: equals, rounds-to (to the figure's decimals, half up), more-than, less-than,
at-least, most-of (more than half of the figure), consistent-with-shown (the table shows some
of the `of` stations a count ranges over: the claim is consistent when the figure lies between
the count among the stations shown and that count plus the stations not shown; it can be
neither confirmed nor refuted further).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from rdflib import RDF, RDFS, Graph, URIRef

from checker.graph.ids import iri
from checker.kb.errors import Pos, Problems
from checker.graph.framework import versions_in_force
from checker.kb.load import KnowledgeBase
from checker.results.tables import PartyTable, Station, StationTable, result_tables
from checker.results.seats import METHODS, Threshold, allocations
from checker.graph.vocab import EOKB

NON_PARTY = ("invalid", "ballots-cast")


class UnknownReference(ValueError):
    """A claim names a table, station, column or figure the data do not have (KB209)."""


@dataclass
class Computed:
    value: Fraction | Decimal | int | None
    details: dict = field(default_factory=dict)
    shown: int | None = None  # stations in the selection, for consistent-with-shown


@dataclass
class ClaimResult:
    id: str
    statement: str
    quote: str
    source_lines: tuple[int, int]  # the quotation's lines in the report's text
    finding: str | None
    report_figure: Decimal
    relation: str
    of: int | None
    computed: float | int | None
    status: str  # agrees | disagrees | consistent
    details: dict
    note: str | None
    pos: Pos  # where the claim is declared

    @property
    def agrees(self) -> bool | None:
        return {"agrees": True, "disagrees": False}.get(self.status)

    def as_json(self) -> dict:
        data = asdict(self)
        data.update(report_figure=number(self.report_figure), agrees=self.agrees, source_line=self.source_lines[0],
                    source_lines=list(self.source_lines), declared_at=str(self.pos))
        del data["pos"]
        return data


def number(value) -> float | int | None:
    if value is None:
        return None
    value = Fraction(value) if not isinstance(value, Fraction) else value
    return int(value) if value.denominator == 1 else round(float(value), 6)


class _Computer:
    """Evaluates `compute` mappings over one graph."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.tables = result_tables(graph)

    def table(self, spec, kind):
        table = self.tables.get(spec["table"])
        if not isinstance(table, kind):
            raise UnknownReference(f"no {'station' if kind is StationTable else 'party'} table '{spec['table']}'")
        return table

    def selection(self, spec) -> list[Station]:
        table = self.table(spec, StationTable)
        chosen = table.select(spec.get("region"), spec.get("tec"))
        if not chosen:
            raise UnknownReference(f"no station of {spec['table']} in region {spec.get('region')!r}, "
                                   f"TEC {spec.get('tec')!r}")
        return chosen

    def compute(self, spec) -> Computed:
        keys = [key for key in spec.values if spec.get(key) is not None]
        if len(keys) != 1:
            raise UnknownReference(f"compute needs exactly one key, found {keys}")
        key = keys[0]
        if key in ("difference", "ratio_percent"):
            a, b = (self.compute(operand) for operand in spec[key])
            if a.value is None or b.value is None:
                return Computed(None, {"operands": [a.details, b.details]})
            value = Fraction(a.value) - Fraction(b.value) if key == "difference" \
                else Fraction(a.value) * 100 / Fraction(b.value)
            return Computed(value, {"operands": [number(a.value), number(b.value)]})
        return getattr(self, key)(spec[key])

    def stations(self, spec) -> Computed:
        chosen = self.selection(spec)
        where, party = spec["where"], spec.get("party")
        if where not in ("shown", "differs") and not party:
            raise UnknownReference(f"'where: {where}' needs a party")
        least = spec.get("by_at_least") or 1
        test = {
            "shown": lambda s: True,
            "differs": Station.differs,
            "increased": lambda s: (s.change(party) or 0) >= least,
            "decreased": lambda s: (s.change(party) or 0) <= -least,
            "others-decreased": lambda s: s.has_both() and sum(
                s.change(c) or 0 for c in _parties(s) if c != party) < 0,
            "no-other-party-gains": lambda s: s.has_both() and all(
                (s.change(c) or 0) <= 0 for c in _parties(s) if c != party),
            "every-valid-vote": lambda s: s.figures.get("cec-data", {}).get(party, 0) > 0 and all(
                s.figures["cec-data"][c] == 0 for c in _parties(s, "cec-data") if c != party),
        }[where]
        found = [s for s in chosen if test(s)]
        return Computed(len(found), {"stations": [f"PS {s.number}" for s in found]}, shown=len(chosen))

    def net_shift(self, spec) -> Computed:
        changes = {f"PS {s.number}": s.change(spec["party"]) for s in self.selection(spec) if s.has_both()}
        return Computed(sum(v for v in changes.values() if v), {"by_station": changes})

    def parties_changed(self, spec) -> Computed:
        chosen = self.selection(spec)
        parties = sorted({c for s in chosen for c in _parties(s)})
        changed = [p for p in parties if any(s.change(p) for s in chosen)]
        return Computed(len(changed), {"parties": changed})

    def station_figure(self, spec) -> Computed:
        table = self.table(spec, StationTable)
        station = next((s for s in table.stations if s.key == spec["station"]), None)
        if station is None or spec["source"] not in station.figures:
            raise UnknownReference(f"no {spec['source']} figures for station '{spec['station']}' in {table.id}")
        column = spec["column"]
        if column == "total":
            return Computed(station.total(spec["source"]))
        if column not in station.figures[spec["source"]]:
            raise UnknownReference(f"station '{spec['station']}' has no column '{column}'")
        return Computed(station.figures[spec["source"]][column])

    def table_sum(self, spec) -> Computed:
        table = self.table(spec, PartyTable)
        measure = spec["measure"]
        values = [getattr(row, measure) for row in table.rows]
        return Computed(sum(Fraction(v) for v in values if v is not None))

    def vote_share(self, spec) -> Computed:
        table = self.table(spec, PartyTable)
        row = _row(table, spec["party"])
        total = sum(r.votes for r in table.rows)
        return Computed(Fraction(row.votes * 100, total), {"votes": row.votes, "of": total})

    def figure(self, spec) -> Computed:
        finding = iri(spec["finding"])
        for figure in self.graph.objects(finding, EOKB.figure):
            if str(self.graph.value(figure, RDFS.label)) == spec["label"]:
                return Computed(Fraction(str(self.graph.value(figure, RDF.value))))
        raise UnknownReference(f"{spec['finding']} states no figure labelled '{spec['label']}'")

    def parties_over_threshold(self, spec) -> Computed:
        table = self.table(spec, PartyTable)
        threshold, _seats, details = self.law(table)
        return Computed(len(details["passing"]), details)

    def seats(self, spec) -> Computed:
        table = self.table(spec, PartyTable)
        _row(table, spec["party"])
        threshold, seats, details = self.law(table)
        by_method = allocations({row.party: row.votes for row in table.rows}, seats, threshold)
        won = {method: by_method[method][spec["party"]] for method in METHODS}
        same = len(set(won.values())) == 1
        return Computed(next(iter(won.values())) if same else None, dict(details, by_method=won))

    def law(self, table: PartyTable) -> tuple[Threshold, int, dict]:
        """The threshold and the party-list seats of the law in force for the table's election."""
        g, election = self.graph, iri(table.election)
        chamber, day = g.value(election, EOKB.chamber), g.value(election, URIRef("http://purl.org/dc/terms/date"))
        facts = [f for v in versions_in_force(g, g.value(election, EOKB.country), day.toPython())
                 for f in g.objects(v, EOKB.states) if g.value(f, EOKB.chamber) in (None, chamber)]
        rule = next((f for f in facts if g.value(f, EOKB.thresholdPercent) is not None), None)
        seats = sum(int(g.value(f, EOKB.seatCount)) for f in facts
                    if g.value(f, EOKB.selectionMethod) == EOKB.PartyListPopularVote)
        if rule is None or not seats:
            raise UnknownReference(f"the law in force for {table.election} states no threshold or party-list seats")
        valid = sum(row.votes for row in table.rows)
        base, base_name = valid, "valid votes"
        if str(g.value(rule, EOKB.thresholdBase)) == "voters-participating":
            reported = [int(g.value(fig, RDF.value)) for finding in g.subjects(EOKB.election, election)
                        for fig in g.objects(finding, EOKB.figure) if g.value(fig, EOKB.measures) == EOKB.BallotsCast]
            if reported:
                base, base_name = max(reported), "voters who took part (as reported)"
        percent = Fraction(str(g.value(rule, EOKB.thresholdPercent)))
        threshold = Threshold(percent, base)
        return threshold, seats, {
            "threshold_percent": number(percent), "threshold_base": base_name, "threshold_of": base,
            "threshold_votes": number(percent * base / 100), "party_list_seats": seats,
            "passing": [row.party for row in table.rows if threshold.passes(row.votes)]}


def _parties(station: Station, source: str = "pec-protocol") -> list[str]:
    return [c for c in station.figures.get(source, {}) if c not in NON_PARTY]


def _row(table: PartyTable, party: str):
    row = next((r for r in table.rows if r.party == party), None)
    if row is None:
        raise UnknownReference(f"{table.id} has no row for {party}")
    return row


def judge_claim(computed: Computed, figure: Decimal, relation: str, of: int | None) -> str:
    value = computed.value
    if value is None:
        return "disagrees"
    value, target = Fraction(value), Fraction(figure)
    if relation == "consistent-with-shown":
        unseen = (of or 0) - (computed.shown or 0)
        return "consistent" if unseen >= 0 and value <= target <= value + unseen else "disagrees"
    if relation == "rounds-to":
        decimals = max(0, -figure.as_tuple().exponent)
        rounded = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        return "agrees" if rounded == figure else "disagrees"
    holds = {"equals": value == target, "more-than": value > target, "less-than": value < target,
             "at-least": value >= target, "most-of": value * 2 > target}[relation]
    return "agrees" if holds else "disagrees"


def evaluate(kb: KnowledgeBase, graph: Graph) -> tuple[list[ClaimResult], Problems]:
    """Every claim of the knowledge base, recomputed; KB209 for claims naming unknown data."""
    computer, results, problems = _Computer(graph), [], Problems()
    for claim in kb.records("claim"):
        try:
            computed = computer.compute(claim["compute"])
        except UnknownReference as error:
            problems.add("KB209", claim.at("compute"), str(error))
            continue
        quote = claim["quote"]
        results.append(ClaimResult(
            id=claim.id, statement=claim["statement"], quote=" ".join(quote["text"].split()),
            source_lines=tuple(quote["lines"]), finding=claim.get("finding"), report_figure=claim["figure"],
            relation=claim["relation"], of=claim.get("of"), computed=number(computed.value),
            status=judge_claim(computed, claim["figure"], claim["relation"], claim.get("of")),
            details=dict(computed.details, **({"shown": computed.shown} if computed.shown is not None else {})),
            note=claim.get("note"), pos=claim.pos))
    return results, problems


def check_claims(kb: KnowledgeBase, graph: Graph) -> Problems:
    """The load-time check: every claim can be computed."""
    return evaluate(kb, graph)[1] if kb.records("claim") else Problems()
