"""Atomic, reproducible builds: the site folder and the offline zip are replaced only by a complete new build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from generator.publish import editions, prepared

ZIP_ROOT = "ml-engineering-handbook"


def source_date_epoch(repo: Path) -> int:
    """SOURCE_DATE_EPOCH if set, else the last commit's time, else now: every date in the build comes from it."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return int(time.time())


def build_site(config: Path, site_dir: Path, *, content: Path, downloads: Path | None = None) -> bool:
    """Build into a temporary folder, then swap it in; on any failure the old site stays as it was.

    The content is validated once, by the builder's hook, which aborts the build with the located report. The offline
    copy and the PDF found in `downloads` are published with the site when they are of its edition (`editions`).
    """
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.{os.getpid()}.", dir=site_dir.parent))
    settings = {
        "SOURCE_DATE_EPOCH": str(source_date_epoch(config.parent)),
        "HANDBOOK_CONTENT_DIR": str(content.resolve()),
        editions.FOLDER_VARIABLE: str(downloads.resolve()) if downloads is not None else "",
    }
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        # The pages are validated and rendered in a forked process while ProperDocs starts up in this one (one
        # interpreter, no second set of imports); the hook takes them when ProperDocs asks for the files.
        prepared.start(content)
        from generator.publish.mkdocs_hooks import build as properdocs_build

        built = properdocs_build(config, staging)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    if not built:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {site_dir} was left as it was", file=sys.stderr)
        return False
    _swap(staging, site_dir)
    return True


def _remove_abandoned(site_dir: Path) -> None:
    """Remove staging folders left by builds that were killed: their process no longer exists."""
    for folder in site_dir.parent.glob(f".{site_dir.name}.*.*"):
        pid = folder.name.removeprefix(f".{site_dir.name}.").split(".")[0]
        if pid.isdigit() and folder.is_dir() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _swap(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def write_zip(site_dir: Path, zip_path: Path, *, epoch: int) -> None:
    """Zip a built site deterministically: sorted entries, fixed times and permissions; replaced atomically."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip cannot store dates before 1980
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{zip_path.name}.", dir=zip_path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(site_dir.rglob("*"), key=lambda item: item.relative_to(site_dir).as_posix()):
                if path.is_dir():
                    continue
                info = zipfile.ZipInfo(f"{ZIP_ROOT}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
        os.chmod(temporary, 0o644)
        os.replace(temporary, zip_path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def build_offline(config: Path, zip_path: Path, *, content: Path) -> bool:
    """Build the offline configuration and zip it; the previous zip stays until the new one is complete."""
    with tempfile.TemporaryDirectory(
        prefix=".offline.", dir=zip_path.parent if zip_path.parent.exists() else None
    ) as work:
        site_dir = Path(work) / "site"
        if not build_site(config, site_dir, content=content):
            return False
        # The 404 page only works when served from a web root; from file:// nothing reaches it.
        (site_dir / "404.html").unlink(missing_ok=True)
        write_zip(site_dir, zip_path, epoch=source_date_epoch(config.parent))
    return True
