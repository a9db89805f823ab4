"""The examples in the docstrings run, and say what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

#: The installed package's folders (pyproject's ``packages``); benchmarks and scripts are not in it.
ROOMS = ("callbacks", "data", "exports", "geo", "ingest", "layers", "page")


def _modules() -> list[str]:
    names = ["partnermap.app", "partnermap.cli", "partnermap.server"]
    for room in ROOMS:
        package = importlib.import_module(f"partnermap.{room}")
        names += [
            info.name for info in pkgutil.iter_modules(package.__path__, package.__name__ + ".")
        ]
    return sorted(names)


def _with_examples() -> list[str]:
    finder = doctest.DocTestFinder()
    return [
        name
        for name in _modules()
        if any(
            not example.options.get(doctest.SKIP)
            for test in finder.find(importlib.import_module(name))
            for example in test.examples
        )
    ]


def test_the_package_has_examples() -> None:
    assert len(_with_examples()) >= 10, (
        "fewer modules with examples than expected: is the finder right?"
    )


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in doctest.DocTestFinder().find(importlib.import_module(name)):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
