"""The pure-Python core of Recension: no Qt below this package (import-linter enforces it)."""
