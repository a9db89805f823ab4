"""Read a YAML file into plain Python values, remembering the line of every key and item.

PyYAML forgets where a value came from once it is constructed. Validation errors must name the
line, so this module composes the node tree, converts it itself and keeps a map from each
value's path (``("records", 3, "date")``) to its 1-based line number.

The tree comes from libyaml's parser when PyYAML has it: the same nodes and lines as the
pure-Python composer, in a fraction of the time. A file libyaml refuses is parsed again by
the pure-Python composer, whose error messages name the offending character.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class YamlFileError(ValueError):
    """A file that is not readable YAML; ``line`` is 1-based, 0 when unknown."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class LinedDocument:
    """A parsed YAML document and the line of every path inside it."""

    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """Return the line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def read_lined_yaml(path: Path, max_bytes: int = 20_000_000) -> LinedDocument:
    """Parse one YAML file, keeping line numbers.

    Parameters
    ----------
    path
        The file to read (UTF-8; a byte-order mark and CRLF line ends are accepted).
    max_bytes
        Files larger than this are refused before parsing.

    Returns
    -------
    LinedDocument
        The document's value and a map of path -> line.

    Raises
    ------
    YamlFileError
        When the file is too large, not UTF-8 text, or not valid YAML; the error has the line.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise YamlFileError(f"file is {size:,} bytes; data files must be under {max_bytes:,}")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise YamlFileError("file is binary (contains NUL bytes), expected UTF-8 YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise YamlFileError(f"not UTF-8 text ({err.reason} at byte {err.start})", line) from err
    with collector_paused():
        return _lined(text)


def _lined(text: str) -> LinedDocument:
    """Parse and convert ``text``; the node tree is freed on return, before any collection."""
    node = _compose(text)
    if node is None:
        return LinedDocument(None, {(): 1})
    # Without aliases every value takes at least one character of the text; more values than
    # characters means aliases multiplying them (a "billion laughs" file).
    converter = _Converter(max_values=len(text) + 1000)
    value = converter.convert(node, ())
    return LinedDocument(value, converter.lines)


#: libyaml's loader, or None when PyYAML was built without it.
_C_LOADER: type[yaml.BaseLoader] | None = yaml.CSafeLoader if yaml.__with_libyaml__ else None


def _compose(text: str) -> yaml.Node | None:
    """Compose the single document in ``text``; raise YamlFileError with the line if invalid."""
    if _C_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_C_LOADER)
        except yaml.YAMLError:
            pass  # the pure-Python composer below says what is wrong, and says it better
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlFileError(f"invalid YAML: {err.problem or err}", line) from err
    except yaml.YAMLError as err:
        raise YamlFileError(f"invalid YAML: {err}") from err


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large tree of objects is built.

    Every allocation counts toward a collection, and each collection walks the growing tree
    again: left running, the collector takes two thirds of libyaml's composing time. What is
    built here holds no reference cycles (the node tree is freed by reference counting as
    soon as it is converted; only a recursive alias makes a cycle), and whatever cycles there
    are, the collector reclaims once it runs again. Nested pauses leave it paused until the
    outermost one ends.

    Yields
    ------
    None
        While the block runs with the collector paused.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: Records nest a few levels deep; far deeper is a broken or hostile file (and Python's stack).
MAX_DEPTH = 50


class _Converter:
    """Turns a node tree into values, with one PyYAML constructor for all its scalars."""

    def __init__(self, max_values: int) -> None:
        self.lines: dict[Path_, int] = {}
        self._constructor = yaml.constructor.SafeConstructor()
        self._left = max_values
        self._open: set[int] = set()  # the collections being converted, by id

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        line = node.start_mark.line + 1
        self.lines.setdefault(path, line)
        self._left -= 1
        if self._left < 0:
            raise YamlFileError("aliases (*name) repeat values far beyond the file's size", line)
        if len(path) > MAX_DEPTH:
            raise YamlFileError(f"values nested deeper than {MAX_DEPTH} levels", line)
        if id(node) in self._open:
            raise YamlFileError("an alias (*name) refers to the value that contains it", line)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if node.tag not in _COLLECTION_TAGS:
                raise YamlFileError(f"unknown tag {node.tag!r}; remove the tag", line)
            self._open.add(id(node))
            try:
                return self._collection(node, path)
            finally:
                self._open.discard(id(node))
        return self.scalar(node)

    def _collection(self, node: yaml.Node, path: Path_) -> Any:
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in _pairs(node):
                key = self.scalar(key_node)
                if key in result:
                    raise YamlFileError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                result[key] = self.convert(value_node, (*path, key))
            return result
        return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]

    def scalar(self, node: yaml.Node) -> Any:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.ScalarNode):
            raise YamlFileError("expected a plain value here", line)
        if node.tag == _STR_TAG:
            return node.value  # what SafeConstructor makes of a string, without its overhead
        if node.tag not in _SCALAR_TAGS:
            raise YamlFileError(
                f"unknown tag {node.tag!r} on {_shown(node.value)}; remove the tag "
                "(only plain text, numbers, true/false, null and dates are read)",
                line,
            )
        try:
            return self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, KeyError, AttributeError, TypeError) as err:
            if node.tag == _TIMESTAMP_TAG:
                # Shaped like a date but not one (2015-02-30): kept as text, so the schema
                # reports the field and only its record is skipped.
                return node.value
            kind = _SCALAR_TAGS[node.tag]
            raise YamlFileError(
                f"{_shown(node.value)} is not {kind}; write {kind} or quote the text", line
            ) from err


_STR_TAG = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
#: The scalar tags read, each with what its value must be. Any other tag (``!foo``,
#: ``!!python/name:...``, ``!!binary``) is refused rather than guessed at.
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:int": "a whole number of at most 4,300 digits",
    "tag:yaml.org,2002:float": "a number",
    _TIMESTAMP_TAG: "a date",
}


def _shown(value: str) -> str:
    """A scalar's text for a message: quoted, at most 40 characters."""
    return repr(value if len(value) <= 40 else value[:40] + "…")


def _pairs(node: yaml.MappingNode) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlFileError("merge keys (<<) are not supported", key_node.start_mark.line + 1)
        yield key_node, value_node
