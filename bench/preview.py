"""The preview's reaction time: from saving a YAML file to `properdocs serve` serving the page with the change."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, token: str, *, timeout: float) -> float | None:
    """Seconds until the page at `url` contains `token`, or None if it never does within `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if token in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    return None


def serve(content: Path, output: Any) -> tuple[subprocess.Popen[bytes], str]:
    """Start `properdocs serve --dirty` on `content` at a free loopback port; returns it and the skill page's URL."""
    port = free_port()
    env = {**os.environ, "HANDBOOK_CONTENT_DIR": str(content)}
    command = [sys.executable, "-m", "properdocs", "serve", "--dirty", "-f", str(REPO / "mkdocs.yml")]
    command += ["-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, env=env, cwd=REPO, stdout=output, stderr=subprocess.STDOUT)
    return server, f"http://127.0.0.1:{port}/skills/programming/"


def save_to_served(content: Path, *, edits: int = 3, timeout: float = 120.0, log: Path | None = None) -> list[float]:
    """Serve `content` with `properdocs serve --dirty`, edit one skill `edits` times, time each save → served change.

    Returns the seconds of each edit (an edit that never shows within `timeout` counts as `timeout`).
    """
    output = open(log or os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - closed in finally
    server, url = serve(content, output)
    skill = content / "skills" / "programming.yaml"
    original = skill.read_text(encoding="utf-8")
    times: list[float] = []
    try:
        if wait_for(url, "Programming", timeout=timeout * 5) is None:
            raise RuntimeError(f"the preview never served {url}")
        for edit in range(edits):
            time.sleep(1.0)  # let the watcher settle, as between two saves by a person
            token = f"Previewtoken{edit}x{time.monotonic_ns()}"
            skill.write_text(original.replace("description: ", f"description: {token} ", 1), encoding="utf-8")
            seconds = wait_for(url, token, timeout=timeout)
            times.append(timeout if seconds is None else seconds)
    finally:
        skill.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
        output.close()
    return times


def error_shown(content: Path, *, timeout: float = 120.0) -> bool:
    """Whether an invalid save shows its located error on the served page while the page stays served."""
    server, url = serve(content, subprocess.DEVNULL)
    skill = content / "skills" / "programming.yaml"
    original = skill.read_text(encoding="utf-8")
    try:
        if wait_for(url, "Programming", timeout=timeout * 5) is None:
            return False
        time.sleep(1.0)
        skill.write_text(original.replace("category: ", "category: nonsense-", 1), encoding="utf-8")
        return wait_for(url, "content/skills/programming.yaml:", timeout=timeout) is not None
    finally:
        skill.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "content"
        shutil.copytree(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "content", copy)
        figures = save_to_served(copy, log=Path(work) / "serve.log")
        print(
            "save → served:", ", ".join(f"{t:.2f} s" for t in figures), f"(median {statistics.median(figures):.2f} s)"
        )
        print((Path(work) / "serve.log").read_text()[-3000:])
        print("error shown:", error_shown(copy))
