"""`python -m desktop` runs the command line (no arguments: the window)."""

import sys

from desktop.cli import main

sys.exit(main())
