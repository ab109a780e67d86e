"""`python -m desktop` runs the command line (no arguments: the window)."""

import multiprocessing
import sys

from desktop.cli import main

if __name__ == "__main__":  # a story's process (spawned) imports this module too
    multiprocessing.freeze_support()  # the frozen app: run a spawned child's work, not main
    sys.exit(main())
