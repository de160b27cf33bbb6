"""What every command shares: the exit codes, and loading a valid knowledge base."""

from __future__ import annotations

import sys
import time

from checker.kb.errors import Problems

EXIT_OK, EXIT_RESULTS, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2, 3


def print_problems(problems: Problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) found", file=sys.stderr)


def load_valid(args):
    """Load, verify quotations, build the graph; (None, None) after printing problems."""
    loaded = load_everything(args)
    return (None, None) if loaded is None else (loaded.kb, loaded.graph)


def load_everything(args):
    """What `load_valid` loads, with the national results datasets and their figures (issue 15);
    None after printing problems."""
    from checker.pipeline import load_and_check

    started = time.perf_counter()
    loaded = load_and_check(args.kb)
    if loaded.problems:
        print_problems(loaded.problems)
        return None
    elapsed = time.perf_counter() - started
    print(f"loaded {len(loaded.kb.files)} files, {len(loaded.kb.index)} records, "
          f"{loaded.quotes.checked} quotations, {len(loaded.graph)} triples in {elapsed:.2f} s", file=sys.stderr)
    return loaded
