"""Every CLI command (and sub-command) is documented in the README, and the README's two
set-up commands exist in the Makefile."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from sitrep.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_command(app)
    for name, cmd in sorted(group.commands.items()):
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub in sorted(subs):
                yield f"{name} {sub}"
        else:
            yield name


@pytest.mark.parametrize("command", list(_commands()))
def test_every_command_is_documented(command):
    assert re.search(rf"sitrep {re.escape(command)}\b", README), f"`sitrep {command}` is not in README.md"


def test_readme_setup_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert f"make {target}" in README
        assert re.search(rf"^{target}:", makefile, re.M)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
