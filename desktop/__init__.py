"""Recension: compare versions of news articles."""

__version__ = "0.1.0"
