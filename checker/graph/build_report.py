"""The triples of a report's folder: the report, its elections, parties, findings,
recommendations, own verdicts and claims; and the waivers (methods of `GraphBuilder`,
checker/graph/build.py)."""

from __future__ import annotations

from rdflib import DCTERMS, PROV, RDF, RDFS, SKOS, URIRef

from checker.graph.ids import iri, part
from checker.graph.terms import FIGURE_MEASURES, FOLLOW_UP_STATUS, SCOPE, SEVERITY
from checker.graph.vocab import EOKB
from checker.kb.read import Record


class ReportTriples:
    """A report folder's files as triples."""

    def _report(self, top: Record) -> None:
        report = top["report"]
        r = self.node(iri(report.id), report, EOKB.ObservationReport)
        self.add(r, DCTERMS.title, report["title"])
        self.add(r, DCTERMS.publisher, report["publisher"])
        self.add(r, EOKB.mission, report["mission"])
        self.add(r, EOKB.missionHead, report.get("mission_head"))
        self.add(r, EOKB.missionStart, report.get("mission_start"))
        self.add(r, DCTERMS.issued, report["published"])
        self.add(r, EOKB.place, report["place"])
        self.add(r, DCTERMS.language, report["official_language"])
        self.refs(r, EOKB.observes, report["elections"])
        if report.get("url"):
            self.add(r, RDFS.seeAlso, URIRef(report["url"]))
        source = report["source"]
        s = self.node(part(r, "source"), source, EOKB.SourceText)
        self.add(s, EOKB.fileName, self.kb.file_of(report).path.rsplit("/", 1)[0] + "/" + source["file"])
        self.add(s, EOKB.sha256, source["sha256"])
        self.add(r, EOKB.sourceText, s)
        for page in top.get("pages", []):
            p = self.node(part(r, f"page-{page['page']}"), page, EOKB.Page)
            self.add(p, EOKB.pageNumber, page["page"])
            self.add(p, EOKB.firstLine, page["first_line"])
            self.add(r, EOKB.pageStart, p)
        for section in top.get("sections", []):
            sec = self.node(iri(section.id), section, EOKB.ReportSection)
            self.add(sec, EOKB.sectionNumber, section["number"])
            self.add(sec, DCTERMS.title, section["title"])
            self.add(sec, DCTERMS.isPartOf, iri(section["parent"]) if section.get("parent") else r)
            self.add(sec, EOKB.firstLine, section["lines"][0])
            self.add(sec, EOKB.lastLine, section["lines"][1])
            self.add(sec, EOKB.page, section["page"])

    def _elections(self, top: Record) -> None:
        for election in top.get("elections", []):
            e = self.node(iri(election.id), election, EOKB.Election)
            self.add(e, DCTERMS.title, election["title"])
            self.add(e, EOKB.country, iri(election["country"]))
            self.add(e, EOKB.chamber, iri(election["chamber"]))
            self.add(e, DCTERMS.date, election["date"])
            self.add(e, EOKB.electionKind, election["kind"])
            self.add(e, EOKB.calledOn, election.get("called"))
            self.refs(e, EOKB.observedBy, election.get("observed_by"))
            self.add(e, DCTERMS.description, election["description"])
            self.quotes(e, election)
        for party in top.get("parties") or []:
            p = self.node(iri(party.id), party, EOKB.Party)
            self.add(p, RDFS.label, party["name"])
            self.add(p, EOKB.abbreviation, party.get("abbreviation"))
            for alias in party.get("aliases") or []:
                self.add(p, SKOS.altLabel, alias)
            self.add(p, DCTERMS.description, party["description"])
            self.quotes(p, party)
        for entry in top.get("lists") or []:
            party_slug = entry["party"].rsplit("/", 1)[-1]
            pl = self.node(iri(f"{entry['election']}/list/{party_slug}"), entry, EOKB.PartyList)
            self.add(pl, EOKB.election, iri(entry["election"]))
            self.add(pl, EOKB.party, iri(entry["party"]))
            self.add(pl, EOKB.ballotPosition, entry.get("ballot_position"))
            self.add(pl, EOKB.registered, entry["registered"])

    def _findings(self, top: Record) -> None:
        for finding in top.get("findings", []):
            f = self.node(iri(finding.id), finding, EOKB.Finding)
            report_id = self.kb.report_of(finding)
            self.add(f, EOKB.headline, finding["headline"])
            self.add(f, EOKB.statement, finding["statement"])
            self.add(f, EOKB.section, iri(finding["section"]))
            self.add(f, PROV.wasDerivedFrom, iri(finding["section"]))
            first, last = finding["lines"]
            self.add(f, EOKB.firstLine, first)
            self.add(f, EOKB.lastLine, last)
            self.add(f, EOKB.page, self.page_of(report_id, first))
            election = finding.get("election") or self._first_election(report_id)
            if election:
                self.add(f, EOKB.election, iri(election))
            self.quotes(f, finding)
            self.refs(f, EOKB.concerns, finding.get("commitments"))  # the report cites them here
            for n, reading in enumerate(finding.get("relates_to") or [], start=1):  # the knowledge base's reading
                r = self.node(part(f, f"reading-{n}"), reading, EOKB.KbReading)
                self.add(r, EOKB.commitment, iri(reading["commitment"]))
                self.add(r, RDFS.comment, reading["why"])
                self.add(f, EOKB.kbReading, r)
                self.add(f, EOKB.relatesTo, iri(reading["commitment"]))
            self.refs(f, EOKB.concernsProvision, finding.get("provisions"))
            self.add(f, EOKB.reportVerdictWording, finding.get("report_verdict"))
            if finding.get("severity"):
                self.add(f, EOKB.severity, SEVERITY[finding["severity"]])
            for n, figure in enumerate(finding.get("figures") or [], start=1):
                fig = self.node(part(f, f"figure-{n}"), figure, EOKB.Figure)
                self.add(fig, RDFS.label, figure["label"])
                value = figure["value"]
                self.add(fig, RDF.value, int(value) if value == value.to_integral_value() and "." not in str(value) else value)
                self.add(fig, EOKB.unit, figure["unit"])
                self.add(fig, EOKB.currency, figure.get("currency"))
                self.add(fig, EOKB.measures, FIGURE_MEASURES.get(figure.get("measures")))
                self.add(f, EOKB.figure, fig)
            for topic in finding.get("topics") or []:
                self.add(f, EOKB.topic, topic)
            self._observations(f, finding, election)

    def _first_election(self, report_id: str | None) -> str | None:
        report = self.kb.index.get(report_id or "")
        elections = report.get("elections") if report else None
        return elections[0] if elections else None

    def _recommendations(self, top: Record) -> None:
        report_id = self.kb.report_of(top)
        groups = {}
        for group in top.get("groups") or []:
            g = self.node(iri(f"{report_id}/rec-group/{group['letter'].lower()}"), group, EOKB.RecommendationGroup)
            self.add(g, EOKB.letter, group["letter"])
            self.add(g, DCTERMS.title, group["title"])
            self.add(g, EOKB.firstLine, group["lines"][0])
            self.add(g, EOKB.lastLine, group["lines"][1])
            groups[group["letter"]] = g
        for rec in top.get("recommendations", []):
            r = self.node(iri(rec.id), rec, EOKB.Recommendation)
            self.add(r, EOKB.number, rec["number"])
            if rec.get("group"):
                self.add(r, EOKB.group, groups.get(rec["group"]) or iri(f"{report_id}/rec-group/{rec['group'].lower()}"))
            self.add(r, EOKB.quotation, self.quote(part(r, "text"), rec["text"]))
            self.refs(r, EOKB.answers, rec.get("findings"))
            self.refs(r, EOKB.concerns, rec.get("commitments"))
            self.refs(r, EOKB.concernsProvision, rec.get("provisions"))
            self.refs(r, EOKB.repeats, [rec["repeats"]] if rec.get("repeats") else [])
            for n, follow_up in enumerate(rec.get("follow_up", []), start=1):
                fu = self.node(part(r, f"follow-up-{n}"), follow_up, EOKB.FollowUpAssessment)
                self.add(fu, DCTERMS.date, follow_up["date"])
                self.add(fu, EOKB.status, FOLLOW_UP_STATUS[follow_up["status"]])
                source = follow_up["source"]
                self.add(fu, DCTERMS.source, iri(source) if source in self.kb.index else source)
                self.add(fu, EOKB.note, follow_up.get("note"))
                self.add(r, EOKB.followUp, fu)
            for n, change in enumerate(rec.get("proposed_changes") or [], start=1):
                c = self.node(part(r, f"change-{n}"), change, EOKB.ProposedChange)
                self.add(c, EOKB.changesProvision, iri(change["provision"]))
                self.add(c, DCTERMS.description, change["summary"])
                self.facts(c, change["facts"], EOKB.proposesFact)
                self.add(r, EOKB.proposesChange, c)

    def _follow_up(self, top: Record) -> None:
        """What a later report says of earlier recommendations (checker/kb/formats/follow_up.py): each
        assessment is a follow-up of the recommendation it assesses, dated the day the report was
        published; statements on recommendations the knowledge base does not hold stand alone."""
        report_id = self.kb.report_of(top)
        report = iri(report_id)
        report_record = self.kb.index.get(report_id or "")
        published = report_record.get("published") if report_record is not None else None
        for assessment in top.get("assessments") or []:
            rec = assessment["recommendation"]
            a = self.node(iri(f"{report_id}/follow-up/{rec}"), assessment, EOKB.FollowUpAssessment)
            self.add(a, EOKB.assesses, iri(rec))
            self.add(iri(rec), EOKB.followUp, a)
            self._statement(a, assessment, report, published)
        for statement in top.get("earlier") or []:
            s = self.node(iri(statement.id), statement, EOKB.EarlierRecommendationsStatement)
            self.add(s, EOKB.madeIn, statement["made_in"])
            self.add(s, DCTERMS.description, statement["about"])
            self._statement(s, statement, report, published)

    def _statement(self, node: URIRef, record: Record, report: URIRef, published) -> None:
        self.add(node, DCTERMS.date, published)
        self.add(node, EOKB.status, FOLLOW_UP_STATUS[record["status"]])
        self.add(node, DCTERMS.source, report)
        self.add(node, EOKB.section, iri(record["section"]))
        self.add(node, PROV.wasDerivedFrom, iri(record["section"]))
        self.quotes(node, record)
        self.add(node, EOKB.note, record.get("note"))

    def _verdicts(self, top: Record) -> None:
        for verdict in top.get("verdicts", []):
            v = self.node(iri(verdict.id), verdict, EOKB.ReportVerdict)
            self.add(v, EOKB.election, iri(verdict["election"]))
            self.add(v, EOKB.commitment, iri(verdict["commitment"]))
            self.add(v, EOKB.scope, SCOPE[verdict["scope"]])
            self.add(v, EOKB.wording, verdict["wording"])
            self.add(v, EOKB.severity, SEVERITY[verdict["severity"]])
            self.quotes(v, verdict)
            self.refs(v, EOKB.restsOn, verdict.get("findings"))
            self.add(v, PROV.wasDerivedFrom, iri(self.kb.report_of(verdict)))


    def _claims(self, top: Record) -> None:
        """A report's numeric claims (checker/results/claims.py recomputes them from the annex data)."""
        for claim in top.get("claims", []):
            c = self.node(iri(claim.id), claim, EOKB.NumericClaim)
            self.add(c, EOKB.statement, claim["statement"])
            self.add(c, RDF.value, claim["figure"])
            self.add(c, EOKB.quotation, self.quote(part(c, "quote"), claim["quote"]))
            if claim.get("finding"):
                self.add(c, PROV.wasDerivedFrom, iri(claim["finding"]))

    def _parameters(self, top: Record) -> None:
        """A knowledge base's own values for rule parameters (checker/judge/parameters.py)."""
        for override in top.get("parameters", []):
            o = self.node(iri(f"parameter/{override['parameter']}"), override, EOKB.ParameterOverride)
            self.add(o, EOKB.overrides, override["parameter"])
            self.add(o, RDF.value, override["value"])
            self.add(o, EOKB.justification, override["justification"])
            self.add(o, EOKB.owner, override["owner"])

    def _candidates(self, top: Record) -> None:
        """Nothing: a candidate is a sentence `kbcheck scaffold` found citing a commitment, not yet
        read by an expert. In the graph it would stand beside the findings, where the site, the
        rules' evidence or a query could take it for the report's content; it enters the graph
        only when an expert moves it into a findings file (or verdicts.yaml). Its quotation is
        still verified on load, like every other."""

    def _results_dataset(self, top: Record) -> None:
        """A national dataset's election, its parties and the dataset itself; its figures enter
        the graph from the CSV file, as aggregates and flagged stations only
        (checker/results/national/graph.py)."""
        dataset = top["dataset"]
        election = dataset["election"]
        e = self.node(iri(election["id"]), election, EOKB.Election)
        self.add(e, DCTERMS.title, election["title"])
        self.add(e, EOKB.country, iri(election["country"]))
        self.add(e, EOKB.chamber, iri(election["chamber"]))
        self.add(e, DCTERMS.date, election["date"])
        self.add(e, EOKB.electionKind, election["kind"])
        for party in dataset["parties"]:
            p = self.node(iri(party["id"]), party, EOKB.Party)
            self.add(p, RDFS.label, party["name"])
            self.add(p, EOKB.abbreviation, party.get("abbreviation"))

    def _annex_layout(self, top: Record) -> None:
        """Nothing: a layout says how the report's text prints its annex tables, which is how the
        tables are read (checker/results/annexes/), not a fact about the election. The tables
        themselves enter the graph from their CSV files (checker/results/data.py), where each
        observation names its CSV row."""

    def _waivers(self, top: Record) -> None:
        for n, waiver in enumerate(top.get("waivers", []), start=1):
            w = self.node(iri(f"waiver/{n}"), waiver, EOKB.Waiver)
            self.add(w, EOKB.ruleId, waiver["rule"])
            self.add(w, EOKB.election, iri(waiver["election"]))
            self.add(w, EOKB.justification, waiver["justification"])
            self.add(w, EOKB.owner, waiver["owner"])
            self.add(w, EOKB.expires, waiver["expires"])
