"""Golden cases for `handbook validate`: each file in cases/validate holds content and the exact output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main

CASE_DIR = Path(__file__).parents[1] / "cases" / "validate"
CASES = sorted(CASE_DIR.glob("*.yaml"))


class _LiteralDumper(yaml.SafeDumper):
    """Writes multi-line strings as `|` blocks so golden files stay readable in diffs."""


def _str(dumper: yaml.SafeDumper, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _str)


def run_validate(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str]:
    """Run the command as a contributor would, from the folder above content/."""
    monkeypatch.chdir(root.parent)
    code = main(["validate", *args, "content"])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("case_path", CASES, ids=[path.stem for path in CASES])
def test_golden_case(
    case_path: Path,
    make_content: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    update_golden: bool,
) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    root = make_content(case.get("files") or {}, base=case.get("base", True))
    code, output = run_validate(root, monkeypatch, capsys, *case.get("args", []))
    if update_golden:
        case.update(expected=output, exit=code)
        case_path.write_text(yaml.dump(case, Dumper=_LiteralDumper, sort_keys=False, allow_unicode=True, width=200))
    assert output == case["expected"]
    assert code == case["exit"]


def test_twenty_mistakes_are_all_located() -> None:
    case = yaml.safe_load((CASE_DIR / "twenty-mistakes.yaml").read_text(encoding="utf-8"))
    lines = case["expected"].splitlines()[:-1]
    assert len(lines) == 20
    assert len({line.split(":", 1)[0] for line in lines}) == 10
    assert all(
        line.startswith("content/") and line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in lines
    )


def test_strict_fails_on_warnings(
    make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_content(
        {
            "sources/unused.yaml": "# yaml-language-server: $schema=../../schema/source.schema.json\ntitle: T\ndate: not stated\n"
        }
    )
    assert run_validate(root, monkeypatch, capsys)[0] == 0
    code, output = run_validate(root, monkeypatch, capsys, "--strict")
    assert code == 1
    assert output.splitlines()[-1] == "Aborted with 0 errors and 1 warning in 1 file."


def test_github_format_emits_annotations(
    make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_content(
        {"tools/pytorch.yaml": "# yaml-language-server: $schema=../../schema/tool.schema.json\nname: PyTorch\n"}
    )
    code, output = run_validate(root, monkeypatch, capsys, "--format", "github")
    assert code == 1
    assert output.splitlines()[0].startswith("::error file=content/tools/pytorch.yaml,line=2,col=1::")


def test_json_format_is_machine_readable(
    make_content: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    root = make_content(
        {"tools/pytorch.yaml": "# yaml-language-server: $schema=../../schema/tool.schema.json\nname: 1.5\n"}
    )
    _, output = run_validate(root, monkeypatch, capsys, "--format", "json")
    report = json.loads(output)
    name_issue = next(issue for issue in report["issues"] if issue["message"].startswith("name:"))
    assert name_issue == {
        "file": "content/tools/pytorch.yaml",
        "line": 2,
        "col": 7,
        "severity": "error",
        "message": "name: expected text, got a number ('1.5' is read as 1.5; put it in quotes)",
    }
    assert report["summary"] == "Aborted with 4 errors in 1 file."


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err
