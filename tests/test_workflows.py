"""GitHub Actions workflows: actionlint and zizmor find nothing, every action is pinned by commit.

actionlint and zizmor are test dependencies (``make setup`` installs them into .venv); a missing tool
fails these tests rather than skipping them, so the checks cannot silently stop running.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
WORKFLOW_DIR = GITHUB / "workflows"

# Action references that could not be tied to a release's commit SHA from two sources, and so are
# pinned to a tag instead ("owner/repo@tag"). Keep this empty: every action today is pinned by SHA.
UNVERIFIED_TAG_PINS: frozenset[str] = frozenset()

SHA_PIN = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
# A `uses:` line pinned by SHA carries the release it stands for, for people and for Dependabot.
VERSION_COMMENT = re.compile(r"^\s*-?\s*uses:\s*\S+@[0-9a-f]{40}\s+#\s*v\d+(\.\d+)*\s*$")

# A workflow that both tools must reject: an untrusted title in a script, an unpinned action that keeps
# its credentials, a write-all token and a trigger that runs with the base repository's secrets.
BAD_WORKFLOW = """\
name: bad
on: pull_request_target
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
"""


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path} is not a YAML mapping"
    return data


def triggers(workflow: dict[Any, Any]) -> set[str]:
    """The event names under `on:` (which YAML 1.1 reads as the boolean key True)."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return {str(event) for event in on}
    if isinstance(on, dict):
        return {str(event) for event in on}
    return set()


def steps(workflow: dict[Any, Any]) -> Iterator[dict[str, Any]]:
    for job in (workflow.get("jobs") or {}).values():
        yield from job.get("steps") or []


def uses_refs(workflow: dict[Any, Any]) -> list[str]:
    """Every `uses:` of a step, and of a job that calls a reusable workflow."""
    refs = [str(job["uses"]) for job in (workflow.get("jobs") or {}).values() if "uses" in job]
    refs += [str(step["uses"]) for step in steps(workflow) if "uses" in step]
    return refs


def unpinned(refs: list[str]) -> list[str]:
    """The references that are neither a local action, nor pinned to a full SHA, nor an allowed tag."""
    bad = []
    for ref in refs:
        if ref.startswith("./"):
            continue
        if ref.startswith("docker://"):
            if "@sha256:" not in ref:
                bad.append(ref)
            continue
        if SHA_PIN.match(ref) or ref in UNVERIFIED_TAG_PINS:
            continue
        bad.append(ref)
    return bad


def tool(name: str) -> str:
    """The tool installed beside this interpreter (the project's .venv), else on PATH; fail if absent."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: run `make setup` (it is in the [test] extras)")
    return found


def run_tool(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    # zizmor runs offline, so no token is needed; make sure none leaks into its environment.
    for key in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"):
        env.pop(key, None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


def actionlint(files: list[Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_tool([tool("actionlint"), "-no-color", "-oneline", *map(str, files)], cwd)


def zizmor(target: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_tool([tool("zizmor"), "--offline", "--no-progress", "--color=never", str(target)], cwd)


def test_there_are_workflows() -> None:
    names = {path.name for path in workflow_files()}
    assert {"ci.yml"} <= names


def test_actionlint_reports_nothing() -> None:
    result = actionlint(workflow_files(), ROOT)
    assert result.returncode == 0, f"actionlint found problems:\n{result.stdout}{result.stderr}"


def test_zizmor_reports_nothing() -> None:
    result = zizmor(GITHUB, ROOT)
    assert result.returncode == 0, f"zizmor found problems:\n{result.stdout}{result.stderr}"


def test_actionlint_catches_a_bad_workflow(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    bad = workflows / "bad.yml"
    bad.write_text(BAD_WORKFLOW, encoding="utf-8")
    result = actionlint([bad], tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "github.event.pull_request.title" in output and "untrusted" in output, output


def test_zizmor_catches_a_bad_workflow(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    result = zizmor(tmp_path / ".github", tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for audit in ("template-injection", "unpinned-uses", "dangerous-triggers", "artipacked"):
        assert audit in output, f"zizmor did not report {audit}:\n{output}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_no_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in triggers(load(path))
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


def test_the_trigger_check_sees_pull_request_target() -> None:
    assert "pull_request_target" in triggers(yaml.safe_load(BAD_WORKFLOW))
    assert "pull_request_target" in triggers({"on": {"pull_request_target": {"types": ["opened"]}}})
    assert "pull_request_target" in triggers({"on": ["push", "pull_request_target"]})


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    refs = uses_refs(load(path))
    assert refs, f"{path.name} uses no action"
    assert unpinned(refs) == [], f"{path.name}: pin these to a full 40-hex commit SHA: {unpinned(refs)}"


def test_the_pin_check_rejects_tags_and_short_shas() -> None:
    refs = [
        "actions/checkout@v4",
        "actions/checkout@main",
        "actions/checkout@3d3c42e",
        "docker://alpine:3",
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",
        "./.github/actions/local",
    ]
    assert unpinned(refs) == [
        "actions/checkout@v4",
        "actions/checkout@main",
        "actions/checkout@3d3c42e",
        "docker://alpine:3",
    ]


def test_the_tag_allow_list_is_empty() -> None:
    # Every action was verified and pinned by SHA; an entry here needs a reason in review.
    assert not UNVERIFIED_TAG_PINS


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_sha_pin_names_its_release(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.search(r"\buses:", line)]
    missing = [line.strip() for line in lines if "@" in line and not VERSION_COMMENT.match(line)]
    assert missing == [], f"{path.name}: add the release as a trailing comment (# vX.Y.Z): {missing}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_checkout_does_not_persist_credentials(path: Path) -> None:
    for step in steps(load(path)):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert (step.get("with") or {}).get("persist-credentials") is False, f"{path.name}: {step}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_permissions_are_least_privilege(path: Path) -> None:
    workflow = load(path)
    assert workflow.get("permissions") == {}, f"{path.name}: set `permissions: {{}}` at the top level"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} must declare its own permissions"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_no_expressions_in_scripts(path: Path) -> None:
    # Values reach scripts through `env:`, never by `${{ }}` substitution into the script text.
    for step in steps(load(path)):
        assert "${{" not in str(step.get("run", "")), f"{path.name}: step {step.get('name')!r} interpolates into run:"


def test_pages_deploy_runs_only_after_the_tests_pass_on_main() -> None:
    workflow = load(WORKFLOW_DIR / "ci.yml")
    assert "workflow_run" not in triggers(workflow)
    jobs = workflow["jobs"]
    assert jobs["site"]["needs"] == "check"
    assert jobs["site"]["if"] == "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"
    assert jobs["deploy"]["needs"] == "site"
    assert jobs["site"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"


def test_the_site_address_comes_from_the_pages_configuration() -> None:
    build = load(WORKFLOW_DIR / "ci.yml")["jobs"]["site"]
    configure = [step for step in build["steps"] if str(step.get("uses", "")).startswith("actions/configure-pages@")]
    assert [step.get("id") for step in configure] == ["pages"]
    site = next(step for step in build["steps"] if "make site" in str(step.get("run", "")))
    assert site["env"]["HANDBOOK_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"


def test_the_published_site_carries_the_offline_copy_and_the_pdf_of_its_edition() -> None:
    build = load(WORKFLOW_DIR / "ci.yml")["jobs"]["site"]
    commands = [line.strip() for step in build["steps"] for line in str(step.get("run", "")).splitlines()]
    made = commands.index("make offline pdf")  # both into dist/, before the site that publishes them from there
    assert commands.index("make site DOWNLOADS=dist") > made
    assert any("chromium" in command for command in commands[:made])  # the PDF is printed in Chromium


def test_ci_makes_the_skippable_checks_mandatory() -> None:
    tests = next(step for step in steps(load(WORKFLOW_DIR / "ci.yml")) if step.get("run") == "make test")
    required = (
        "HANDBOOK_REQUIRE_SOURCES",
        "HANDBOOK_REQUIRE_BROWSER",
        "HANDBOOK_REQUIRE_ZENSICAL",
        "HANDBOOK_REQUIRE_SPREADSHEET",
    )
    assert tests["env"] == dict.fromkeys(required, "1")
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert all(f"export {name}=1" in ci_run for name in required)


ISSUE_TEMPLATES = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))


@pytest.mark.parametrize("path", ISSUE_TEMPLATES, ids=lambda path: path.name)
def test_issue_templates_parse(path: Path) -> None:
    data = load(path)
    if path.name != "config.yml":
        assert {"name", "description", "body"} <= data.keys(), path.name
        ids = [item["id"] for item in data["body"] if "id" in item]
        assert len(ids) == len(set(ids)), f"{path.name}: duplicate ids"
