"""The commands: each calls the stages and turns their outcome into an exit code."""

from __future__ import annotations

import sys

from checker.cli.common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_RESULTS, load_valid, print_problems
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
        kb, graph = load_valid(args)
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

    kb, graph = load_valid(args)
    if kb is None:
        return EXIT_INVALID
    results, problems = evaluate(kb, graph)
    if problems:
        print_problems(problems)
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
    "site": site,
}

