"""The examples in the docstrings run, and help() has something to say."""

from __future__ import annotations

import doctest
import pydoc

import pytest

import armsmatch
import armsmatch._armsmatch as native


def _run(obj: object, name: str) -> doctest.TestResults:
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner()
    globs = {name: getattr(armsmatch, name) for name in armsmatch.__all__}
    globs["armsmatch"] = armsmatch
    for test in finder.find(obj, name, globs=globs):
        runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize(
    "obj",
    [armsmatch, armsmatch.normalize_serial, armsmatch.serial_keys, armsmatch.skeleton,
     armsmatch.is_placeholder_serial, armsmatch.auto_edit_budget, armsmatch.Record, armsmatch.Reference],
    ids=lambda o: getattr(o, "__name__", str(o)),
)
def test_docstring_examples(obj: object) -> None:
    result = _run(obj, getattr(obj, "__name__", "armsmatch"))
    assert result.attempted > 0
    assert result.failed == 0


def test_help_is_useful() -> None:
    text = pydoc.render_doc(armsmatch.Index, renderer=pydoc.plaintext)
    for name in ("build", "open", "save", "check", "check_many", "insert", "remove", "compact", "threshold"):
        assert name in text
    assert "serial, make=None" in pydoc.render_doc(armsmatch.Index.check, renderer=pydoc.plaintext)
    for cls in (armsmatch.Hit, armsmatch.Explanation, armsmatch.Reference, native.Index):
        assert cls.__doc__ and len(cls.__doc__) > 40
