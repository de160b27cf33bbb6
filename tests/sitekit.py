"""Helpers of the site tests: test graphs with the checker's verdicts injected, a local web
server for a built site, and the browser.

Until the checker lands, `with_verdicts` adds to the kb-small graph what the checker will
add (docs/site.md, "What the site reads from the checker"): a rule (a SHACL shape), a
violated verdict for 7.2 in 2020 with its evidence and result, and an earlier election of
the same chamber, judged under the earlier version of the law, for the comparison page.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rdflib import DCTERMS, RDF, RDFS, SH, XSD, Graph, Literal, Namespace, URIRef

from checker.graph.ids import ID_BASE
from checker.pipeline import load_and_check
from checker.graph.vocab import EOKB

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ID = Namespace(ID_BASE)
RULES = Namespace("https://w3id.org/eokb/rules#")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def kb_graph(name: str) -> Graph:
    loaded = load_and_check(FIXTURES / name)
    assert not loaded.problems, [str(p) for p in loaded.problems]
    return loaded.graph


def checked_graph(name: str) -> Graph:
    """A fixture's graph with the checker's own verdicts (report.ttl's triples), as `kbcheck build`
    gives the site."""
    from checker.judge.check import run_check
    from checker.reports.verdict_rdf import verdict_graph

    graph = kb_graph(name)
    return graph + verdict_graph(run_check(FIXTURES / name, graph))


def add_verdict(graph: Graph, election: str, commitment: str, value, *, evidence=(), results=(), rules=(),
                report=None, agrees=None, as_of="2020-03-01", scope=EOKB.LawScope) -> URIRef:
    """A verdict as the checker writes it: the overall verdict verdict/<election id>/<commitment id>
    and its one scope's verdict …/<scope>, which carries the comparison with the report."""
    verdict = ID[f"verdict/{election}/{commitment}"]
    part = ID[f"verdict/{election}/{commitment}/{str(scope).rsplit('#', 1)[1].removesuffix('Scope').lower()}"]
    for node, node_scope in ((verdict, EOKB.OverallScope), (part, scope)):
        graph.add((node, RDF.type, EOKB.Verdict))
        graph.add((node, EOKB.election, ID[election]))
        graph.add((node, EOKB.commitment, ID[commitment]))
        graph.add((node, EOKB.scope, node_scope))
        graph.add((node, EOKB.asOf, Literal(as_of, datatype=XSD.date)))
        graph.add((node, EOKB.verdictValue, value))
        graph.add((node, EOKB.ruleCount, Literal(len(rules))))
        graph.add((node, EOKB.assessedRuleCount, Literal(len(rules))))
        graph.add((node, EOKB.applicability, Literal("applicable: participating State since 1991-01-01")))
        graph.add((node, EOKB.verdictLegalForce, EOKB.PoliticalCommitment))
        for evidence_node in evidence:
            graph.add((node, EOKB.evidence, evidence_node))
        for result in results:
            graph.add((node, EOKB.result, result))
        for rule in rules:
            graph.add((node, EOKB.rule, rule))
    graph.add((verdict, DCTERMS.hasPart, part))
    if report is not None:
        graph.add((part, EOKB.reportVerdict, report))
    if agrees is not None:
        graph.add((part, EOKB.agreesWithReport, Literal(agrees)))
        graph.add((part, EOKB.independentOfReport, Literal(True)))
    return verdict


def add_rule(graph: Graph, rule_id: str, commitment: str, comment: str, needs=()) -> URIRef:
    shape = RULES[rule_id]
    graph.add((shape, RDF.type, SH.NodeShape))
    graph.add((shape, EOKB.ruleId, Literal(rule_id)))
    graph.add((shape, EOKB.expresses, ID[commitment]))
    graph.add((shape, RDFS.comment, Literal(comment)))
    graph.add((shape, SH.severity, SH.Violation))
    for prop in needs:
        graph.add((shape, EOKB.needsProperty, prop))
    return shape


def with_verdicts(graph: Graph) -> Graph:
    """kb-small's graph plus what the checker will add (see the module's docstring)."""
    shape = add_rule(graph, "CPH-7.2-popular-vote", "copenhagen-1990/7.2",
                     "Every seat of at least one chamber is filled by a popular vote.", [EOKB.selectionMethod])
    version = ID["xx/constitution/art-5/v/2020-01-01"]
    result = URIRef(ID_BASE + "verdict/xx/2020-assembly/copenhagen-1990/7.2#result-1")
    graph.add((result, RDF.type, SH.ValidationResult))
    graph.add((result, SH.focusNode, URIRef(f"{version}#seats-2")))
    graph.add((result, SH.value, EOKB.ChosenByAppointedBody))
    graph.add((result, SH.sourceShape, shape))
    graph.add((result, SH.resultSeverity, SH.Violation))
    graph.add((result, SH.resultMessage, Literal("10 of 60 seats are chosen by an appointed body")))
    add_verdict(graph, "xx/2020-assembly", "copenhagen-1990/7.2", EOKB.Violated,
                evidence=[ID["obs-xx-2020/finding/appointed-seats"], version, ID["obs-xx-2020/rec/1"]],
                results=[result], rules=[shape], report=ID["obs-xx-2020/verdict/copenhagen-7.2"], agrees=True)
    # An earlier election of the same chamber, judged under the earlier version: met.
    earlier = ID["xx/2016-assembly"]
    graph.add((earlier, RDF.type, EOKB.Election))
    graph.add((earlier, DCTERMS.title, Literal("Elections to the Assembly, 6 March 2016")))
    graph.add((earlier, DCTERMS.date, Literal("2016-03-06", datatype=XSD.date)))
    graph.add((earlier, EOKB.chamber, ID["xx/parliament/assembly"]))
    graph.add((earlier, EOKB.country, ID["xx"]))
    graph.add((earlier, EOKB.electionKind, Literal("parliamentary")))
    graph.add((earlier, DCTERMS.description, Literal("An earlier test election.")))
    graph.add((earlier, EOKB.governedBy, ID["xx/constitution/art-5/v/2000-01-01"]))
    graph.add((ID["xx/2020-assembly"], EOKB.governedBy, version))
    add_verdict(graph, "xx/2016-assembly", "copenhagen-1990/7.2", EOKB.Met, rules=[shape],
                evidence=[ID["xx/constitution/art-5/v/2000-01-01"]], as_of="2016-03-06")
    return graph


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the tests report what matters
        pass


@contextlib.contextmanager
def serving(folder: Path):
    """The built site at http://127.0.0.1:<port>/ while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
