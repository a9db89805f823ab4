"""The house keeps its rooms: imports run one way between the package's folders."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Which of the package's folders each folder may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "geo": set(),
    "data": {"geo"},
    "layers": {"data", "geo"},
    "page": {"data", "geo", "layers", "exports"},
    "exports": {"data", "geo", "layers"},
    "ingest": {"data", "geo"},
    "callbacks": {"data", "geo", "layers", "page", "exports", "ingest"},
}


def _imported_rooms(path: Path) -> set[str]:
    """The package folders a module imports from, at its top or inside its functions."""
    rooms = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "partnermap" and len(parts) > 1:
                rooms.add(parts[1])
    return rooms


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_a_room_imports_only_the_rooms_below_it(room: str) -> None:
    modules = sorted((ROOT / room).glob("*.py"))
    assert modules, f"{room}/ has no modules"
    wrong = {
        f"{path.relative_to(ROOT)} imports partnermap.{other}"
        for path in modules
        for other in _imported_rooms(path) - ALLOWED[room] - {room}
    }
    assert wrong == set()


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from partnermap.callbacks import ids\n", encoding="utf-8")
    assert _imported_rooms(module) == {"callbacks"}
