"""The layout's rules, checked on the source: imports point down, knowledge lives in resources."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parent.parent / "service"
PIPELINE = SERVICE / "pipeline"
ENGLISH_WORD = re.compile(r"^[a-z][a-z'’.-]*(?: [a-z][a-z'’.-]*)*$")
MOST_WORDS_IN_CODE = 8
MOST_LINES = 400


def _modules(root: Path) -> list[Path]:
    return sorted(root.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _word_literals(path: Path) -> list[tuple[int, int]]:
    """(line, words) of each literal list, set, tuple or dict of more than the allowed words."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.List | ast.Set | ast.Tuple | ast.Dict):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            words = [
                item
                for item in items
                if isinstance(item, ast.Constant)
                and isinstance(item.value, str)
                and ENGLISH_WORD.match(item.value)
            ]
            if len(words) > MOST_WORDS_IN_CODE:
                found.append((node.lineno, len(words)))
    return found


@pytest.mark.parametrize("path", _modules(PIPELINE), ids=lambda p: str(p.relative_to(SERVICE)))
def test_the_pipeline_imports_neither_the_edge_nor_evaluation(path):
    upward = {
        name
        for name in _imports(path)
        if name.split(".")[0] == "flask" or name.startswith(("service.api", "service.evaluate"))
    }
    assert not upward


@pytest.mark.parametrize("path", _modules(PIPELINE), ids=lambda p: str(p.relative_to(SERVICE)))
def test_pipeline_code_holds_no_word_list(path):
    assert _word_literals(path) == []


@pytest.mark.parametrize("path", _modules(SERVICE), ids=lambda p: str(p.relative_to(SERVICE)))
def test_no_module_is_over_the_line_limit(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MOST_LINES


def test_the_word_list_check_finds_a_list_in_code(tmp_path):
    path = tmp_path / "module.py"
    words = ", ".join(
        f'"{w}"' for w in ["in", "at", "on", "by", "near", "into", "onto", "across", "over"]
    )
    path.write_text(f"LOCATIVE = frozenset({{{words}}})\nSHORT = ('in', 'at')\n")
    assert _word_literals(path) == [(1, 9)]


def test_the_import_check_sees_from_imports(tmp_path):
    path = tmp_path / "module.py"
    path.write_text("from service.api.schemas import ROLES\nimport flask\n")
    assert _imports(path) == {"service.api.schemas", "flask"}
