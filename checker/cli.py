"""`kbcheck`: the command line. Only wiring: each command calls the stages and turns their
outcome into an exit code.

Exit codes (the same for every command):
  0  done; no result at or above the failing severity
  1  results at or above the failing severity (commands that judge commitments)
  2  the knowledge base is invalid, or the command line is wrong
  3  internal error
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

from checker.common import atomic
from checker.kb.errors import CATALOGUE, Problems

EXIT_OK, EXIT_RESULTS, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on a usage error, which is our 'invalid input': never 1."""

    def error(self, message: str):  # noqa: D102
        self.print_usage(sys.stderr)
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kbcheck", description="Election commitments knowledge base: load, check, publish.")
    parser.add_argument("--kb", type=Path, default=Path("."), help="knowledge base folder (default: the current one)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = commands.add_parser("build", help="the main job: validate, export the graph, check, write "
                                "the reports, build the site (violations do not stop it)")
    build.add_argument("--out", type=Path, default=Path("build"), help="output folder (default: build)")
    commands.add_parser("validate", help="load the knowledge base and report every problem")
    check = commands.add_parser("check", help="judge every commitment for every election")
    _judging_options(check)
    check.add_argument("--out", type=Path, help="write verdicts.json, results.sarif, junit.xml, report.md and "
                       "report.ttl to this folder, all from one run")
    check.add_argument("--fail-on", choices=("violation", "warning", "info", "none"), default="violation",
                       help="exit 1 when an unwaived result is at or above this severity (default: violation)")
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
    simulate.add_argument("--election", help="the election judged (default: the latest)")
    simulate.add_argument("--format", choices=("text", "json", "md"), default="text")
    _engine_option(simulate)
    commands.add_parser("verify-quotes", help="check every quotation against the source text")
    commands.add_parser("coverage", help="how completely each report is encoded")
    # -- issue 7: the report's numeric claims recomputed from the annex data --------------------
    claims = commands.add_parser("claims", help="recompute every numeric claim of the reports from their "
                                 "annex data, and say whether it agrees")
    claims.add_argument("--json", action="store_true", help="print a JSON list of the claims instead of a table")
    commands.add_parser("errors", help="list the catalogue of error ids")
    commands.add_parser("rules", help="list the rules: id, severity, commitments, what each checks")
    schemas = commands.add_parser("schemas", help="write the JSON Schemas of the YAML formats")
    schemas.add_argument("--check", action="store_true", help="fail if the shipped schemas are out of date")
    _site_parser(commands)
    return parser


# -- site (checker/site): the published site -------------------------------------------------

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


def _site_graph(args):
    """The graph the site shows: the knowledge base and its rules' descriptions; None if invalid."""
    from checker.judge.rules import load_rules
    from checker.site.build import with_rule_descriptions

    kb, graph = _load_valid(args)
    if kb is None:
        return None
    shapes, _ = load_rules(args.kb)
    site_graph = with_rule_descriptions(graph, shapes)
    verdicts = args.checks / "report.ttl" if getattr(args, "checks", None) else None
    if verdicts is not None and verdicts.is_file():
        site_graph.parse(verdicts, format="turtle")  # the checker's verdicts (`kbcheck check --out`)
    return site_graph


def _site(args) -> int:
    from checker.site import SiteBuildError, SiteSources, build_site, kb_version, serve_site

    graph = _site_graph(args)
    if graph is None:
        return EXIT_INVALID
    sources = SiteSources(checks=getattr(args, "checks", None), rule_tests=args.kb / "tests" / "rules",
                          kb_version=kb_version(args.kb))
    if (args.kb / "mkdocs.yml").is_file() and (args.kb / "site").is_dir():  # the knowledge base's own
        sources.mkdocs_yml, sources.hand_written = args.kb / "mkdocs.yml", args.kb / "site"
    if args.site_command == "serve":
        watched = [args.kb / part for part in ("commitments", "law", "findings", "rules")]
        try:
            serve_site(lambda: _site_graph(args), sources, watched, args.address, graph)
        except KeyboardInterrupt:
            pass  # the normal end of a preview
        return EXIT_OK
    try:
        built = build_site(graph, args.out, sources)
    except SiteBuildError as error:
        print(f"kbcheck site build: {error}\nThe previous site is unchanged.", file=sys.stderr)
        return EXIT_INTERNAL
    print(f"built {built.pages} pages into {built.out} in {built.seconds:.1f} s", file=sys.stderr)
    return EXIT_OK

# -- end of site -------------------------------------------------------------------------------


def _date(text: str):
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date YYYY-MM-DD") from None


def _judging_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", type=_date, help="judge every election by the law in force on this day")
    # issue 7: oxigraph runs the same shapes as whole-graph queries (national data)
    _engine_option(parser)


def _engine_option(parser: argparse.ArgumentParser) -> None:
    """One declaration of --engine for every command that judges."""
    parser.add_argument("--engine", choices=("pyshacl", "oxigraph"), default="pyshacl",
                        help="SHACL engine: pyshacl (the reference) or oxigraph (fast, for national data)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return EXIT_INTERNAL
    except BrokenPipeError:  # the reader stopped early (kbcheck rules | head): not an error
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except Exception:  # noqa: BLE001 - the one place an unexpected error becomes exit 3
        traceback.print_exc()
        print("kbcheck: internal error (a bug: please report it with the trace above)", file=sys.stderr)
        return EXIT_INTERNAL


def _print_problems(problems: Problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) found", file=sys.stderr)


def _load_valid(args):
    """Load, verify quotations, build the graph; (None, None) after printing problems."""
    from checker.pipeline import load_and_check

    started = time.perf_counter()
    loaded = load_and_check(args.kb)
    if loaded.problems:
        _print_problems(loaded.problems)
        return None, None
    elapsed = time.perf_counter() - started
    print(f"loaded {len(loaded.kb.files)} files, {len(loaded.kb.index)} records, "
          f"{loaded.quotes.checked} quotations, {len(loaded.graph)} triples in {elapsed:.2f} s", file=sys.stderr)
    return loaded.kb, loaded.graph


def _validate(args) -> int:
    kb, graph = _load_valid(args)
    return EXIT_INVALID if kb is None else EXIT_OK


def _export(args) -> int:
    from checker.graph.export import serialize

    kb, graph = _load_valid(args)
    if kb is None:
        return EXIT_INVALID
    text = serialize(graph, args.format)
    if args.output:
        atomic.write_text(args.output, text)
        print(f"wrote {args.output} ({len(graph)} triples)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _build(args) -> int:
    from checker.main_job import run_build
    from checker.site import SiteBuildError

    try:
        outcome = run_build(args.kb, args.out)
    except SiteBuildError as error:
        print(f"kbcheck build: {error}\nThe previous site is unchanged.", file=sys.stderr)
        return EXIT_INTERNAL
    if outcome.problems:
        for problem in outcome.problems:
            print(problem, file=sys.stderr)
        print(f"{len(outcome.problems)} problem(s) found; nothing was written", file=sys.stderr)
        return EXIT_INVALID
    print(f"wrote {', '.join(str(p) for p in outcome.written)}", file=sys.stderr)
    return EXIT_OK


def _judgement(args, kb, graph):
    from checker.judge.check import run_check

    return run_check(args.kb, graph, as_of=args.as_of, engine=args.engine)


def _check(args) -> int:
    from checker.reports import terminal
    from checker.judge.check import failing
    from checker.reports.outputs import write_outputs  # outputs (issue 5, 10-11): every report from one run
    from checker.common.progress import Progress

    progress = Progress(sys.stderr)  # stage names and elapsed time, on a terminal only
    with progress.stage("loading"):
        kb, graph = _load_valid(args)
    if kb is None:
        return EXIT_INVALID
    with progress.stage("judging"):
        judgement = _judgement(args, kb, graph)
    sys.stdout.write(terminal.render(judgement, sys.stdout))
    if args.out:
        with progress.stage("writing the reports"):
            written = write_outputs(judgement, graph, args.out)
        print(f"wrote {', '.join(path.name for path in written)} to {args.out}", file=sys.stderr)
    return EXIT_RESULTS if failing(judgement, args.fail_on) else EXIT_OK


def _scenario(args, name: str, run, render) -> int:
    """diff and simulate: load, judge with the scenario, print; a request naming what the
    knowledge base does not have is invalid input (2)."""
    from checker.judge.rules import load_rules
    from checker.judge.scenarios import ScenarioError

    kb, graph = _load_valid(args)
    if kb is None:
        return EXIT_INVALID
    shapes, rules = load_rules(args.kb)
    try:
        outcome = run(graph, shapes, rules)
    except ScenarioError as error:
        print(f"kbcheck {name}: {error}", file=sys.stderr)
        return EXIT_INVALID
    sys.stdout.write(render(outcome))
    return EXIT_OK


def _diff(args) -> int:
    from checker.reports.scenarios import render_diff
    from checker.judge.scenarios import diff

    return _scenario(
        args, "diff",
        lambda graph, shapes, rules: diff(graph, shapes, rules, args.day_from, args.day_to, args.election, args.engine),
        lambda changes: render_diff(changes, args.day_from, args.day_to, args.format))


def _simulate(args) -> int:
    from checker.reports.scenarios import render_simulation
    from checker.judge.scenarios import simulate

    return _scenario(
        args, "simulate",
        lambda graph, shapes, rules: simulate(graph, shapes, rules, args.apply.split(","), args.election, args.engine),
        lambda result: render_simulation(result, args.format))


def _verify_quotes(args) -> int:
    from checker.kb.load import load
    from checker.kb.quotes import check_quotes

    kb = load(args.kb)
    problems = Problems()
    tally = check_quotes(kb, problems)
    if problems:
        _print_problems(problems)
    print(f"{tally.checked - tally.failed} of {tally.checked} quotations verified", file=sys.stderr)
    return EXIT_INVALID if problems else EXIT_OK


def _coverage(args) -> int:
    from checker.kb.coverage import coverage, render

    kb, graph = _load_valid(args)
    if kb is None:
        return EXIT_INVALID
    for report in kb.records("report"):
        print(render(coverage(kb, report.id)))
    return EXIT_OK


def _rules(args) -> int:
    from checker.judge.rules import load_rules

    for rule in load_rules(args.kb)[1]:
        print(f"{rule.id:<34} {rule.severity:<9} {', '.join(rule.commitments):<24} {rule.label}")
    return EXIT_OK


def _errors(args) -> int:
    for kind in CATALOGUE.values():
        print(f"{kind.id}  {kind.title}: {kind.hint}")
    return EXIT_OK


def _schemas(args) -> int:
    from checker.kb.schemas import write_schemas

    stale = write_schemas(args.kb, check_only=args.check)
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path}", file=sys.stderr)
    return EXIT_INVALID if (args.check and stale) else EXIT_OK


def _claims(args) -> int:
    """Issue 7: `kbcheck claims`; 0 also when claims disagree (that is a finding about the report)."""
    from checker.results.claims import evaluate, render_json, render_table

    kb, graph = _load_valid(args)
    if kb is None:
        return EXIT_INVALID
    results, problems = evaluate(kb, graph)
    if problems:
        _print_problems(problems)
        return EXIT_INVALID
    sys.stdout.write(render_json(results) if args.json else render_table(results, graph))
    return EXIT_OK


COMMANDS = {
    "build": _build,
    "validate": _validate,
    "check": _check,
    "diff": _diff,
    "simulate": _simulate,
    "export": _export,
    "verify-quotes": _verify_quotes,
    "coverage": _coverage,
    "claims": _claims,  # issue 7
    "errors": _errors,
    "rules": _rules,
    "schemas": _schemas,
    "site": _site,
}

if __name__ == "__main__":
    sys.exit(main())
