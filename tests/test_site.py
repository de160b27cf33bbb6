"""The site without a browser: addresses, escaping, page models, downloads, the link check,
and the atomic swap (a failed build leaves the previous site as it was).

Golden pages: regenerate after a deliberate change with `python tools/regen_site_goldens.py`
and review the diff like code.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, URIRef

from checker.cli import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, main
from checker.pipeline import load_and_check
from checker.site import build as site_build
from checker.site import linkcheck, urls
from checker.site.build import SiteBuildError, SiteSources, build_site, rule_cases, with_rule_descriptions, write_docs
from checker.site.pages import recommendations as recommendation_pages
from checker.site.render import inert
from checker.graph.vocab import EOKB
from tests.sitekit import FIXTURES, ID, checked_graph, kb_graph, with_verdicts

GOLDEN = Path(__file__).parent / "golden" / "site"
GOLDEN_PAGES = (
    "commitments/copenhagen-1990/7.2/index.md", "commitments/copenhagen-1990/7/index.md",
    "law/xx/constitution/art-5/index.md", "findings/obs-xx-2020/finding/appointed-seats/index.md",
    "recommendations/obs-xx-2020/rec/1/index.md", "compliance/index.md",
    "elections/xx/2020-assembly/changes/index.md", "countries/index.md", "countries/xx/index.md",
    "compliance/countries/index.md",
)
# The two-country fixture judged by the checker itself: follow-up across reports, repeats, countries.
GOLDEN_TWO = Path(__file__).parent / "golden" / "site-two-countries"
GOLDEN_TWO_PAGES = (
    "countries/index.md", "countries/yy/index.md", "compliance/countries/index.md",
    "recommendations/obs-yy-2018/rec/2/index.md", "recommendations/obs-yy-2022/rec/2/index.md",
)
FIXED = SiteSources(kb_version="test", built_on=datetime.date(2020, 1, 1))
# The extensions mkdocs.yml enables that read inline or block syntax.
EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "admonition"]  # and md_in_html, to be safe


@pytest.fixture(scope="module")
def judged_docs(tmp_path_factory) -> Path:
    """The Markdown of kb-small's site with the checker's verdicts injected."""
    docs = tmp_path_factory.mktemp("judged") / "docs"
    write_docs(with_verdicts(kb_graph("kb-small")), docs, FIXED)
    return docs


@pytest.fixture(scope="module")
def two_countries_docs(tmp_path_factory) -> Path:
    """The Markdown of kb-two-countries' site with the checker's own verdicts."""
    docs = tmp_path_factory.mktemp("two") / "docs"
    write_docs(checked_graph("kb-two-countries"), docs, FIXED)
    return docs


@pytest.fixture(scope="module")
def plain_docs(tmp_path_factory) -> Path:
    """The Markdown of kb-small's site as the loader builds it: no verdicts at all."""
    docs = tmp_path_factory.mktemp("plain") / "docs"
    write_docs(kb_graph("kb-small"), docs, FIXED)
    return docs


def page(docs: Path, path: str) -> str:
    return (docs / path).read_text(encoding="utf-8")


# -- the URL rule --------------------------------------------------------------------------

@pytest.mark.parametrize("part, record, url", [
    ("commitments", "copenhagen-1990/7.5", "/commitments/copenhagen-1990/7.5/"),
    ("law", "kz/election-law/art-4/4", "/law/kz/election-law/art-4/4/"),
    ("findings", "odihr-kz-2007/finding/residency", "/findings/odihr-kz-2007/finding/residency/"),
    ("recommendations", "odihr-kz-2007/rec/3", "/recommendations/odihr-kz-2007/rec/3/"),
    ("elections", "kz/2007-majilis", "/elections/kz/2007-majilis/"),
])
def test_url_rule(part, record, url):
    assert urls.page(part, record).url == url


@pytest.mark.parametrize("record", ["../etc", "a//b", "A/b", "a/../b", "", "a/b/"])
def test_no_page_outside_its_part(record):
    with pytest.raises(ValueError):
        urls.page("commitments", record)


def test_record_id_reads_the_iri_rule_backwards():
    assert urls.record_id(URIRef("https://w3id.org/eokb/id/copenhagen-1990/7.5")) == "copenhagen-1990/7.5"
    assert urls.record_id(URIRef("https://example.org/x")) is None
    assert urls.record_id(URIRef("https://w3id.org/eokb/id/x/../../y")) is None


# -- escaping: nothing from the graph becomes markup -------------------------------------------

PAYLOADS = [
    "<script>window.__pwned=1</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "<javascript:alert(1)>", "# heading {: onclick=\"alert(1)\" }", "    <b>indented</b>", "**bold** _it_ `code`",
    "&lt;script&gt;", "| a | b |", "1. item", "> quote", "![i](x\" onerror=\"alert(1))", "<!-- c -->",
    "<div markdown=\"1\" onclick=alert(1)>x</div>", "{{ 7*7 }}", "\\*not\\*", "a\n\n<script>x</script>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_renders_as_its_own_text(payload):
    html = markdown.markdown(str(inert(payload)), extensions=EXTENSIONS)
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[3:-4]
    assert "<" not in inner and ">" not in inner, html
    assert unescape(inner) == " ".join(payload.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80))
def test_any_text_renders_as_itself(text):
    """Property: whatever an expert writes, Markdown shows those characters and makes no tag."""
    shown = " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())
    html = markdown.markdown(str(inert(text)), extensions=EXTENSIONS)
    if not shown:
        return
    assert html.startswith("<p>") and html.endswith("</p>")
    assert "<" not in html[3:-4]
    assert unescape(html[3:-4]).strip() == shown


# -- page models and Markdown -------------------------------------------------------------

def test_one_page_per_record_at_its_address(judged_docs):
    for path in ("index.md", "commitments/index.md", "commitments/copenhagen-1990/index.md",
                 "commitments/copenhagen-1990/7.2/index.md", "law/xx/index.md", "law/xx/constitution/index.md",
                 "law/xx/constitution/art-5/index.md", "findings/obs-xx-2020/index.md",
                 "findings/obs-xx-2020/section/i/index.md", "findings/obs-xx-2020/finding/count/index.md",
                 "recommendations/obs-xx-2020/rec/1/index.md", "elections/xx/2020-assembly/index.md",
                 "compliance/index.md", "rules/index.md", "downloads/index.md", "about.md", "guide.md"):
        assert (judged_docs / path).is_file(), path
    assert not (judged_docs / "intro.md").exists()  # part of the home page, not a page


def test_commitment_page_shows_verdict_evidence_and_rule(judged_docs):
    text = page(judged_docs, "commitments/copenhagen-1990/7.2/index.md")
    section = text.split("{ #verdict-xx-2020-assembly }", 1)[1].split("\n### ", 1)[0]
    assert "eokb-verdict--violated" in section
    assert "the checker agrees" in section
    assert "../../../findings/obs-xx-2020/finding/appointed-seats/index.md" in section
    assert "../../../law/xx/constitution/art-5/index.md#v-2020-01-01" in section
    assert "../../../recommendations/obs-xx-2020/rec/1/index.md" in section
    assert "page 1, lines 9–11" in unescape(section)  # the finding's quotation with its page
    assert "../../../rules/index.md#cph-7.2-popular-vote" in section
    assert "the participating States will: permit all seats" in unescape(text)  # verbatim, with source


def test_no_verdict_is_not_assessed_never_met(plain_docs):
    text = page(plain_docs, "compliance/index.md")
    assert "eokb-verdict--not-assessed" in text
    for path in plain_docs.rglob("*/index.md"):  # the generated pages (about.md explains every value)
        text = path.read_text(encoding="utf-8")
        assert "[met](" not in text and 'eokb-verdict--met">met</span> in' not in text, path


def test_the_elections_own_verdict_wins_over_other_days(tmp_path):
    """`kbcheck diff` writes verdicts `…/as-of/<day>` for the same pair: they are not the cell's."""
    from rdflib import RDF

    graph = with_verdicts(kb_graph("kb-small"))
    # The 2016 election judged by the law of 2020: violated; its own verdict (2016 law): met.
    other_day = ID["verdict/xx/2016-assembly/copenhagen-1990/7.2/as-of/2020-03-01"]
    graph += [(other_day, RDF.type, EOKB.Verdict), (other_day, EOKB.election, ID["xx/2016-assembly"]),
              (other_day, EOKB.commitment, ID["copenhagen-1990/7.2"]), (other_day, EOKB.verdictValue, EOKB.Violated)]
    write_docs(graph, tmp_path / "docs", FIXED)
    assert "[met](../commitments/copenhagen-1990/7.2/index.md#verdict-xx-2016-assembly)" in \
        page(tmp_path / "docs", "compliance/index.md")


def test_matrix_cell_links_to_the_verdict(judged_docs):
    text = page(judged_docs, "compliance/index.md")
    row = next(line for line in text.splitlines()
               if line.startswith("|") and "copenhagen-1990/7.2/index.md)" in line.split("|")[1])
    assert ('<span class="eokb-verdict eokb-verdict--violated">'
            "[violated](../commitments/copenhagen-1990/7.2/index.md#verdict-xx-2020-assembly)</span>") in row
    assert "[met](../commitments/copenhagen-1990/7.2/index.md#verdict-xx-2016-assembly)" in row


def test_home_counts_verdicts_per_election(judged_docs):
    text = page(judged_docs, "index.md").split("## Compliance per election", 1)[1]
    table = [line.split("|")[1:-1] for line in text.splitlines() if line.startswith("| ")]
    assert "2016-assembly" in table[0][1] and "2020-assembly" in table[0][2]  # oldest first
    counts = {re.search(r"--([a-z-]+)", row[0]).group(1): [c.strip() for c in row[1:]] for row in table[1:]
              if "eokb-verdict" in row[0]}
    assert counts == {"violated": ["0", "1"], "at-risk": ["0", "0"], "noted": ["0", "0"], "met": ["1", "0"],
                      "partly-assessed": ["0", "0"], "waived": ["0", "0"], "not-assessed": ["1", "1"],
                      "not-applicable": ["0", "0"]}
    assert "Built on 2020-01-01" in unescape(text) and "test (graph " in unescape(text)


def test_comparison_page_only_with_data(judged_docs, plain_docs):
    text = page(judged_docs, "elections/xx/2020-assembly/changes/index.md")
    assert "eokb-verdict" not in text.split("## Verdicts that changed")[0]
    assert "[met]" in text and "[violated]" in text
    assert not (plain_docs / "elections/xx/2020-assembly/changes").exists()


def test_provision_timeline_and_contributions(judged_docs):
    text = page(judged_docs, "law/xx/constitution/art-5/index.md")
    assert text.index("{ #v-2000-01-01 }") < text.index("{ #v-2020-01-01 }")
    assert "In force from 2000-01-01 to 2019-12-31" in unescape(text)
    assert "(no end date recorded) { #v-2020-01-01 }" in unescape(text)
    later = text.split("{ #v-2020-01-01 }", 1)[1]
    assert "eokb-verdict--violated" in later and "eokb-verdict--met" not in later.split("## Commitments")[0]


def test_simulation_shown_only_when_in_the_graph(monkeypatch, tmp_path):
    graph = with_verdicts(kb_graph("kb-small"))
    docs = tmp_path / "a"
    write_docs(graph, docs, FIXED)
    assert "simulation is not in this build" in page(docs, "recommendations/obs-xx-2020/rec/1/index.md")
    # Once the vocabulary declares the term and the checker writes it:
    term = URIRef(str(EOKB._NS) + "wouldClose")
    monkeypatch.setattr(recommendation_pages, "simulation_term", lambda: term)
    graph.add((ID["obs-xx-2020/rec/1"], term, ID["verdict/xx/2020-assembly/copenhagen-1990/7.2"]))
    write_docs(graph, tmp_path / "b", FIXED)
    text = page(tmp_path / "b", "recommendations/obs-xx-2020/rec/1/index.md")
    assert "../../../../commitments/copenhagen-1990/7.2/index.md#verdict-xx-2020-assembly" in text


def test_rule_catalogue_lists_rules_and_their_cases(tmp_path):
    graph = with_verdicts(kb_graph("kb-small"))
    cases = tmp_path / "rules" / "CPH-7.2-popular-vote"
    cases.mkdir(parents=True)
    (cases / "violates.ttl").write_text("")
    (cases / "conforms.ttl").write_text("")
    write_docs(graph, tmp_path / "docs", SiteSources(rule_tests=tmp_path / "rules"))
    text = page(tmp_path / "docs", "rules/index.md")
    # The reader is told how many examples test it, not the folders that hold them (docs/site.md).
    assert "{ #cph-7.2-popular-vote }" in text and "Tested on 2 small examples" in unescape(text)
    assert "tests/rules" not in unescape(text)
    assert rule_cases(tmp_path / "rules") == {"CPH-7.2-popular-vote": ["conforms", "violates"]}


def test_rule_descriptions_leave_constraints_out():
    from checker.judge.rules import load_rules
    from tests.conftest import ROOT

    shapes, rules = load_rules(ROOT)
    graph = with_rule_descriptions(kb_graph("kb-small"), shapes)
    assert len(set(graph.subjects(EOKB.ruleId, None))) == len(rules)
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_golden_pages(judged_docs, path):
    """Regenerate after a deliberate change with: python tools/regen_site_goldens.py"""
    assert page(judged_docs, path) == (GOLDEN / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", GOLDEN_TWO_PAGES)
def test_golden_pages_of_two_countries(two_countries_docs, path):
    """Regenerate after a deliberate change with: python tools/regen_site_goldens.py"""
    assert page(two_countries_docs, path) == (GOLDEN_TWO / path).read_text(encoding="utf-8")


def test_pages_written_by_two_processes_are_the_same(judged_docs, tmp_path):
    from checker.site.pages import BuildInfo, Site, page_jobs
    from checker.site.render import write_pages
    from checker.site.verdicts import Verdicts
    from checker.site.view import View

    view = View(with_verdicts(kb_graph("kb-small")))
    site = Site(view, Verdicts(view), BuildInfo(FIXED.built_on, "x"))
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    jobs = page_jobs(site, "intro")
    assert write_pages(jobs, serial, workers=1) == write_pages(jobs, parallel, workers=2, parallel_from=1)
    files = sorted(p.relative_to(serial) for p in serial.rglob("*.md"))
    assert files == sorted(p.relative_to(parallel) for p in parallel.rglob("*.md"))
    assert all((serial / f).read_bytes() == (parallel / f).read_bytes() for f in files)


# -- downloads ------------------------------------------------------------------------------

def test_downloads_with_checksums(tmp_path):
    checks = tmp_path / "checks"
    checks.mkdir()
    (checks / "verdicts.json").write_text("{}")
    (checks / "results.sarif").write_text("{}")
    (checks / "junit.xml").write_text("<testsuites/>")
    (checks / "report.md").write_text("# Report\n\n<script>alert(1)</script>\n")
    (checks / "graph.ttl").write_text("not the graph")  # never overwrites the graph
    (checks / "notes.txt").write_text("ignored")
    docs = tmp_path / "docs"
    write_docs(kb_graph("kb-small"), docs, SiteSources(checks=checks))
    folder = docs / "downloads"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["SHA256SUMS", "election-commitments.xlsx", "findings.csv", "graph.jsonld", "graph.ttl",
                     "index.md", "junit.xml", "recommendations.csv", "report.md.txt", "results.sarif",
                     "verdicts.csv", "verdicts.json"]  # Markdown as text: MkDocs would make it a page
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert (folder / "graph.ttl").read_text() != "not the graph"
    text = (folder / "index.md").read_text()
    assert "[junit.xml](junit.xml)" in text and "SARIF" in text
    people, technical = text.split("## For technical users", 1)
    assert "[verdicts.csv](verdicts.csv) | Verdicts &#40;a spreadsheet, CSV&#41;" in people
    assert "[junit.xml](junit.xml)" not in people.split("## Check that a file", 1)[0]
    assert "Get-FileHash" in text and "shasum -a 256" in text and "Creative Commons" in text


def test_spreadsheets_say_in_words_what_the_pages_say(tmp_path):
    import csv
    import io
    import zipfile

    from tests.sitekit import with_verdicts

    docs = tmp_path / "docs"
    write_docs(with_verdicts(kb_graph("kb-small")), docs, FIXED)
    folder = docs / "downloads"
    data = (folder / "verdicts.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with its mark, so spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    row = next(r for r in rows if r["Election id"] == "xx/2020-assembly" and r["Scope"] == "the law as written")
    assert (row["Verdict"], row["Rules with facts"], row["Agreement with the report"]) == ("violated", "1 of 1", "agrees")
    assert row["Commitment"] == "Copenhagen Document 1990, 7.2 — all seats in one chamber freely contested"
    findings = list(csv.DictReader(io.StringIO((folder / "findings.csv").read_text("utf-8-sig"))))
    assert findings and all(f["Finding"] and f["Report"] for f in findings)
    recs = list(csv.DictReader(io.StringIO((folder / "recommendations.csv").read_text("utf-8-sig"))))
    assert recs[0]["Recommendation"].startswith("All seats of the Assembly")
    with zipfile.ZipFile(folder / "election-commitments.xlsx") as book:
        sheets = book.read("xl/workbook.xml").decode()
    assert all(f'name="{name}"' in sheets for name in ("Verdicts", "Findings", "Recommendations"))


# -- the link check --------------------------------------------------------------------------

def test_link_check_finds_broken_links_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a> <a href="a/#here">ok</a> <a href="#top" id="top">ok</a>'
                                         '<a href="b/">missing</a> <a href="a/#nowhere">bad anchor</a>'
                                         '<a href="https://example.org/x">external</a> <img src="a/i.png">'
                                         '<a href="JavaScript:alert(1)">script</a> <a href="../../etc/passwd">out</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2> <a href="../index.html#top">back</a>')
    (tmp_path / "a" / "i.png").write_bytes(b"")
    broken = {(b.page, b.href, b.reason) for b in linkcheck.check_links(tmp_path)}
    assert broken == {(b.page, b.href, b.reason) for b in linkcheck.check_links(tmp_path, 2, parallel_from=1)}
    assert broken == {
        ("index.html", "b/", "no such page or file"),
        ("index.html", "a/#nowhere", "no such anchor"),
        ("index.html", "JavaScript:alert(1)", "a script address"),
        ("index.html", "../../etc/passwd", "no such page or file"),
    }


# -- building: strict MkDocs, links checked, the previous site kept on failure ---------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "site"
    build_site(with_verdicts(kb_graph("kb-small")), out, FIXED)
    return out


def test_build_produces_a_site_with_every_link_good(built):
    assert (built / "index.html").is_file()
    assert (built / "commitments/copenhagen-1990/7.2/index.html").is_file()
    assert (built / "search/search_index.json").is_file()
    assert linkcheck.check_links(built) == []
    assert not list(built.parent.glob(".site.*"))  # no staging folder left behind


def _sentinel_site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the previous site")
    return out


def test_failed_mkdocs_keeps_the_previous_site(tmp_path):
    out = _sentinel_site(tmp_path)
    hand_written = tmp_path / "hand"
    shutil.copytree(site_build.HAND_WRITTEN, hand_written)
    (hand_written / "guide.md").write_text("# Guide\n\n[broken](no-such-page.md)\n")
    with pytest.raises(SiteBuildError, match="mkdocs build --strict failed"):
        build_site(kb_graph("kb-small"), out, SiteSources(hand_written=hand_written))
    assert (out / "index.html").read_text() == "the previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hand", "site"]


def _fake_mkdocs(monkeypatch) -> None:
    """MkDocs replaced by one page with a broken link (the real build is tested above)."""
    def run_mkdocs(config: Path) -> None:
        import yaml
        site_dir = Path(yaml.safe_load(config.read_text())["site_dir"])
        (site_dir / "index.html").write_text('<a href="nowhere/">broken</a>')
    monkeypatch.setattr(site_build, "run_mkdocs", run_mkdocs)


def test_failed_link_check_keeps_the_previous_site(tmp_path, monkeypatch):
    out = _sentinel_site(tmp_path)
    _fake_mkdocs(monkeypatch)
    with pytest.raises(SiteBuildError, match="1 broken link"):
        build_site(kb_graph("kb-small"), out, FIXED)
    assert (out / "index.html").read_text() == "the previous site"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


class _Live(HTMLParser):
    """What a browser would make of a page: elements, attributes, script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "data", "action", "formaction") and \
                    re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "vbscript:")):
                self.live.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "svg", "img") and any("x" == v for _, v in attrs):
            self.live.append(f"<{tag}> from the knowledge base")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and ("pwned" in data or "alert" in data):
            self.live.append(f"<script>{data[:60]}")


def test_malicious_kb_builds_inert(tmp_path):
    """Every payload of kb-malicious comes out as text: no element, attribute or address of it."""
    out = tmp_path / "site"
    build_site(kb_graph("kb-malicious"), out, FIXED)
    shown = 0
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        parser = _Live()
        parser.feed(text)
        assert parser.live == [], path
        shown += text.count("pwned")
    assert shown > 20  # the payloads are on the pages, as text
    page_html = (out / "commitments/copenhagen-1990/7.2/index.html").read_text(encoding="utf-8")
    assert "&lt;svg onload=&quot;window.__pwned=&#x27;label&#x27;&quot;&gt;" in page_html  # <title>, escaped
    assert "<p>&#60;script&#62;window.&#95;&#95;pwned &#61; 'block script'&#60;/script&#62;</p>" \
        in page_html  # a paragraph of text, not a script


# -- the command line -------------------------------------------------------------------------

def test_cli_site_build(kb_small, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--kb", str(kb_small), "site", "build", "--out", str(out)]) == EXIT_OK
    assert (out / "index.html").is_file()
    assert "built " in capsys.readouterr().err


def test_cli_site_build_shows_the_checks_verdicts(kb_small, tmp_path):
    """`--checks DIR`: the verdicts of `kbcheck check --out DIR` (report.ttl) are on the pages."""
    from rdflib import Graph

    from checker.graph.export import canonical_turtle

    checks = tmp_path / "checks"
    checks.mkdir()
    judged, plain = with_verdicts(kb_graph("kb-small")), kb_graph("kb-small")
    (checks / "report.ttl").write_text(canonical_turtle(Graph() + (judged - plain)))
    (checks / "verdicts.json").write_text("{}")
    (checks / "report.md").write_text("# Report\n")
    out = tmp_path / "out"
    assert main(["--kb", str(kb_small), "site", "build", "--out", str(out), "--checks", str(checks)]) == EXIT_OK
    matrix = (out / "compliance" / "index.html").read_text(encoding="utf-8")
    assert 'eokb-verdict--violated"><a href="../commitments/copenhagen-1990/7.2/#verdict-xx-2020-assembly"' in matrix
    assert (out / "downloads" / "report.ttl").is_file() and (out / "downloads" / "verdicts.json").is_file()


def test_cli_site_build_invalid_kb_exits_2(kb_small, tmp_path):
    (kb_small / "commitments" / "copenhagen-1990.yaml").write_text("standard: [")
    assert main(["--kb", str(kb_small), "site", "build", "--out", str(tmp_path / "out")]) == EXIT_INVALID
    assert not (tmp_path / "out").exists()


def test_cli_site_build_failure_exits_3(kb_small, tmp_path, monkeypatch):
    _fake_mkdocs(monkeypatch)
    out = _sentinel_site(tmp_path)
    assert main(["--kb", str(kb_small), "site", "build", "--out", str(out)]) == EXIT_INTERNAL
    assert (out / "index.html").read_text() == "the previous site"


def test_malicious_fixture_loads():
    """The payloads sit in free-text fields the loader accepts (so the site must escape them)."""
    graph = kb_graph("kb-malicious")
    statement = graph.value(ID["obs-xx-2020/finding/appointed-seats"], EOKB.statement)
    assert "<script>" in str(statement)
    assert (FIXTURES / "kb-malicious" / "README.md").is_file()


# -- the results page: annex tables, the differences chart and its text table ---------------

def test_results_page_of_the_bundled_kb(tmp_path):
    docs = tmp_path / "docs"
    write_docs(load_and_check(site_build.PROJECT).graph, docs, FIXED)
    folder = docs / "elections/kz/2007-majilis/results"
    text = page(docs, "elections/kz/2007-majilis/results/index.md")
    annex_2 = text.split("{ #odihr-kz-2007-annex-2 }", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\| PS \d+, ", annex_2, re.MULTILINE)) == 15
    assert "| PS 406, Turksibksiy TEC, Almaty City | PEC protocol |" in annex_2
    assert "finding/cec-data-differs-from-observed-protocols/index.md" in annex_2  # the table's citing finding
    assert "finding/ps-45-manghystau-protocol-altered/index.md" in text  # a finding naming a station
    image = re.search(r"!\[([^\]]+)\]\(differences\.png\)", text)
    assert image and "39 of the 42 polling stations" in unescape(image.group(1))
    assert (folder / "differences.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "](results/index.md)" in page(docs, "elections/kz/2007-majilis/index.md")
