"""The install's interpreter check: one clear line, not a traceback, when Python is unsupported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CHECK = Path(__file__).parent.parent / ".ci" / "check-python"


def check(python: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(CHECK), python], capture_output=True, text=True, timeout=60)


def test_the_supported_interpreter_passes():
    result = check(sys.executable)
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize("python", ["/nonexistent/python3.11", "false"])
def test_a_missing_or_broken_interpreter_is_one_line(python):
    result = check(python)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("timeline needs Python 3.11")
    assert "Traceback" not in result.stderr
