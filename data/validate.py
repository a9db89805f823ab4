"""Strict validation of data directories and single data files, for ``partnermap validate``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from partnermap.data.loader import (
    EMBEDDED_DATA_DIR,
    Problem,
    display_path,
    load_corpus,
    load_localities,
    load_records_file,
)
from partnermap.data.schema import Locality
from partnermap.data.yamlfile import read_lined_yaml


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
            corpus = load_corpus(path)
            problems.extend(corpus.problems)
            problems.extend(gazetteer_problems(path / "localities.yaml", corpus.localities))
        elif not path.exists():
            problems.append(Problem(display_path(path), 0, "", "no such file or directory"))
        elif path.name == "localities.yaml":
            localities, found = load_localities(path)
            problems.extend(found)
            problems.extend(gazetteer_problems(path, localities))
        else:
            data_dir = path.parent.parent
            if not (data_dir / "localities.yaml").is_file():
                data_dir = EMBEDDED_DATA_DIR
            localities, _ = load_localities(data_dir / "localities.yaml")
            problems.extend(load_records_file(path, localities, data_dir / "sources").problems)
    return problems


def gazetteer_problems(path: Path, localities: Mapping[str, Locality]) -> list[Problem]:
    """Check each locality against the gazetteer: known id, level, names, coordinates nearby.

    Parameters
    ----------
    path
        The localities file the rows were read from, for the line of each problem.
    localities
        The rows that passed the schema, by id.
    """
    from partnermap.data.locality_check import locality_problems

    found = locality_problems(localities)
    if not found:
        return []
    doc = read_lined_yaml(path)
    index = {row.get("id"): i for i, row in enumerate(doc.value["localities"])}
    return [
        Problem(
            display_path(path),
            doc.line_of(("localities", index[locality_id], field)),
            field,
            f"{locality_id}: {message}",
        )
        for locality_id, field, message in found
    ]
