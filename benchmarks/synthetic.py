"""A synthetic national results table, written as N-Triples, with anomalies of each kind injected.

The table has the shape `checker/results/data.py` gives the report's annexes (one observation
per station × column × source, the same properties), for the election kz/2007-majilis of the
bundled knowledge base and its seven parties, so the bundled rules judge it as they judge the
annexes. Every station has the CEC's published figures (the seven parties, invalid ballots and
ballots cast); a share of them (`protocol_share`) also has its protocol, as when parties or
observers collect protocols. Anomalies, each at `anomaly_share` of the stations (at least one):

* votes moved     (protocol station) the CEC data move k votes from another party to Nur Otan;
* votes added     (protocol station) the CEC data add k votes to Nur Otan, total and ballots cast kept consistent;
* one party       (CEC-only station) Nur Otan has every valid vote, more than 200;
* sums off        (CEC-only station) ballots cast differ from votes plus invalid ballots.

Every other station is clean: every party has votes, protocol and CEC data agree, the sums add up.
`Expected` lists the results the rules must give: (rule id, station IRI, value).

Written line by line to a file: rdflib would need minutes to build 100,000 stations.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

ID = "https://w3id.org/eokb/id/"
NS = "https://w3id.org/eokb/ns#"
QB = "http://purl.org/linked-data/cube#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
INT = "^^<http://www.w3.org/2001/XMLSchema#integer>"
ELECTION = "kz/2007-majilis"
PARTIES = ("ansdp", "nur-otan", "patriots", "auyl", "ak-zhol", "rukhaniyat", "cppk")  # ballot order
FAVOURED, VICTIM = "nur-otan", "ansdp"
REGIONS = ("Akmola", "Aktobe", "Almaty", "Atyrau", "East Kazakhstan", "Zhambyl", "West Kazakhstan", "Karaganda",
           "Kostanai", "Kyzylorda", "Manghystau", "Pavlodar", "North Kazakhstan", "South Kazakhstan")
KINDS = ("votes-moved", "votes-added", "one-party", "sums-off")
RULE_OF = {"votes-moved": "RES-7.4-votes-moved", "votes-added": "RES-7.4-votes-added",
           "one-party": "RES-7.4-one-party-every-vote", "sums-off": "RES-7.4-ballots-sum"}


@dataclass
class Expected:
    stations: int
    triples: int = 0
    protocols: int = 0
    injected: dict[str, list[str]] = field(default_factory=dict)  # kind → station IRIs
    results: set[tuple[str, str, int]] = field(default_factory=set)  # (rule id, station IRI, value)
    table: str = ""


def generate(stations: int, path: Path | str, *, protocol_share: float = 0.1, anomaly_share: float = 0.005,
             seed: int = 7, with_parties: bool = False, name: str = "national") -> Expected:
    """Write the table to `path`; `with_parties` also declares the parties and the election (for
    a knowledge base of its own, without the bundled one)."""
    rnd = random.Random(seed)
    table = f"{ID}synthetic/{name}"
    expected = Expected(stations, table=table, injected={kind: [] for kind in KINDS})
    per_kind = max(1, int(stations * anomaly_share))
    order = list(range(stations))
    rnd.shuffle(order)
    kind_of = {}
    for n, kind in enumerate(KINDS):
        for index in order[n * per_kind:(n + 1) * per_kind]:
            kind_of[index] = kind
    lines: list[str] = []
    add = lines.append
    election = f"<{ID}{ELECTION}>"
    add(f"<{table}> <{RDF_TYPE}> <{QB}DataSet> .")
    add(f"<{table}> <{NS}election> {election} .")
    add(f"<{table}> <{NS}stationCount> \"{stations}\"{INT} .")
    add(f"<{table}> <{NS}sourceFile> \"{Path(path).name}\" .")
    add(f"{election} <{NS}observation> <{table}> .")
    if with_parties:
        add(f"{election} <{RDF_TYPE}> <{NS}Election> .")
        add(f"{election} <http://purl.org/dc/terms/date> \"2007-08-18\"^^<http://www.w3.org/2001/XMLSchema#date> .")
        for party in PARTIES:
            add(f"<{ID}kz/party/{party}> <{RDF_TYPE}> <{NS}Party> .")
            add(f"<{ID}kz/party/{party}> <{RDFS_LABEL}> \"{party}\" .")
    with open(path, "w", encoding="utf-8") as out:
        for index in range(stations):
            kind = kind_of.get(index)
            protocol = kind in ("votes-moved", "votes-added") or (kind is None and rnd.random() < protocol_share)
            _station(add, rnd, table, index, kind, protocol, expected)
            if len(lines) > 50_000:
                expected.triples += len(lines)
                out.write("\n".join(lines) + "\n")
                lines.clear()
        expected.triples += len(lines)
        out.write("\n".join(lines) + "\n")
    return expected


def _station(add, rnd: random.Random, table: str, index: int, kind: str | None, protocol: bool,
             expected: Expected) -> None:
    region = REGIONS[index % len(REGIONS)]
    tec = f"TEC {index % 211}"
    key = f"{region.lower().replace(' ', '-')}-region/tec-{index % 211}/ps-{index}"
    station = f"{ID}{ELECTION}/station/{key}"
    s = f"<{station}>"
    add(f"{s} <{RDF_TYPE}> <{NS}PollingStation> .")
    add(f"{s} <{NS}stationNumber> \"{index}\"{INT} .")
    add(f"{s} <{NS}region> \"{region} Region\" .")
    add(f"{s} <{NS}territorialCommission> \"{tec}\" .")
    add(f"{s} <{NS}election> <{ID}{ELECTION}> .")
    add(f"{s} <{NS}sourceFile> \"synthetic {table.rsplit('/', 1)[-1]}\" .")
    add(f"{s} <{NS}sourceLine> \"{index + 2}\"{INT} .")
    votes = {party: rnd.randint(5, 120) for party in PARTIES}
    votes[FAVOURED] = rnd.randint(150, 900)
    votes["invalid"] = rnd.randint(0, 25)
    published = dict(votes)
    if kind == "votes-moved":
        k = rnd.randint(1, votes[VICTIM])
        published[FAVOURED] += k
        published[VICTIM] -= k
        expected.results |= {(RULE_OF[kind], station, k), (RULE_OF[kind], station, -k)}
    elif kind == "votes-added":
        k = rnd.randint(20, 400)
        published[FAVOURED] += k
        expected.results.add((RULE_OF[kind], station, k))
    elif kind == "one-party":
        published = {party: 0 for party in PARTIES} | {"invalid": votes["invalid"]}
        published[FAVOURED] = rnd.randint(201, 1500)
        expected.results.add((RULE_OF[kind], station, published[FAVOURED]))
    cast = sum(published.values())
    if kind == "sums-off":
        off = rnd.choice((-1, 1)) * rnd.randint(1, 60)
        cast -= off
        expected.results.add((RULE_OF[kind], station, off))
    if kind:
        expected.injected[kind].append(station)
    sources = [("cec-data", published, cast)]
    if protocol:
        sources.append(("pec-protocol", votes, sum(votes.values())))
        expected.protocols += 1
    for source, figures, ballots in sources:
        source_term = "CecData" if source == "cec-data" else "PecProtocol"
        for column, value in list(figures.items()) + [("ballots-cast", ballots)]:
            term = {"invalid": f"<{NS}InvalidBallots>", "ballots-cast": f"<{NS}BallotsCast>"}.get(
                column, f"<{ID}kz/party/{column}>")
            o = f"<{table}/{key}/{source}/{column}>"
            add(f"{o} <{QB}dataSet> <{table}> .")
            add(f"{o} <{NS}pollingStation> {s} .")
            add(f"{o} <{NS}party> {term} .")
            add(f"{o} <{NS}resultSource> <{NS}{source_term}> .")
            add(f"{o} <{NS}votes> \"{value}\"{INT} .")
            add(f"{o} <{NS}sourceLine> \"{index + 2}\"{INT} .")
