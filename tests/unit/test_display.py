"""What the no-display message offers as a fix is what the README and CI install."""

from __future__ import annotations

import re

from desktop.ui.display import SYSTEM_PACKAGES
from tests.conftest import REPO


def _packages(text: str, pattern: str) -> set[str]:
    match = re.search(pattern, text, re.DOTALL)
    assert match, pattern
    return set(match.group(1).replace("\\", " ").split())


def test_readme_installs_what_ci_installs_and_the_message_names() -> None:
    readme = _packages((REPO / "README.md").read_text(), r"sudo apt install ([^`]+)`")
    ci = _packages((REPO / ".ci" / "run").read_text(), r"--no-install-recommends(.+?)>")
    assert readme == ci | {"python3-venv"}
    assert set(SYSTEM_PACKAGES) <= ci


def test_readme_names_the_system_libraries_before_the_install_command() -> None:
    readme = (REPO / "README.md").read_text()
    assert readme.index("sudo apt install") < readme.index("```sh\npython3 -m venv")
