"""What the commands that compare two articles accept as ``A`` and ``B``: ids or files.

``resolve(ref, workspace)`` is the article ``ref`` names: the path of any existing file (text,
Markdown or HTML, in any encoding ``core.text.ingest`` reads), read for the comparison only and
never imported into the library (as ``meld a b`` does), else a library id or unique prefix.
The workspace counts a compared file's lines towards the site chrome
(``Workspace.compare``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import IngestError

if TYPE_CHECKING:  # loaded when a command runs (trafilatura): --help stays quick
    from desktop.core.text.article import Article
    from desktop.core.workspace import Workspace

HELP = "an id (or unique id prefix) in the library, or the path of a file"


def resolve(ref: str, workspace: Workspace) -> Article:
    """The article ``ref`` names: an existing file's path, else an id in the library.

    A file is read as an import would read it (encoding, HTML main text, metadata), but
    the library is left as it is.
    """
    from desktop.core.text.ingest import ingest_file

    path = Path(ref)
    if not path.is_file():
        return workspace.article(ref)
    try:
        return ingest_file(path).article
    except IngestError as error:
        raise IngestError(f"{path}: {error}") from error
