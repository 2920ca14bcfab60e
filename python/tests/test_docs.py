"""The examples in the docstrings run, and help() has something to say."""

from __future__ import annotations

import contextlib
import doctest
import io
import pydoc
import re
from pathlib import Path

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


README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks(text: str) -> list[tuple[str, str]]:
    """The fenced blocks of a Markdown text: (language, body)."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```$", text, re.S | re.M)]


def test_readme_examples_show_what_they_print() -> None:
    pytest.importorskip("pandas")
    blocks = _blocks(README.read_text(encoding="utf-8"))
    # The first example and the output block after it.
    (lang, code), (out_lang, shown) = blocks[0], blocks[1]
    assert lang == "python" and out_lang == "" and "check_many" in code
    namespace: dict[str, object] = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, str(README), "exec"), namespace)
    lines = [line.rstrip() for line in printed.getvalue().strip("\n").splitlines()]
    assert lines == shown.strip("\n").splitlines()
    # The interactive example runs on the first one's index.
    session = next(body for lang, body in blocks if lang == "python" and body.startswith(">>>"))
    test = doctest.DocTestParser().get_doctest(session, namespace, "README.md", str(README), 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0 and result.failed == 0
