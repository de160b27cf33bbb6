"""The triples of the law and the standards: commitments, countries, instruments, provisions,
their versions and the facts they lay down (methods of `GraphBuilder`, checker/graph/build.py)."""

from __future__ import annotations

from rdflib import DCTERMS, RDFS, SKOS, URIRef

from checker.graph.ids import iri, part
from checker.graph.namespaces import ELI
from checker.graph.terms import FACT_BASIS, FACT_GROUPS, LEGAL_FORCE, REFERENCE_KEYS, SELECTION_METHOD
from checker.graph.vocab import EOKB
from checker.kb.load import version_id
from checker.kb.read import Record


class LawTriples:
    """The standards' and the law's files as triples."""

    def _standard(self, top: Record) -> None:
        standard = top["standard"]
        s = self.node(iri(standard.id), standard, EOKB.Standard, SKOS.ConceptScheme)
        self.add(s, DCTERMS.title, standard["title"])
        self.add(s, SKOS.prefLabel, standard["short_title"])
        self.add(s, DCTERMS.publisher, standard["publisher"])
        self.add(s, DCTERMS.issued, standard.get("adopted"))
        self.add(s, EOKB.legalForce, LEGAL_FORCE[standard["legal_force"]])
        if standard.get("interprets"):
            self.add(s, EOKB.interprets, iri(standard["interprets"]))
        self.add(s, RDFS.seeAlso, URIRef(standard["url"]))
        self.add(s, EOKB.note, standard.get("note"))
        source = standard.get("source")
        if source:
            text = self.node(part(s, "source"), source, EOKB.SourceText)
            self.add(text, EOKB.fileName, self.kb.file_of(standard).path.rsplit("/", 1)[0] + "/" + source["file"])
            self.add(text, EOKB.sha256, source["sha256"])
            self.add(text, DCTERMS.source, source["provenance"])
            if source.get("url"):
                self.add(text, RDFS.seeAlso, URIRef(source["url"]))
            self.add(s, EOKB.sourceText, text)
        for commitment in top.get("commitments", []):
            c = self.node(iri(commitment.id), commitment, EOKB.Commitment, SKOS.Concept)
            self.add(c, SKOS.inScheme, s)
            self.add(c, SKOS.prefLabel, commitment["label"])
            self.add(c, EOKB.subject, commitment["subject"])
            self.add(c, SKOS.definition, commitment["description"])
            if commitment.get("broader"):
                self.add(c, SKOS.broader, iri(commitment["broader"]))
            else:
                self.add(s, SKOS.hasTopConcept, c)
            if commitment.get("text"):
                self.add(c, EOKB.textQuotation, self.quote(part(c, "text"), commitment["text"]))
            if commitment.get("url"):
                self.add(c, RDFS.seeAlso, URIRef(commitment["url"]))

    def _country(self, top: Record) -> None:
        country = top["country"]
        c = self.node(iri(country.id), country, EOKB.Country)
        self.add(c, RDFS.label, country["name"])
        for binding in top.get("standards") or []:
            b = self.node(part(c, f"binding-{binding['standard']}"), binding, EOKB.StandardBinding)
            self.add(b, EOKB.standard, iri(binding["standard"]))
            self.add(b, EOKB.bindsFrom, binding["binds_from"])
            self.add(b, EOKB.bindingBasis, binding["basis"])
            self.add(b, DCTERMS.source, binding.get("source"))
            if binding.get("url"):
                self.add(b, RDFS.seeAlso, URIRef(binding["url"]))
            self.add(b, EOKB.note, binding.get("note"))
            self.quotes(b, binding)
            self.add(c, EOKB.binding, b)
        for chamber in top.get("chambers", []):
            ch = self.node(iri(chamber.id), chamber, EOKB.Chamber)
            self.add(ch, RDFS.label, chamber["name"])
            self.add(ch, DCTERMS.description, chamber["description"])
            self.add(ch, EOKB.country, c)
        for body in top.get("bodies", []):
            b = self.node(iri(body.id), body, EOKB.Body)
            self.add(b, RDFS.label, body["name"])
            self.add(b, EOKB.abbreviation, body.get("abbreviation"))
            self.add(b, EOKB.bodyKind, body["kind"])
            self.add(b, EOKB.level, body.get("level"))
            self.add(b, EOKB.count, body.get("count"))
            self.add(b, EOKB.stateFunded, body.get("state_funded"))
            self.add(b, DCTERMS.description, body["description"])
            self.add(b, EOKB.country, c)
            self.quotes(b, body)

    def _instrument(self, top: Record) -> None:
        instrument = top["instrument"]
        i = self.node(iri(instrument.id), instrument, EOKB.LegalInstrument, ELI.LegalResource)
        self.add(i, EOKB.country, iri(instrument["country"]))
        self.add(i, ELI.title, instrument["title"])
        self.add(i, RDFS.label, instrument["short_title"])
        self.add(i, EOKB.instrumentType, instrument["type"])
        self.add(i, ELI.date_document, instrument.get("adopted"))
        if instrument.get("url"):
            self.add(i, RDFS.seeAlso, URIRef(instrument["url"]))
        for n, mention in enumerate(instrument.get("mentioned_in") or [], start=1):
            m = self.node(part(i, f"mention-{n}"), mention, EOKB.Mention)
            self.add(m, EOKB.quotedFrom, iri(mention["source"]))
            self.add(m, EOKB.firstLine, mention["lines"][0])
            self.add(m, EOKB.lastLine, mention["lines"][1])
            self.add(i, EOKB.mention, m)
        for provision in top.get("provisions", []):
            p = self.node(iri(provision.id), provision, EOKB.Provision, ELI.LegalResource)
            self.add(p, ELI.is_part_of, i)
            self.add(p, RDFS.label, provision["label"])
            self.add(p, ELI.title, provision["title"])
            if provision.get("url"):
                self.add(p, RDFS.seeAlso, URIRef(provision["url"]))
            for version in provision.get("versions", []):
                self._version(provision, version)

    def _version(self, provision: Record, version: Record) -> None:
        v = self.node(iri(version_id(provision, version)), version, EOKB.ProvisionVersion, ELI.LegalExpression)
        self.add(v, ELI.realizes, iri(provision.id))
        self.add(v, ELI.first_date_entry_in_force, version["in_force_from"])
        self.add(v, ELI.date_no_longer_in_force, version.get("in_force_to"))
        self.add(v, EOKB.datesBasis, version["dates_basis"])
        self.add(v, EOKB.datesNote, version.get("dates_note"))
        self.add(v, DCTERMS.description, version["summary"])
        self.quotes(v, version)
        self.facts(v, version.get("facts"), EOKB.states)

    def facts(self, owner: URIRef, facts: Record | None, predicate: URIRef) -> None:
        """The fact nodes of a `facts` mapping, each linked from `owner` by `predicate`."""
        if not facts:
            return
        for group, (cls, properties) in FACT_GROUPS.items():
            for n, fact in enumerate(facts.get(group) or [], start=1):
                f = self.node(part(owner, f"{group.replace('_', '-')}-{n}"), fact, cls)
                self.add(owner, predicate, f)
                for key, (fact_predicate, mapping) in properties.items():
                    value = fact.get(key)
                    if value is None:
                        continue
                    if mapping:
                        value = mapping[value]
                    elif key in REFERENCE_KEYS:
                        value = iri(value)
                    self.add(f, fact_predicate, value)
                if fact.get("basis"):
                    self.add(f, EOKB.basis, FACT_BASIS[fact["basis"]])
                self.add(f, EOKB.basisNote, fact.get("basis_note"))
                self.add(f, EOKB.holdsFrom, fact.get("holds_from"))
                replaces = fact.get("replaces")
                if replaces:
                    self.add(f, EOKB.replacesChamber, iri(replaces["chamber"]) if replaces.get("chamber") else None)
                    self.add(f, EOKB.replacesMethod, SELECTION_METHOD.get(replaces.get("method")))
                    self.add(f, EOKB.replacesBody, iri(replaces["body"]) if replaces.get("body") else None)
