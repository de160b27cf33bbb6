"""Building the site: pages from the graph, `mkdocs build --strict`, a check of every link,
and only then the new site in place of the old.

The Markdown is generated into a temporary folder beside the hand-written pages of `site/`
(never committed); MkDocs builds into a staging folder beside the output; if MkDocs or the
link check fails, the staging folder is removed and the previous site stays as it was.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import BNode, Graph

from checker.common import atomic
from checker.site.downloads import graph_fingerprint, write_downloads
from checker.site.linkcheck import BrokenLink, check_links
from checker.site.pages import BuildInfo, Site, page_jobs
from checker.site.pages.conduct import write_media_charts
from checker.site.pages.national import national_pages
from checker.site.pages.results import write_charts
from checker.site.render import write_pages
from checker.site.verdicts import Verdicts
from checker.site.view import View
from checker.graph.vocab import EOKB

PROJECT = Path(__file__).resolve().parents[2]
MKDOCS_YML = PROJECT / "mkdocs.yml"
HAND_WRITTEN = PROJECT / "site"
INTRO = "intro.md"  # included in the generated home page, not a page of its own
# Without the theme's banner about its successor, which would bury MkDocs' own warnings.
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class SiteBuildError(Exception):
    """MkDocs failed or the built site has broken links; the previous site is untouched."""

    def __init__(self, message: str, broken: list[BrokenLink] | None = None) -> None:
        super().__init__(message)
        self.broken = broken or []


@dataclass
class SiteSources:
    """Everything besides the graph a build reads; defaults are the project's own."""

    mkdocs_yml: Path = MKDOCS_YML
    hand_written: Path = HAND_WRITTEN
    checks: Path | None = None  # the checker's outputs (JSON, SARIF, JUnit) to offer as downloads
    rule_tests: Path | None = None  # folders of rule test cases: <rule id>/<case>/
    kb_version: str = "unversioned"
    built_on: datetime.date | None = None
    national: dict = field(default_factory=dict)  # election id → (its results-dataset record, NationalFigures)


@dataclass
class BuiltSite:
    out: Path
    pages: int
    seconds: float


def rule_cases(folder: Path | None) -> dict[str, list[str]]:
    """The test cases of each rule, by name: what `<folder>/<rule id>/` holds (tests/rules)."""
    if folder is None or not Path(folder).is_dir():
        return {}
    return {rule.name: sorted(case.stem for case in rule.iterdir() if not case.name.startswith("."))
            for rule in sorted(Path(folder).iterdir()) if rule.is_dir()}


def with_rule_descriptions(graph: Graph, shapes: Graph) -> Graph:
    """The graph plus what the rule catalogue shows of each rule: the triples of every shape
    that has an `eokb:ruleId`, leaving out its constraints (blank nodes, SPARQL)."""
    combined = Graph()
    for prefix, namespace in graph.namespaces():
        combined.bind(prefix, namespace)
    combined += graph
    for shape in set(shapes.subjects(EOKB.ruleId, None)):
        for predicate, value in shapes.predicate_objects(shape):
            if not isinstance(value, BNode):
                combined.add((shape, predicate, value))
    return combined


def write_docs(graph: Graph, docs: Path, sources: SiteSources) -> int:
    """The MkDocs docs folder: hand-written pages, downloads and one page per record."""
    shutil.copytree(sources.hand_written, docs, ignore=shutil.ignore_patterns(INTRO, ".*"), dirs_exist_ok=True)
    downloads = write_downloads(graph, docs / "downloads", sources.checks)
    view = View(graph)
    info = BuildInfo(sources.built_on or datetime.date.today(),
                     f"{sources.kb_version} (graph {graph_fingerprint(downloads)})")
    site = Site(view, Verdicts(view), info, downloads, rule_cases(sources.rule_tests))
    site.charts = write_charts(site, docs)  # PNGs beside the results pages, drawn from the graph
    site.conduct_charts = write_media_charts(site, docs)  # and beside the conduct pages
    site.national = national_pages(sources.national, docs, _results_folders(site))  # issue 15
    intro_file = Path(sources.hand_written) / INTRO
    intro = intro_file.read_text(encoding="utf-8") if intro_file.exists() else ""
    return write_pages(page_jobs(site, intro), docs)


def _results_folders(site: Site) -> dict[str, str]:
    """The folder of each election's results page in the docs (beside its page), by election id."""
    from checker.site import urls

    folders = {}
    for election in site.elections:
        page, election_id = site.view.target(election), urls.record_id(election)
        if page is not None and election_id is not None:
            folders[election_id] = page.path.removesuffix("index.md") + "results/"
    return folders


def mkdocs_config(work: Path, docs: Path, site_dir: Path, sources: SiteSources) -> Path:
    """A configuration that inherits the project's mkdocs.yml, pointed at the generated docs."""
    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"INHERIT": str(Path(sources.mkdocs_yml).resolve()),
                                      "docs_dir": str(docs.resolve()), "site_dir": str(Path(site_dir).resolve())}))
    return config


def run_mkdocs(config: Path) -> None:
    # Not --quiet: it silences MkDocs' warnings before --strict can count them, and the build
    # then passes whatever it warns about.
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                          capture_output=True, text=True, env=MKDOCS_ENV)
    if done.returncode != 0:
        output = (done.stderr + done.stdout).splitlines()
        shown = [line for line in output if not line.startswith("INFO")] or output
        raise SiteBuildError("mkdocs build --strict failed:\n" + "\n".join(shown[-30:]))


def build_site(graph: Graph, out: Path, sources: SiteSources | None = None) -> BuiltSite:
    """Build the site of `graph` into `out`, replacing the previous site only on success."""
    started = time.perf_counter()
    sources = sources or SiteSources()
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="eokb-site-") as work_name:
        work = Path(work_name)
        pages = write_docs(graph, work / "docs", sources)
        staged = atomic.staging_dir(out)
        try:
            run_mkdocs(mkdocs_config(work, work / "docs", staged, sources))
            broken = check_links(staged)
            if broken:
                shown = "\n".join(f"  {b}" for b in broken[:20])
                raise SiteBuildError(f"{len(broken)} broken link(s) in the built site:\n{shown}", broken)
            atomic.replace_dir(staged, out)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    return BuiltSite(out, pages, time.perf_counter() - started)


def kb_version(root: Path) -> str:
    """The knowledge base's version for the home page: `git describe`, if it is a repository."""
    try:
        done = subprocess.run(["git", "-C", str(root), "describe", "--always", "--dirty", "--tags"],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unversioned"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unversioned"
