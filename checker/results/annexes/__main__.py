"""`python -m checker.results.annexes write|check <report folder>` (see report_folder.py)."""

import sys

from checker.results.annexes.report_folder import main

sys.exit(main())
