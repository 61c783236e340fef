"""Export writes exactly the path the user named, and nothing else anywhere."""

from __future__ import annotations

from pathlib import Path

from briefing.cli import main


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_export_writes_only_the_named_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    before = _tree(tmp_path)
    assert main(["export", "-o", str(tmp_path / "sub" / ".." / "out.md")]) == 0
    assert _tree(tmp_path) - before == {"out.md"}


def test_export_through_a_symlink_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "precious.md"
    target.write_text("precious", encoding="utf-8")
    link = tmp_path / "out.md"
    link.symlink_to(target)
    assert main(["export", "-o", str(link)]) == 2  # exists: refused without --force
    assert main(["export", "-o", str(link), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == "precious"
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8").startswith("# Briefing")


def test_export_into_a_missing_folder_or_onto_a_folder_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["export", "-o", str(tmp_path / "nope" / "x.md")]) == 2
    assert main(["export", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no such folder" in err
    assert "is a folder" in err
    assert _tree(tmp_path) == set()
