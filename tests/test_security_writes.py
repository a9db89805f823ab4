"""Writes: YAML only from a dumper, one writer at a time, whole files, and clear --out errors."""

from __future__ import annotations

import fcntl
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from partnermap.cli import main
from partnermap.data import reference_import
from partnermap.data.loader import load_corpus
from partnermap.data.writes import LOCK_NAME
from partnermap.ingest import drafts
from partnermap.ingest.drafts import DraftError, accept, reject

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DRAFT = "zhenjiang-houston-plan"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data directory with one draft whose ingested file's name holds line breaks."""
    return Path(shutil.copytree(FIXTURES / "drafts_newline", tmp_path / "data"))


def lock_is_held(data_dir: Path) -> bool:
    """Whether someone holds the data directory's write lock, asked without waiting."""
    path = data_dir / LOCK_NAME
    if not path.exists():
        return False
    with path.open("rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def test_a_line_break_in_the_ingested_file_name_stays_in_a_comment(data_dir: Path) -> None:
    assert accept(data_dir, DRAFT) == DRAFT
    corpus = load_corpus(data_dir)
    assert corpus.problems == ()
    assert {r.id for r in corpus.records} == {"zhenjiang-california-plan", DRAFT}
    assert "geonames:4699066" in corpus.localities
    (written,) = (data_dir / "records").glob("ingested_*.yaml")
    comments = [line for line in written.read_text().splitlines() if line.startswith("#")]
    assert comments == [
        '# Records accepted from drafts of "plan\\nrecords: []\\n\\u2028localities: x\\n.pdf".'
    ]
    assert yaml.safe_load(written.read_text())["records"][0]["id"] == DRAFT


@pytest.mark.parametrize("command", ["accept", "reject"])
def test_accept_and_reject_change_the_data_under_its_lock(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    held = []
    remove = drafts._remove
    monkeypatch.setattr(
        drafts, "_remove", lambda *a: (held.append(lock_is_held(data_dir)), remove(*a))
    )
    {"accept": accept, "reject": reject}[command](data_dir, DRAFT)
    assert held == [True]
    assert not lock_is_held(data_dir)


def test_a_draft_accepted_cannot_then_be_rejected(data_dir: Path) -> None:
    accept(data_dir, DRAFT)
    with pytest.raises(DraftError, match="no draft"):
        reject(data_dir, DRAFT)
    assert DRAFT in {r.id for r in load_corpus(data_dir).records}


def test_reference_import_writes_under_the_lock(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    held = []
    records_yaml = reference_import._records_yaml
    monkeypatch.setattr(
        reference_import,
        "_records_yaml",
        lambda *a: (held.append(lock_is_held(data_dir)), records_yaml(*a))[1],
    )
    csv = tmp_path / "pairs\nrecords: [].csv"
    csv.write_text(
        "Chinese Locality,Chinese Province,US Locality,US State,Type,Start Year,Source\n"
    )
    reference_import.import_reference(csv, data_dir, lambda *a: None)  # type: ignore[arg-type]
    assert held == [True]
    written = (data_dir / "records" / reference_import.RECORDS_FILE).read_text()
    assert yaml.safe_load(written) == {"records": []}


BAD_OUT = {
    "a directory": ("{tmp}", "is a directory; give a file name"),
    "a missing folder": ("{tmp}/missing/map.csv", "does not exist; create it"),
    "a full device": ("/dev/full", "could not write /dev/full: No space left on device"),
    "nothing": ("", "argument --out: is empty; give the file to write"),
}


@pytest.mark.parametrize("case", BAD_OUT, ids=BAD_OUT.keys())
def test_every_bad_out_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    out, words = BAD_OUT[case]
    argv = ["export", "--format", "csv", "--data", str(FIXTURES / "dashboard")]
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--out", out.format(tmp=tmp_path)])
    assert stopped.value.code == 2
    errors = capsys.readouterr().err
    assert words in errors and "Traceback" not in errors


def _small_files() -> None:
    """In the child: files may hold 100 bytes; writing past that fails (EFBIG), not kills."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))


def test_a_failed_export_write_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "view.csv"
    out.write_text("the old export\n")
    command = [sys.executable, "-m", "partnermap", "export", "--format", "csv"]
    command += ["--data", str(FIXTURES / "dashboard"), "--out", str(out)]
    done = subprocess.run(
        command, capture_output=True, text=True, preexec_fn=_small_files, timeout=300
    )
    assert done.returncode == 2
    assert "could not write" in done.stderr and "Traceback" not in done.stderr
    assert out.read_text() == "the old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["view.csv"]  # nothing half-written aside
