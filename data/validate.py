"""Strict validation of data directories and single data files, for ``partnermap validate``."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from partnermap.data.loader import (
    EMBEDDED_DATA_DIR,
    Problem,
    display_path,
    load_corpus,
    load_localities,
    load_records_file,
)


def validate_paths(paths: Iterable[Path]) -> list[Problem]:
    """Check each path and return every problem found.

    Parameters
    ----------
    paths
        Data directories (checked whole), ``localities.yaml`` files, or records files. A records
        file is checked against the localities and sources of the data directory it sits in
        (``<dir>/records/x.yaml``), or else against the embedded ones.

    Returns
    -------
    list of Problem
        Empty when everything is valid.
    """
    problems: list[Problem] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            problems.extend(load_corpus(path).problems)
        elif not path.exists():
            problems.append(Problem(display_path(path), 0, "", "no such file or directory"))
        elif path.name == "localities.yaml":
            problems.extend(load_localities(path)[1])
        else:
            data_dir = path.parent.parent
            if not (data_dir / "localities.yaml").is_file():
                data_dir = EMBEDDED_DATA_DIR
            localities, _ = load_localities(data_dir / "localities.yaml")
            problems.extend(load_records_file(path, localities, data_dir / "sources").problems)
    return problems
