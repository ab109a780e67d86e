"""`python -m desktop` runs the command line (no arguments: the window)."""

import multiprocessing

from desktop.cli import run

if __name__ == "__main__":  # a story's process (spawned) imports this module too
    multiprocessing.freeze_support()  # the frozen app: run a spawned child's work, not main
    run()
