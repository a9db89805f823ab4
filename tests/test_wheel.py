"""A normal install works: the wheel, installed into a clean venv, validates, lists, serves, exports.

This builds the wheel the way ``pip install .`` does and installs it with its dependencies into
a new virtual environment (about a minute, most of it pip resolving the dependencies), then runs
the installed ``partnermap`` from a folder outside the repository, so nothing can come from the
checkout.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_process import wait_for_output

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a clean venv holding only the wheel and its dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(work), str(ROOT)], check=True)
    (wheel,) = work.glob("partnermap-*.whl")
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
    bin_dir = work / "venv" / "bin"
    subprocess.run(
        [bin_dir / "python", "-m", "pip", "-q", "--disable-pip-version-check", "install", wheel],
        check=True,
    )
    return bin_dir


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [bin_dir / "partnermap", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_the_wheel_carries_what_the_app_reads(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "-q", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    (wheel,) = tmp_path.glob("partnermap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for wanted in (
        "partnermap/assets/style.css",
        "partnermap/data/texts.yaml",
        "partnermap/data/reference/context_totals.yaml",
        "partnermap/data/basemap/admin1.geojson",
        "partnermap/page/layout.py",
    ):
        assert wanted in names
    assert any(n.startswith("partnermap/data/records/") for n in names)
    assert any(n.startswith("partnermap/data/sources/") for n in names)


def test_the_installed_package_is_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [installed / "python", "-c", "import partnermap; print(partnermap.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(installed.parent) in where and str(ROOT) not in where


def test_validate_and_list_run_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    checked = _run(installed, "validate", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    listed = _run(installed, "list", "--json", "--sector", "clean-air", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout), "no record listed"


def test_an_image_export_runs_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    done = _run(installed, "export", "--format", "png", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(installed: Path, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        [installed / "partnermap", "serve", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_output(server, f"Running on http://127.0.0.1:{port}".encode())
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()


def test_serve_answers_the_page_and_its_assets_from_the_wheel(served: str) -> None:
    page = _get(served + "/").decode("utf-8")
    assert "<title>partnermap</title>" in page
    assert "/assets/style.css" in page
    assert b"--" in _get(served + "/assets/style.css")
