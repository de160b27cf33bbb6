"""The command line's options, declared once: every command, its options and their help.

`--kb` is accepted before or after the command (`kbcheck --kb DIR check` and
`kbcheck check --kb DIR` are the same).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker.cli.common import EXIT_INVALID


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error, which is our 'invalid input': never 1."""

    def error(self, message: str):  # noqa: D102
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


def parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kbcheck", description="Election commitments knowledge base: load, check, publish.")
    parser.add_argument("--kb", type=Path, default=Path("."), help=KB_HELP)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = commands.add_parser("build", help="the main job: validate, export the graph, check, write "
                                "the reports, build the site (violations do not stop it)")
    build.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build)")
    commands.add_parser("validate", help="load the knowledge base and report every problem, the rules' "
                        "included (`rules --check`)")
    check = commands.add_parser("check", help="judge every commitment for every election")
    _judging_options(check)
    check.add_argument("--out", type=Path, help="write verdicts.json, results.sarif, junit.xml, report.md and "
                       "report.ttl to this folder, all from one run")
    check.add_argument("--fail-on", choices=("violation", "warning", "info", "none"),
                       help="exit 1 when an unwaived result is at or above this severity (default: violation "
                       "without a verdicts.lock, none with one: then only a verdict that differs from the lock fails)")
    check.add_argument("--update-lock", action="store_true",
                       help="write verdicts.lock from this run (the verdicts are accepted as reviewed)")
    check.add_argument("--summary", type=Path, help="append the differences from verdicts.lock as Markdown to this "
                       "file (e.g. $GITHUB_STEP_SUMMARY)")
    lock = commands.add_parser("lock", help="write verdicts.lock: the reviewed verdicts that `kbcheck check` "
                               "compares with")
    _engine_option(lock)
    export = commands.add_parser("export", help="write the graph")
    export.add_argument("--format", choices=("ttl", "jsonld", "nt"), default="ttl")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    diff = commands.add_parser("diff", help="verdicts that change between the law of two days")
    diff.add_argument("--from", dest="day_from", type=_date, required=True, help="first day, YYYY-MM-DD")
    diff.add_argument("--to", dest="day_to", type=_date, required=True, help="second day, YYYY-MM-DD")
    diff.add_argument("--election", help="the election judged (default: the one held on --to)")
    diff.add_argument("--format", choices=("text", "json", "md", "ttl"), default="text")
    _engine_option(diff)
    simulate = commands.add_parser("simulate", help="re-check with recommendations' fact changes applied")
    simulate.add_argument("--apply", required=True, help="recommendations, e.g. A3,A5 or 1,2 or full ids")
    simulate.add_argument("--election", help="the election judged (default: each recommendation's own report's "
                          "elections)")
    simulate.add_argument("--format", choices=("text", "json", "md"), default="text")
    _engine_option(simulate)
    followup = commands.add_parser("followup", help="each recommendation's history across reports: its status "
                                   "over time, the later reports' assessments, the recommendations that repeat it")
    followup.add_argument("--country", help="only this country's reports (its id, e.g. xx)")
    followup.add_argument("--format", choices=("text", "json"), default="text")
    commands.add_parser("verify-quotes", help="check every quotation against the source text")
    commands.add_parser("coverage", help="how completely each report is encoded")
    # -- issue 7: the report's numeric claims recomputed from the annex data --------------------
    claims = commands.add_parser("claims", help="recompute every numeric claim of the reports from their "
                                 "annex data, and say whether it agrees")
    claims.add_argument("--json", action="store_true", help="print a JSON list of the claims instead of a table")
    # -- issue 15: a national results dataset's figures ------------------------------------------
    results = commands.add_parser("results", help="a national results dataset's figures: totals, the protocol's "
                                  "control relations, integer percentages, by region")
    results.add_argument("--election", required=True, help="the election's id, e.g. xx/2020-assembly")
    results.add_argument("--json", action="store_true", help="print the figures as JSON")
    results.add_argument("--flagged", type=Path, help="also write every flagged station to this CSV file")
    # -- issue 13: a new report's skeleton from its text ------------------------------------------
    scaffold = commands.add_parser("scaffold", help="start a new report: its folder of YAML files read from its "
                                   "plain text (pages, sections, recommendations, candidate citations)")
    scaffold.add_argument("source", type=Path, help="the report's plain text, as `pdftotext -layout` gives it")
    scaffold.add_argument("--report", required=True, help="the report's id, <publisher>-<country>-<year>")
    scaffold.add_argument("--country", help="the country's id (default: the country part of the report id)")
    scaffold.add_argument("--law", help="the instrument a bare 'Article N.M' of the report cites (written as "
                          "cites_articles_of; the candidates resolve articles to it)")
    scaffold.add_argument("--out", type=Path, help="the folder to write (default: findings/<report> in --kb)")
    scaffold.add_argument("--force", action="store_true", help="replace the folder if it exists")
    commands.add_parser("errors", help="list the catalogue of error ids")
    rules = commands.add_parser("rules", help="list the rules: id, severity, commitments, what each checks")
    # issue 17: a rule some engine refuses would make the verdict depend on --engine
    rules.add_argument("--check", action="store_true", help="fail (exit 2) if any engine would refuse a rule, "
                       "naming its file and line; `validate` runs this check too")
    schemas = commands.add_parser("schemas", help="write the JSON Schemas of the YAML formats")
    schemas.add_argument("--check", action="store_true", help="fail if the shipped schemas are out of date")
    _site_parser(commands)
    _kb_after_the_command(parser)
    return parser


KB_HELP = "knowledge base folder (default: the current one)"


def _kb_after_the_command(parser: argparse.ArgumentParser) -> None:
    """Every command takes --kb too; given there, it wins over the one before the command (its
    default is to leave the value before the command as it is)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                command.add_argument("--kb", type=Path, default=argparse.SUPPRESS, help=KB_HELP)
                _kb_after_the_command(command)


def _site_parser(commands) -> None:
    site = commands.add_parser("site", help="the published site: build it, or preview it live")
    site_commands = site.add_subparsers(dest="site_command", required=True, parser_class=_Parser)
    build = site_commands.add_parser("build", help="build with `mkdocs build --strict`, check every link, "
                                     "then replace the previous site (never on failure)")
    build.add_argument("--out", type=Path, default=Path("build/site"), help="output folder (default: build/site)")
    build.add_argument("--checks", type=Path, help="the folder `kbcheck check --out` wrote: its verdicts "
                       "(report.ttl) are shown, its results offered as downloads")
    serve = site_commands.add_parser("serve", help="live preview, regenerated when the knowledge base changes")
    serve.add_argument("--address", default="127.0.0.1:8000", help="host:port to serve on (default: 127.0.0.1:8000)")


def _date(text: str):
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date YYYY-MM-DD") from None


def _judging_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", type=_date, help="judge every election by the law in force on this day")
    _selection_options(parser)
    # issue 7: oxigraph runs the same shapes as whole-graph queries (national data)
    _engine_option(parser)


def _selection_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--election", help="judge only this election (its id, e.g. xx/2020-assembly)")
    parser.add_argument("--country", help="judge only this country's elections (its id, e.g. xx)")


ENGINE_NAMES = ("pyshacl", "jena", "oxigraph")  # checker.judge.engines.ENGINES (tests/test_lint.py checks)


def _engine_option(parser: argparse.ArgumentParser) -> None:
    """One declaration of --engine for every command that judges."""
    parser.add_argument("--engine", choices=ENGINE_NAMES, default="pyshacl",
                        help="SHACL engine: pyshacl (the reference), jena (Apache Jena from Debian; the engine for "
                             "national data) or oxigraph (ours: whole-graph SPARQL)")
