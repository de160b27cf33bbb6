"""How the site build scales: synthetic knowledge bases of 100, 1,000 and 5,000 pages.

    .venv/bin/python benchmarks/site_build.py            # 100, 1000, 5000
    .venv/bin/python benchmarks/site_build.py 100 1000   # chosen sizes

For each size it builds the site of a synthetic graph (made with rdflib directly, no YAML)
with `checker.site.build_site` — pages, `mkdocs build --strict`, the link check — and then
a plain MkDocs Material site of as many plain Markdown pages (1.3 KB, a table and five links
each, the navigation listing an index page only, as in docs TOOLING.md). It prints build
time, site size, search-index size and the builder's peak memory, and checks that every page
of our site is reachable by links from the home page and is in the search index.

Target: 5,000 pages in under 60 s and under 300 MB, time growing linearly.
"""

from __future__ import annotations

import json
import posixpath
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rdflib import DCTERMS, RDF, RDFS, SH, SKOS, XSD, Graph, Literal, Namespace  # noqa: E402

from checker.graph.ids import ID_BASE  # noqa: E402

from checker.graph.namespaces import ELI, PREFIXES  # noqa: E402
from checker.site.build import SiteSources, build_site  # noqa: E402
from checker.graph.vocab import EOKB  # noqa: E402

ID = Namespace(ID_BASE)
WORDS = ("election commission candidate party list seat chamber register ballot count observer "
         "vote threshold residency mandate media campaign complaint court deposit signature "
         "polling station protocol turnout district council assembly law article paragraph").split()
VALUES = (EOKB.Violated, EOKB.AtRisk, EOKB.Noted, EOKB.Met, EOKB.NotAssessed)


def words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic_graph(pages: int, seed: int = 7) -> Graph:
    """A knowledge base whose site has about `pages` pages: 10 % commitments, 20 % provisions
    (two versions each), 55 % findings, 10 % recommendations, the rest sections and indexes."""
    rng = random.Random(seed)
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    n_commitments, n_provisions = max(2, pages // 10), max(2, pages // 5)
    n_findings, n_recommendations = max(2, pages * 55 // 100), max(1, pages // 10)
    n_sections = max(1, pages // 50)

    standard = ID["std"]
    g.add((standard, RDF.type, EOKB.Standard))
    g.add((standard, SKOS.prefLabel, Literal("Synthetic Standard")))
    g.add((standard, DCTERMS.title, Literal("A synthetic standard")))
    g.add((standard, EOKB.legalForce, EOKB.PoliticalCommitment))
    commitments = []
    for n in range(n_commitments):
        c = ID[f"std/{n // 10 + 1}.{n % 10 + 1}"]
        commitments.append(c)
        g.add((c, RDF.type, EOKB.Commitment))
        g.add((c, SKOS.inScheme, standard))
        g.add((c, SKOS.prefLabel, Literal(f"Paragraph {n // 10 + 1}.{n % 10 + 1}")))
        g.add((c, SKOS.definition, Literal(words(rng, 14))))
        g.add((standard, SKOS.hasTopConcept, c))

    country = ID["xx"]
    g.add((country, RDF.type, EOKB.Country))
    g.add((country, RDFS.label, Literal("Synthetic Republic")))
    chamber = ID["xx/parliament/assembly"]
    g.add((chamber, RDF.type, EOKB.Chamber))
    g.add((chamber, RDFS.label, Literal("Assembly")))
    g.add((chamber, EOKB.country, country))
    elections = []
    for year in (2016, 2020):
        e = ID[f"xx/{year}-assembly"]
        elections.append(e)
        g.add((e, RDF.type, EOKB.Election))
        g.add((e, DCTERMS.title, Literal(f"Elections to the Assembly, {year}")))
        g.add((e, DCTERMS.date, Literal(f"{year}-03-01", datatype=XSD.date)))
        g.add((e, EOKB.chamber, chamber))
        g.add((e, EOKB.country, country))
        g.add((e, DCTERMS.description, Literal(words(rng, 20))))

    provisions = []
    instruments = [ID[f"xx/law-{i}"] for i in range(max(1, n_provisions // 100))]
    for i, instrument in enumerate(instruments):
        g.add((instrument, RDF.type, EOKB.LegalInstrument))
        g.add((instrument, EOKB.country, country))
        g.add((instrument, RDFS.label, Literal(f"Law {i}")))
        g.add((instrument, ELI.title, Literal(f"Synthetic law number {i}")))
    for n in range(n_provisions):
        instrument = instruments[n % len(instruments)]
        p = ID[f"{str(instrument)[len(ID_BASE):]}/art-{n}"]
        provisions.append(p)
        g.add((p, RDF.type, EOKB.Provision))
        g.add((p, ELI.is_part_of, instrument))
        g.add((p, RDFS.label, Literal(f"Article {n}")))
        g.add((p, ELI.title, Literal(words(rng, 6))))
        for since, until in (("2010-01-01", "2018-12-31"), ("2019-01-01", None)):
            v = ID[f"{str(p)[len(ID_BASE):]}/v/{since}"]
            g.add((v, RDF.type, EOKB.ProvisionVersion))
            g.add((v, ELI.realizes, p))
            g.add((v, ELI.first_date_entry_in_force, Literal(since, datatype=XSD.date)))
            if until:
                g.add((v, ELI.date_no_longer_in_force, Literal(until, datatype=XSD.date)))
            g.add((v, EOKB.datesBasis, Literal("inferred")))
            g.add((v, DCTERMS.description, Literal(words(rng, 18))))

    report = ID["obs-xx-2020"]
    g.add((report, RDF.type, EOKB.ObservationReport))
    g.add((report, DCTERMS.title, Literal("Synthetic observation report")))
    g.add((report, DCTERMS.issued, Literal("2020-05-01", datatype=XSD.date)))
    sections = []
    for n in range(n_sections):
        s = ID[f"obs-xx-2020/section/s{n}"]
        sections.append(s)
        g.add((s, RDF.type, EOKB.ReportSection))
        g.add((s, EOKB.sectionNumber, Literal(str(n + 1))))
        g.add((s, DCTERMS.title, Literal(words(rng, 3))))
        g.add((s, DCTERMS.isPartOf, report))
        g.add((s, EOKB.firstLine, Literal(n * 100 + 1)))
        g.add((s, EOKB.lastLine, Literal(n * 100 + 99)))
    findings = []
    for n in range(n_findings):
        f = ID[f"obs-xx-2020/finding/f{n}"]
        findings.append(f)
        g.add((f, RDF.type, EOKB.Finding))
        g.add((f, EOKB.statement, Literal(words(rng, 25))))
        g.add((f, EOKB.section, sections[n % n_sections]))
        g.add((f, EOKB.election, elections[1]))
        g.add((f, EOKB.firstLine, Literal(n)))
        g.add((f, EOKB.lastLine, Literal(n + 2)))
        g.add((f, EOKB.page, Literal(n // 40 + 1)))
        q = ID[f"obs-xx-2020/finding/f{n}#quote-1"]
        g.add((f, EOKB.quotation, q))
        g.add((q, RDF.type, EOKB.Quotation))
        g.add((q, EOKB.quotedText, Literal(words(rng, 30) + f" unique{n}word")))
        g.add((q, EOKB.quotedFrom, report))
        g.add((q, EOKB.firstLine, Literal(n)))
        g.add((q, EOKB.lastLine, Literal(n + 1)))
        g.add((f, EOKB.concerns, commitments[n % n_commitments]))
        g.add((f, EOKB.concernsProvision, provisions[n % n_provisions]))
    group = ID["obs-xx-2020/rec-group/a"]
    g.add((group, EOKB.letter, Literal("A")))
    g.add((group, DCTERMS.title, Literal("Legal framework")))
    for n in range(n_recommendations):
        r = ID[f"obs-xx-2020/rec/{n + 1}"]
        g.add((r, RDF.type, EOKB.Recommendation))
        g.add((r, EOKB.number, Literal(n + 1)))
        g.add((r, EOKB.group, group))
        q = ID[f"obs-xx-2020/rec/{n + 1}#text"]
        g.add((r, EOKB.quotation, q))
        g.add((q, EOKB.quotedText, Literal(words(rng, 20))))
        g.add((r, EOKB.answers, findings[n % n_findings]))
        g.add((r, EOKB.concerns, commitments[n % n_commitments]))

    shape = Namespace("https://w3id.org/eokb/rules/")["SYN-1"]
    g.add((shape, RDF.type, SH.NodeShape))
    g.add((shape, EOKB.ruleId, Literal("SYN-1")))
    g.add((shape, RDFS.comment, Literal("A synthetic rule.")))
    for n, c in enumerate(commitments):
        g.add((shape, EOKB.expresses, c))
        for e in elections:
            v = ID[f"verdict/{str(e)[len(ID_BASE):]}/{str(c)[len(ID_BASE):]}"]
            g.add((v, RDF.type, EOKB.Verdict))
            g.add((v, EOKB.election, e))
            g.add((v, EOKB.commitment, c))
            g.add((v, EOKB.verdictValue, VALUES[(n + len(str(e))) % len(VALUES)]))
            g.add((v, EOKB.rule, shape))
            g.add((v, EOKB.evidence, findings[n % n_findings]))
            g.add((v, EOKB.evidence, ID[f"{str(provisions[n % n_provisions])[len(ID_BASE):]}/v/2019-01-01"]))
    return g


# -- the plain MkDocs Material site to compare with ------------------------------------------

PLAIN_PAGE = """# Page {n}

Plain page {n} of the comparison site. {text}

| Field | Value |
|---|---|
| number | {n} |
| kind | plain |
| words | {text} |

See [page {a}](../p{a}/index.md), [page {b}](../p{b}/index.md), [page {c}](../p{c}/index.md),
[page {d}](../p{d}/index.md) and [the index](../index.md).
"""


def plain_site(pages: int, work: Path) -> tuple[float, int, int, int]:
    docs = work / "plain-docs"
    docs.mkdir()
    rng = random.Random(1)
    (docs / "index.md").write_text("# Index\n\n" + "".join(f"- [Page {n}](p{n}/index.md)\n" for n in range(pages)))
    for n in range(pages):
        (docs / f"p{n}").mkdir()
        (docs / f"p{n}" / "index.md").write_text(PLAIN_PAGE.format(
            n=n, text=words(rng, 40), a=(n + 1) % pages, b=(n + 7) % pages, c=(n + 31) % pages, d=(n + 101) % pages))
    config = work / "plain.yml"
    config.write_text(f"site_name: plain\ndocs_dir: {docs}\nsite_dir: {work / 'plain-site'}\n"
                      "theme: {name: material, font: false}\nplugins: [search]\nnav: [index.md]\n"
                      "not_in_nav: |\n  /p*/\n")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)], check=True,
                   capture_output=True)
    seconds = time.perf_counter() - started
    site = work / "plain-site"
    return seconds, _size(site), (site / "search" / "search_index.json").stat().st_size, _peak_child_mb()


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _peak_child_mb() -> int:
    """The largest resident memory of any child process so far (MkDocs, the page writers)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024


def _peak_self_mb() -> int:
    """This process's largest resident memory so far (the graph, the page models)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


# -- reachability: by links from the home page, and by search ------------------------------

_HREF = re.compile(r'\shref="([^"#]*)[^"]*"')


def unreachable(site: Path) -> tuple[list[str], list[str]]:
    """Pages no chain of links from the home page reaches; pages missing from the index."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("index.html")}
    seen, queue = set(), ["index.html"]
    while queue:
        page = queue.pop()
        if page in seen:
            continue
        seen.add(page)
        for href in _HREF.findall((site / page).read_text(encoding="utf-8")):
            if not href or href.startswith(("http:", "https:", "mailto:")):
                continue
            target = posixpath.normpath(unquote(urlsplit(urljoin("/" + page, href)).path)).lstrip("/")
            target = posixpath.join(target, "index.html") if not target.endswith(".html") else target
            if target in pages and target not in seen:
                queue.append(target)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {doc["location"].split("#")[0] for doc in index["docs"]}
    missing_search = [p for p in pages if p.removesuffix("index.html") not in indexed and p != "404.html"]
    return sorted(pages - seen), sorted(missing_search)


def run(pages: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="eokb-bench-") as work_name:
        work = Path(work_name)
        graph = synthetic_graph(pages)
        started = time.perf_counter()
        built = build_site(graph, work / "site", SiteSources(kb_version="benchmark"))
        seconds = time.perf_counter() - started
        ours_peak = f"{_peak_self_mb()}/{_peak_child_mb()}"
        site = work / "site"
        html_pages = sum(1 for _ in site.rglob("index.html"))
        no_link, no_search = unreachable(site)
        ours = {"pages": html_pages, "seconds": seconds, "size": _size(site),
                "search": (site / "search" / "search_index.json").stat().st_size, "peak_mb": ours_peak,
                "unreachable": len(no_link), "not_in_search": len(no_search), "triples": len(graph),
                "generated": built.pages}
        shutil.rmtree(site)
        plain_seconds, plain_size, plain_search, plain_peak = plain_site(html_pages, work)
        plain = {"seconds": plain_seconds, "size": plain_size, "search": plain_search, "peak_mb": plain_peak}
    return {"ours": ours, "plain": plain}


def main(sizes: list[int]) -> int:
    mb = 1024 * 1024
    print(f"{'pages':>6} | {'site build':>10} | {'s/1000 pages':>12} | {'site size':>9} | {'search index':>12} | "
          f"{'peak RSS MB, us/MkDocs':>22} | {'reachable':>9} | {'plain MkDocs':>12} | {'plain size':>10} | "
          f"{'plain index':>11}")
    failed = False
    for size in sizes:
        result = run(size)
        ours, plain = result["ours"], result["plain"]
        reachable = "all" if not ours["unreachable"] and not ours["not_in_search"] else \
            f"{ours['unreachable']}/{ours['not_in_search']} not"
        print(f"{ours['pages']:>6} | {ours['seconds']:>8.1f} s | {1000 * ours['seconds'] / ours['pages']:>10.1f} s | "
              f"{ours['size'] / mb:>6.1f} MB | {ours['search'] / mb:>9.2f} MB | {ours['peak_mb']:>22} | "
              f"{reachable:>9} | {plain['seconds']:>10.1f} s | {plain['size'] / mb:>7.1f} MB | "
              f"{plain['search'] / mb:>8.2f} MB", flush=True)
        failed |= reachable != "all"
        if size >= 5000:
            failed |= ours["seconds"] >= 60 or ours["size"] >= 300 * mb
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000]))
