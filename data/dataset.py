"""A dataset's own description: its title and summary line in English and Chinese, its source
and license, from ``dataset.yaml`` beside its records.

The page header, the exports and ``import-table`` read and write it, so that nothing assumes
which countries a dataset joins; without the file the catalogue's neutral title stands.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from partnermap.data import texts
from partnermap.data.bidi import isolate

#: The file of a data directory that describes it.
FILE_NAME = "dataset.yaml"
#: The longest value a field may hold.
MAX_LENGTH = 300


@dataclass(frozen=True)
class Dataset:
    """What a dataset says about itself; None where its file says nothing.

    Attributes
    ----------
    title_en, title_zh
        Its title, in English and Chinese.
    summary_en, summary_zh
        One line on what it holds.
    source
        Where its rows come from.
    license
        The terms its rows are under.
    """

    title_en: str | None = None
    title_zh: str | None = None
    summary_en: str | None = None
    summary_zh: str | None = None
    source: str | None = None
    license: str | None = None

    def title(self, lang: str) -> str:
        """The title in ``lang``: the other language's when it has none, else the catalogue's.

        Examples
        --------
        >>> Dataset(title_en="Twin towns").title("zh")
        'Twin towns'
        >>> Dataset().title("en") == texts.ui("title", "en")
        True
        """
        own = (self.title_zh, self.title_en) if lang == "zh" else (self.title_en, self.title_zh)
        return next((t for t in own if t), None) or texts.ui("title", lang)

    def summary(self, lang: str) -> str:
        """The summary line in ``lang`` (the other language's when it has none), or ""."""
        own = (self.summary_zh, self.summary_en) if lang == "zh" else (self.summary_en,)
        return next((s for s in own if s), "")


#: The fields of ``dataset.yaml``.
FIELDS = tuple(f.name for f in fields(Dataset))


def read_dataset(data_dir: Path) -> tuple[Dataset, list[tuple[str, str]]]:
    """Read ``data_dir/dataset.yaml``: the description, and what was wrong with the file.

    A missing file is no problem (the neutral title stands); an unknown key, a value that is
    not one line of text or is longer than ``MAX_LENGTH`` is reported and left out. Text that
    could reorder its neighbours is isolated (``partnermap.data.bidi.isolate``).

    Parameters
    ----------
    data_dir
        A data directory.

    Returns
    -------
    tuple
        The dataset, and one (field, message) per problem ("" for the file as a whole).
    """
    path = Path(data_dir) / FILE_NAME
    if not path.is_file():
        return Dataset(), []
    if not path.resolve().is_relative_to(Path(data_dir).resolve()):
        return Dataset(), [("", "a symbolic link out of the data directory")]
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        return Dataset(), [("", f"not readable as YAML: {err}")]
    if loaded is None:
        return Dataset(), []
    if not isinstance(loaded, dict):
        return Dataset(), [("", f"expected a mapping of {', '.join(FIELDS)}")]
    problems = [
        (str(key), f"unknown field; valid: {', '.join(FIELDS)}")
        for key in loaded
        if key not in FIELDS
    ]
    values: dict[str, str] = {}
    for key in FIELDS:
        value = loaded.get(key)
        if value is None:
            continue
        problem = _problem(value)
        if problem:
            problems.append((key, problem))
        else:
            values[key] = isolate(value.strip())
    return Dataset(**values), problems


def write_dataset(data_dir: Path, dataset: Dataset) -> bool:
    """Write ``dataset`` to ``data_dir/dataset.yaml`` unless the file exists (a person's edits
    stay); return whether it was written."""
    path = Path(data_dir) / FILE_NAME
    if path.exists():
        return False
    values = {key: getattr(dataset, key) for key in FIELDS if getattr(dataset, key)}
    path.write_text(yaml.safe_dump(values, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return True


def title_from_file_name(name: str) -> str:
    """A title from a table's file name: its stem, words split at "_" and "-".

    Examples
    --------
    >>> title_from_file_name("twin_towns-2024.csv")
    'Twin towns 2024'
    """
    words = " ".join(Path(name).stem.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]


def _problem(value: object) -> str:
    """What is wrong with a field's value, or "" when it is one line of text."""
    if not isinstance(value, str) or not value.strip():
        return "expected a line of text"
    if len(value) > MAX_LENGTH:
        return f"at most {MAX_LENGTH} characters"
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in value):
        return "one line of text without control characters"
    return ""
