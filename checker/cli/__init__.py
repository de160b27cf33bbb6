"""`kbcheck`: the command line. Only wiring: each command calls the stages and turns their
outcome into an exit code.

Exit codes (the same for every command):
  0  done; no result at or above the failing severity
  1  results at or above the failing severity (commands that judge commitments)
  2  the knowledge base is invalid (a rule that an engine refuses included), or the command
     line is wrong
  3  internal error
"""

from __future__ import annotations

import os
import sys
import traceback

from checker.cli.commands import COMMANDS
from checker.cli.common import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_RESULTS
from checker.cli.options import parser

__all__ = ["EXIT_INTERNAL", "EXIT_INVALID", "EXIT_OK", "EXIT_RESULTS", "main"]


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return EXIT_INTERNAL
    except BrokenPipeError:  # the reader stopped early (kbcheck rules | head): not an error
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the one place an unexpected error becomes exit 3
        from checker.judge.engines import UnsupportedShape
        from checker.judge.rules import RuleError

        if isinstance(error, RuleError):  # a rule file the checker cannot read: invalid input, with its file
            print(f"kbcheck: {error}", file=sys.stderr)
            return EXIT_INVALID
        if isinstance(error, UnsupportedShape):  # issue 17: refused before running; `rules --check` names the rule
            print(f"kbcheck: the {getattr(args, 'engine', 'SHACL')} engine refuses the rules: {error}\n"
                  "`kbcheck rules --check` lists every rule an engine refuses, with its file and line", file=sys.stderr)
            return EXIT_INVALID
        traceback.print_exc()
        print("kbcheck: internal error (a bug: please report it with the trace above)", file=sys.stderr)
        return EXIT_INTERNAL

