"""PyInstaller runtime hook: where the packaged app's Qt plugins are, and nothing else.

It stands in for PyInstaller's own PySide6 hook, which imports ``PySide6.QtCore`` (Qt's
core library and ICU's 30 MB of data) at every start, to check for a ``qt.conf`` that the
PyPI wheels embed themselves: ``Recension --version``, a command, or a story's own
process (``core/story/apart.py``) paid for Qt without using it. PySide6 relocates
itself when first imported, as it does in the source tree.
"""

import os
import sys

_QT = os.path.join(sys._MEIPASS, "PySide6", *(() if sys.platform == "win32" else ("Qt",)))
os.environ["QT_PLUGIN_PATH"] = os.path.join(_QT, "plugins")
