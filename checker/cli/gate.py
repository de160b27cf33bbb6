"""`kbcheck check` as the experts' CI gate, and `kbcheck lock`.

With a `verdicts.lock` in the knowledge base, `check` exits 1 when a computed verdict differs
from it (changed, new or gone) or disagrees with the report's own verdict, printing each
difference with what caused it; `--fail-on SEVERITY` gates on severity as well. Without a lock it
gates on severity (default: violation), as before, and says how to create one.
"""

from __future__ import annotations

import sys

from checker.cli.common import EXIT_INVALID, EXIT_OK, EXIT_RESULTS, load_valid
from checker.common import atomic
from checker.reports import lock


def _judge(args):
    from checker.judge.check import SelectionError, run_check, select

    kb, graph = load_valid(args)
    if kb is None:
        return None, None
    judgement = run_check(args.kb, graph, as_of=getattr(args, "as_of", None), engine=args.engine)
    try:
        return graph, select(judgement, graph, getattr(args, "election", None), getattr(args, "country", None))
    except SelectionError as error:
        print(f"kbcheck: {error}", file=sys.stderr)
        return None, None


def lock_command(args) -> int:
    graph, judgement = _judge(args)
    if judgement is None:
        return EXIT_INVALID
    path = args.kb / lock.LOCK_NAME
    atomic.write_text(path, lock.render(judgement))
    print(f"wrote {path} ({len(judgement.verdicts)} verdicts)", file=sys.stderr)
    return EXIT_OK


def check_command(args) -> int:
    from checker.common.progress import Progress
    from checker.judge.check import failing
    from checker.reports import terminal
    from checker.reports.outputs import write_outputs

    progress = Progress(sys.stderr)  # stage names and elapsed time, on a terminal only
    with progress.stage("loading and judging"):
        graph, judgement = _judge(args)
    if judgement is None:
        return EXIT_INVALID
    sys.stdout.write(terminal.render(judgement, sys.stdout))
    if args.out:
        with progress.stage("writing the reports"):
            written = write_outputs(judgement, graph, args.out)
        print(f"wrote {', '.join(path.name for path in written)} to {args.out}", file=sys.stderr)
    path = args.kb / lock.LOCK_NAME
    if args.update_lock and (args.election or args.country):
        print("kbcheck: --update-lock writes the whole lock: run it without --election and --country",
              file=sys.stderr)
        return EXIT_INVALID
    if args.update_lock:
        atomic.write_text(path, lock.render(judgement))
        print(f"wrote {path} ({len(judgement.verdicts)} verdicts)", file=sys.stderr)
    gated = path.is_file() and args.as_of is None
    fail_on = args.fail_on or ("none" if gated else "violation")
    blocking = bool(failing(judgement, fail_on))
    if gated:
        try:
            locked = lock.parse(path)
            if args.election or args.country:  # compare the selection with its own lines only
                chosen = {v.election for v in judgement.verdicts}
                locked = {key: entry for key, entry in locked.items() if key[0] in chosen}
            found = lock.differences(judgement, locked)
        except lock.LockError as error:
            print(f"{error}", file=sys.stderr)
            return EXIT_INVALID
        disagree = lock.disagreements(judgement)
        print("\n" + lock.render_differences(found, disagree), end="")
        if args.summary:
            with open(args.summary, "a", encoding="utf-8") as summary:
                summary.write(lock.render_differences(found, disagree, markdown=True))
        blocking = blocking or bool(lock.failing(found)) or bool(disagree)
    elif args.as_of is None:
        print(f"\nNo {lock.LOCK_NAME} here: failing on results at or above '{fail_on}'. Run `kbcheck lock` to "
              "record the reviewed verdicts; `kbcheck check` then fails only on a verdict that changes.",
              file=sys.stderr)
    return EXIT_RESULTS if blocking else EXIT_OK
