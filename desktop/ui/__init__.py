"""The Qt layer: renders core results and routes what the user does; computes nothing.

Importing PySide6 puts shiboken's ``__feature_import__`` in place of ``builtins.__import__``:
for every module imported after it, it reads the module's whole source (``inspect``, kept
in ``linecache``) to see whether it names PySide6, which only ``from __feature__ import
snake_case, true_property`` needs. Recension uses no such feature, so the interpreter's
own import is put back as soon as PySide6 is loaded: at 10,000 articles the window held
20 MB of source lines (what numpy, Whoosh, the comparison and trafilatura are written in)
and spent 0.1-0.3 s of CPU reading them.
"""

import builtins

_IMPORT = builtins.__import__  # shiboken's, if Qt was loaded first (tests): kept as found

import PySide6  # noqa: E402, F401  # puts shiboken's import in place

builtins.__import__ = _IMPORT
