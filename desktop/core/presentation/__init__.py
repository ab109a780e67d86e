"""Presentation models: a comparison laid out for reading, styled, and written as a report.

Pure data that the window renders and the report prints alike: rows and runs, kind styles,
the verdict in words, the HTML report, and whether colours read and stay apart
(``legibility``, the one user of ColorAide). Uses ``comparison`` and ``text``; no Qt.
"""
