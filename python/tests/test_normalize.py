"""The normalization functions and Reference: the core's rules, as functions."""

from __future__ import annotations

import pytest

import armsmatch


def test_serial_functions() -> None:
    assert armsmatch.normalize_serial("ab-12 34/x") == "AB1234X"
    assert armsmatch.normalize_serial("ВС 1234") == "BC1234"
    assert armsmatch.normalize_serial("ＡＢ１２３") == "AB123"
    assert armsmatch.serial_keys("ВС 1234") == ["BC1234", "VS1234", "WS1234"]
    assert armsmatch.serial_keys("AB123") == ["AB123"]
    assert armsmatch.skeleton("BO-1234") == armsmatch.skeleton("80 I234")
    assert armsmatch.skeleton("SZ-0Q") == "5200"
    for s in ("UNK", "unknown", "N/A", "000000", "xxxx"):
        assert armsmatch.is_placeholder_serial(s), s
    assert not armsmatch.is_placeholder_serial("A1234")


def test_edit_budget_and_constants() -> None:
    assert [armsmatch.auto_edit_budget(n) for n in (0, 3, 4, 5, 6, 7, 20)] == [0, 0, 1, 1, 2, 2, 2]
    with pytest.raises(armsmatch.InvalidInputError):
        armsmatch.auto_edit_budget(-1)
    assert armsmatch.DEFAULT_THRESHOLD == 0.1
    assert armsmatch.LIMITS["MAX_EDITS"] == 3
    assert armsmatch.__version__ and armsmatch.CORE_VERSION


def test_limits_are_read_only() -> None:
    # The core's constants: a dict that could be changed would change nothing.
    limits = armsmatch.LIMITS
    with pytest.raises(TypeError):
        limits["MAX_TOP"] = 5  # type: ignore[index]
    with pytest.raises(TypeError):
        del limits["MAX_TOP"]  # type: ignore[attr-defined]
    assert not hasattr(limits, "update") and not hasattr(limits, "pop")
    # Read as a mapping, copied to a dict, printed with its values.
    assert limits["MAX_EDITS"] == 3 and "MAX_TOP" in limits and limits.get("NOPE") is None
    assert dict(limits) == {k: limits[k] for k in limits} and len(dict(limits)) == 10
    assert f"'MAX_EDITS': {limits['MAX_EDITS']}" in repr(limits)


def test_reference_resolution() -> None:
    ref = armsmatch.Reference.embedded()
    assert ref.resolve_make("Smith and Wesson").canonical == "Smith & Wesson"
    sw = ref.resolve_make("S&W")
    assert (sw.canonical, sw.form) == ("Smith & Wesson", "alias")
    assert sw.entry is not None
    assert ref.resolve_make("Acme Blasters").form == "unknown"
    assert ref.resolve_make("Acme Blasters").entry is None
    assert ref.resolve_calibre("9mm Luger").canonical == ref.resolve_calibre("9x19").canonical
    assert ref.resolve_model("G19", make="Glock").canonical == ref.resolve_model("Glock 19", make="Glock").canonical
    assert ref.resolve_model("G19").form == "unknown"  # models are known per make
    assert ref.make_country("FN") == "BEL"
    assert ref.resolve_make("S&W").as_dict()["canonical"] == "Smith & Wesson"
    assert "Smith" in repr(ref.resolve_make("S&W"))


def test_resolved_repr_shows_python_values() -> None:
    ref = armsmatch.Reference.embedded()
    sw = ref.resolve_make("S&W")
    assert repr(sw).endswith(f"entry={sw.entry})") and "Some(" not in repr(sw)
    assert repr(ref.resolve_make("Acme Blasters")).endswith("entry=None)")


def test_reference_load_extend(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    ref = armsmatch.Reference.from_toml('version = "mine"\n[[make]]\nname = "Acme Arms"\naliases = ["ACME"]\n')
    assert ref.version == "mine"
    assert ref.resolve_make("acme").canonical == "Acme Arms"
    path = tmp_path / "ref.toml"
    path.write_text(ref.to_toml(), encoding="utf-8")
    assert armsmatch.Reference.load(path).resolve_make("ACME").canonical == "Acme Arms"

    embedded = armsmatch.Reference.embedded()
    assert embedded.resolve_make("alpenland pistolen").form == "unknown"
    embedded.extend('[[make]]\nname = "Glock"\naliases = ["Alpenland Pistolen"]\n')
    assert embedded.resolve_make("alpenland pistolen").canonical == "Glock"
    # The shared default is untouched.
    assert armsmatch.Reference.embedded().resolve_make("alpenland pistolen").form == "unknown"
    embedded.extend(ref)
    assert embedded.resolve_make("ACME").canonical == "Acme Arms"
    extra = tmp_path / "extra.toml"
    extra.write_text('[[make]]\nname = "Zeta"\n', encoding="utf-8")
    embedded.extend_from_file(extra)
    assert embedded.resolve_make("zeta").form == "canonical"
    assert armsmatch.Reference.empty().resolve_make("S&W").canonical == "SW"
