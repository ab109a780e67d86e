"""The sweep: every odd thing a folder can hold or a user can type, through every command.

No case may end in "unexpected error" (the last guard, exit 70), a traceback, raw control
characters on the terminal, or a hang (the suite's timeout).
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from desktop.cli import EXIT_FAULT, main
from tests.reliability.conftest import write_articles

pytestmark = pytest.mark.slow

SAMPLE = "004"  # a bundled sample article's id prefix


def odd_folder(folder: Path) -> dict[str, Path]:
    """A folder holding one of every odd kind of file, beside two good articles."""
    write_articles(folder, range(2))
    odd: dict[str, Path] = {}

    def named(kind: str, name: str) -> Path:
        odd[kind] = folder / name
        return odd[kind]

    os.mkfifo(named("fifo", "fifo.txt"))
    os.mkfifo(folder / "fifo-sidecar.meta.json")
    named("fifo sidecar", "fifo-sidecar.txt").write_text("A story whose sidecar is a pipe.")
    for device in ("/dev/zero", "/dev/urandom", "/dev/null"):
        named(f"link to {device}", f"{Path(device).name}.txt").symlink_to(device)
    named("dangling link", "gone.txt").symlink_to(folder / "nowhere.txt")
    named("link loop", "loop.txt").symlink_to(folder / "loop.txt")
    named("folder named .txt", "folder.txt").mkdir()
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(named("socket", "sock.txt")))
    sock.close()
    named("long name", "n" * 250 + ".txt").write_text("A story under a 250-character name.")
    undecodable = os.fsdecode(b"latin-\xe9-\xff.txt")
    named("undecodable name", undecodable).write_text("A story under a name that is not UTF-8.")
    escapes = "esc-\x1b[2J-\u202e-\n.txt"
    named("escapes in name", escapes).write_text("A story under a name full of escapes.")
    named("deep sidecar", "deep.txt").write_text("A story with a deeply nested sidecar.")
    (folder / "deep.meta.json").write_text("[" * 100_000)
    named("deep object sidecar", "deepobj.txt").write_text("A story, sidecar of nested objects.")
    (folder / "deepobj.meta.json").write_text('{"a":' * 50_000 + "1" + "}" * 50_000)
    named("huge sidecar", "huge.txt").write_text("A story with a 3 MB sidecar.")
    (folder / "huge.meta.json").write_text(json.dumps({"title": "x" * 3_000_000}))
    for field, value in (("title", None), ("source", 3), ("date", "soon"), ("url", [1])):
        path = named(f"sidecar {field}={value!r}", f"typed-{field}.txt")
        path.write_text(f"A story whose sidecar {field} is odd.")
        (folder / f"typed-{field}.meta.json").write_text(json.dumps({field: value}))
    named("escapes in title", "title.txt").write_text("A story whose title clears screens.")
    (folder / "title.meta.json").write_text(json.dumps({"title": "\x1b[2J\x1b]0;x\x07\u202eT"}))
    named("empty", "empty.txt").write_text("")
    named("binary", "binary.txt").write_bytes(bytes(range(256)) * 40)
    named("nul bytes", "nul.html").write_bytes(b"<html>\x00\x00</html>")
    named("billion laughs", "laughs.html").write_text(
        '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><html><body><p>&b;</p></body></html>'
    )
    named("one huge line", "line.txt").write_text("word " * 400_000)
    return odd


BAD_IDS = [
    "x" * 256,
    "../../etc/passwd",
    "",
    "\x1b[2J",
    "-",
    os.fsdecode(b"\xff\xfe"),
    "\u202eevil",
    "*",
]


def _cases(folder: Path, odd: dict[str, Path]) -> list[list[str]]:
    library = ["--library", str(folder)]
    cases = [
        [*library, "list"],
        [*library, "list", "--json"],
        [*library, "search", "story"],
        [*library, "search", "story", "--json"],
        [*library, "index"],
        [*library, "families"],
        ["add", str(folder)],
        ["add", "--json", str(folder)],
        ["list"],
        ["search", "story"],
    ]
    for path in odd.values():
        cases += [["add", str(path)], ["diff", str(path), SAMPLE], [*library, "show", path.stem]]
    for bad in BAD_IDS:
        for command in (["show"], ["related"], ["remove"], ["diff", SAMPLE], [*library, "show"]):
            cases.append([*command, bad])
    return cases


def test_nothing_a_folder_holds_or_a_user_types_is_an_unexpected_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "odd"
    odd = odd_folder(folder)
    faults = []
    cases = _cases(folder, odd)
    for argv in cases:
        status = main(argv)
        out, err = capsys.readouterr()
        if status == EXIT_FAULT or "unexpected error" in err or "Traceback" in err:
            faults.append(f"{argv!r}: {status} {err.strip()[-300:]}")
        elif "\x1b" in out + err or "\u202e" in out + err:
            faults.append(f"{argv!r}: raw control characters on the terminal")
    print(f"sweep: {len(odd)} kinds of odd file, {len(cases)} cases, {len(faults)} faults")
    assert faults == []
