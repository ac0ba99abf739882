"""The package's folders show the data flow, and imports follow it: publish → pages → content, never back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
STAGES = ("content", "pages", "publish")
"""The stages in data-flow order: each may import the ones before it, never one after it."""


def imported(path: Path) -> set[str]:
    """The generator modules a file imports (`from generator.pages import site` counts as generator.pages.site)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            package = node.module.count(".") < 2  # `from generator.pages import site` names the module site
            found |= {f"{node.module}.{alias.name}" for alias in node.names} if package else {node.module}
    return {name for name in found if name.split(".")[0] == "generator"}


def stage_of(module: str) -> str | None:
    """The stage a dotted module name belongs to ('generator.pages.site' → 'pages'), or None for the top level."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def violations(package: Path) -> list[str]:
    """Every import that runs against the data flow, as 'file: imports module'."""
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).with_suffix("")
        stage = stage_of(".".join(relative.parts))
        if stage is None:
            continue  # cli.py and the package's own __init__ may use every stage
        allowed = STAGES[: STAGES.index(stage) + 1]
        for module in sorted(imported(path)):
            target = stage_of(module)
            if module == "generator.cli" or (target is not None and target not in allowed):
                found.append(f"{relative.as_posix()}.py: imports {module}")
    return found


def test_imports_run_one_way_only() -> None:
    assert violations(PACKAGE) == []


@pytest.mark.parametrize(
    ("where", "line"),
    [
        ("content/oops.py", "from generator.pages.site import Linker"),
        ("content/oops.py", "from generator.publish import export"),
        ("pages/oops.py", "import generator.publish.render"),
        ("pages/oops.py", "from generator import cli"),
    ],
)
def test_an_import_against_the_flow_is_found(tmp_path: Path, where: str, line: str) -> None:
    package = tmp_path / "generator"
    for stage in STAGES:
        (package / stage).mkdir(parents=True)
    (package / where).write_text(f"{line}\n", encoding="utf-8")
    assert len(violations(package)) == 1


def test_the_top_level_holds_only_the_stages_and_the_command() -> None:
    top = sorted(path.name for path in PACKAGE.iterdir() if path.name != "__pycache__")
    assert top == ["__init__.py", "cli.py", *STAGES]


def test_no_module_outgrows_one_responsibility() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 300
    }
    assert long == {}
