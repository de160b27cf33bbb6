"""The commands: each calls the stages and turns their outcome into an exit code."""

from __future__ import annotations

import sys

from checker.cli.common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, load_valid, print_problems
from checker.cli.gate import check_command, lock_command
from checker.cli.site import site
from checker.common import atomic
from checker.kb.errors import CATALOGUE, Problems


def _validate(args) -> int:
    kb, graph = load_valid(args)
    if kb is None:
        return EXIT_INVALID
    return _lint_rules(args)


def _lint_rules(args) -> int:
    """Issue 17: every rule runs on every engine, or exit 2 with each rule's file and line."""
    from checker.judge.lint import lint_rules

    problems = lint_rules(args.kb)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} rule problem(s) found", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _export(args) -> int:
    from checker.graph.export import serialize

    kb, graph = load_valid(args)
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


def _scenario(args, name: str, run, render) -> int:
    """diff and simulate: load, judge with the scenario, print; a request naming what the
    knowledge base does not have is invalid input (2)."""
    from checker.judge.rules import load_rules
    from checker.judge.scenarios import ScenarioError

    kb, graph = load_valid(args)
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
    from checker.judge.simulate import simulate
    from checker.reports.scenarios import render_simulation

    return _scenario(
        args, "simulate",
        lambda graph, shapes, rules: simulate(graph, shapes, rules, args.apply.split(","), args.election, args.engine),
        lambda result: render_simulation(result, args.format))


def _followup(args) -> int:
    from checker.judge.check import SelectionError
    from checker.judge.followup import follow_up
    from checker.reports.followup import render_json, render_text

    kb, graph = load_valid(args)
    if kb is None:
        return EXIT_INVALID
    try:
        found = follow_up(graph, args.country)
    except SelectionError as error:
        print(f"kbcheck followup: {error}", file=sys.stderr)
        return EXIT_INVALID
    sys.stdout.write(render_json(found) if args.format == "json" else render_text(found))
    return EXIT_OK


def _verify_quotes(args) -> int:
    from checker.kb.load import load
    from checker.kb.quotes import check_quotes

    kb = load(args.kb)
    problems = Problems()
    problems.items.extend(p for p in kb.problems if p.id.startswith("KB3"))  # source texts: missing, stale SHA-256
    tally = check_quotes(kb, problems)
    if problems:
        print_problems(problems)
    print(f"{tally.checked - tally.failed} of {tally.checked} quotations verified", file=sys.stderr)
    return EXIT_INVALID if problems else EXIT_OK


def _coverage(args) -> int:
    from checker.kb.coverage import coverage, render

    kb, graph = load_valid(args)
    if kb is None:
        return EXIT_INVALID
    for report in kb.records("report"):
        print(render(coverage(kb, report.id)))
    return EXIT_OK


def _rules(args) -> int:
    from checker.judge.parameters import declared
    from checker.judge.rules import RuleError, load_rules

    if args.check:
        status = _lint_rules(args)
        if status != EXIT_OK:
            return status
        try:
            count = len(load_rules(args.kb)[1])
        except RuleError as error:
            print(f"kbcheck rules: {error}", file=sys.stderr)
            return EXIT_INVALID
        print(f"{count} rules; every engine runs them", file=sys.stderr)
        return EXIT_OK
    shapes, rules = load_rules(args.kb)
    for rule in rules:
        print(f"{rule.id:<34} {rule.severity:<9} {rule.scope:<8} {', '.join(rule.commitments):<24} {rule.label}")
    parameters = declared(shapes)
    if parameters:
        print("\nParameters (set another value in parameters.yaml):")
        for parameter in parameters.values():
            users = ", ".join(r.id for r in rules if parameter.id in r.parameters)
            print(f"{parameter.id:<34} {parameter.describe()} [used by {users}]")
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
    from checker.reports.claims import render_json, render_table
    from checker.results.claims import evaluate

    kb, graph = load_valid(args)
    if kb is None:
        return EXIT_INVALID
    results, problems = evaluate(kb, graph)
    if problems:
        print_problems(problems)
        return EXIT_INVALID
    sys.stdout.write(render_json(results) if args.json else render_table(results, graph))
    return EXIT_OK


def _results(args) -> int:
    """Issue 15: `kbcheck results --election ID`; 0 also when relations fail (those are findings)."""
    import json

    from checker.pipeline import load_and_check
    from checker.reports.national import flagged_csv, render_text
    from checker.results.national.figures import as_json

    loaded = load_and_check(args.kb)
    if loaded.problems:
        print_problems(loaded.problems)
        return EXIT_INVALID
    dataset = loaded.datasets.get(args.election)
    if dataset is None:
        known = ", ".join(sorted(loaded.datasets)) or "none"
        print(f"kbcheck results: no results dataset for election '{args.election}' (datasets: {known})",
              file=sys.stderr)
        return EXIT_INVALID
    figures = loaded.figures[args.election]
    if args.flagged:
        atomic.write_text(args.flagged, flagged_csv(figures))
    data = as_json(figures, args.election)
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n" if args.json else render_text(data, dataset))
    return EXIT_OK


def _scaffold(args) -> int:
    """Issue 13: write a new report's skeleton; 2 when it cannot (a bad id, a folder in the way)."""
    from checker.kb.scaffold.write import ScaffoldError, scaffold
    from checker.reports.scaffold import render_written

    try:
        written = scaffold(args.source, args.report, args.kb, args.out, args.country, args.law, args.force)
    except ScaffoldError as error:
        print(f"kbcheck scaffold: {error}", file=sys.stderr)
        return EXIT_INVALID
    sys.stdout.write(render_written(written))
    return EXIT_OK


COMMANDS = {
    "build": _build,
    "validate": _validate,
    "check": check_command,
    "lock": lock_command,
    "diff": _diff,
    "simulate": _simulate,
    "followup": _followup,
    "export": _export,
    "verify-quotes": _verify_quotes,
    "coverage": _coverage,
    "claims": _claims,  # issue 7
    "scaffold": _scaffold,  # issue 13
    "results": _results,  # issue 15
    "errors": _errors,
    "rules": _rules,
    "schemas": _schemas,
    "site": site,
}

