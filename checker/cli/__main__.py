"""`python -m checker.cli`: the same as `kbcheck`."""

import sys

from checker.cli import main

sys.exit(main())
