"""``briefing daily`` and ``briefing export`` on the seeds and on a temp corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefing.cli import main

HOSTILE_TITLE = "# [bold]Boom[/bold] | <script>alert(1)</script> [x](http://evil) \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\"
HOSTILE_BODY = (
    "---\n"
    "The minister said on Saturday that [@click=app.quit] **nothing** would change. "
    "\x1b[31mRed alert\x1b[0m was raised in the capital, officials said.\n"
    "1. A numbered claim | with | pipes and <b>html</b> and ![img](http://evil/i.png).\n"
    "# Not a heading, said the spokesman, and > not a quote either.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.json").write_text(
        json.dumps(
            [
                {"title": HOSTILE_TITLE, "text": HOSTILE_BODY, "date": "2025-07-26", "source": "Evil | Wire"},
                {"title": "Li Qiang proposes AI body", "date": "2025-07-26", "source": "Wire",
                 "text": "Chinese Premier Li Qiang proposed a world AI cooperation organization on Saturday. "
                         "More than 1,000 people attended the conference in Shanghai. Governance was the theme."},
                {"title": "Older news", "date": "2025-07-20", "source": "Wire",
                 "text": "An older article about open source AI models. Developers downloaded them freely."},
                {"title": "No date here", "source": "Wire",
                 "text": "An undated article about robots. Humanoid robots walked through the hall."},
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    (folder / "broken.json").write_text("{", encoding="utf-8")
    return folder


def test_daily_defaults_to_newest_day_and_says_so(corpus: Path, capsys) -> None:
    assert main(["daily", str(corpus)]) == 3  # broken.json was skipped
    out, err = capsys.readouterr()
    assert "briefing: showing 2025-07-26, the newest day" in err
    assert "broken.json: not valid JSON" in err
    assert out.startswith(
        "Daily brief for 2025-07-26 (newest day in the corpus)\n2 articles, 1 undated listed apart"
    )
    assert "Older news" not in out
    undated = out.index("Undated (1)")
    assert out.index("No date here") > undated
    assert out.index("Li Qiang proposes AI body") < undated
    assert "\x1b" not in out


def test_daily_since_and_lang_and_theme_filters(corpus: Path, capsys) -> None:
    assert (
        main(["daily", str(corpus), "--since", "2025-07-01", "--json"]) == 3
    )  # broken.json was skipped
    data = json.loads(capsys.readouterr().out)
    assert (data["start"], data["end"], data["count"]) == ("2025-07-01", "2025-07-26", 3)
    titles = [d["title"] for g in data["groups"] for d in g["documents"]]
    assert "Older news" in titles
    assert [d["title"] for d in data["undated"]] == ["No date here"]
    for group in data["groups"]:
        assert {"theme", "label", "documents"} <= set(group)
        for doc in group["documents"]:
            assert {"id", "title", "source", "lang", "date", "brief"} <= set(doc)
            assert 1 <= len(doc["brief"]) <= 3
    assert main(["daily", str(corpus), "--lang", "ja"]) == 1
    assert "no articles matched" in capsys.readouterr().err


def test_daily_on_seeds_groups_newest_day_by_theme(capsys) -> None:
    assert main(["daily", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["start"] == "2025-12-23"
    ids = [d["id"] for g in data["groups"] for d in g["documents"]]
    assert sorted(ids) == [f"004_f3eb38ce3b79a726.txt#{n}" for n in (1, 2, 3)]
    assert len(data["undated"]) == 1  # 000 and 003 are filed on their story's day


def test_bad_arguments_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["daily", "--date", "yesterday"])
    assert exc.value.code == 2
    assert main(["daily", "--theme", "no-such-theme"]) == 2
    assert "unknown theme" in capsys.readouterr().err


def _tokens(text: str) -> list:
    return MarkdownIt("commonmark").parse(text)


def test_export_is_valid_commonmark_and_hostile_text_stays_literal(
    corpus: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "out.md"
    assert main(["export", str(corpus), "-o", str(target)]) == 3  # broken.json was skipped
    text = target.read_text(encoding="utf-8")
    tokens = _tokens(text)
    types = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not types & {
        "html_block",
        "html_inline",
        "link_open",
        "image",
        "hr",
        "blockquote_open",
        "ordered_list_open",
    }
    h2 = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]
    h3 = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h3"
    ]
    assert h2[-1] == "Undated articles"
    assert len(h3) == 4  # every article once, the hostile one included
    rendered = MarkdownIt("commonmark").render(text)
    # the title shows literally: no heading mark, markup, link or table syntax took effect
    assert "<h3># [bold]Boom[/bold] | [x](http://evil)" in rendered
    assert "\x1b" not in text
    assert "- Articles: 4 (1 undated)" in text
    assert re.search(r"- Languages: en 4", text)


def test_export_refuses_to_overwrite_without_force(corpus: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.md"
    target.write_text("precious", encoding="utf-8")
    assert main(["export", str(corpus), "-o", str(target)]) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "precious"
    assert (
        main(["export", str(corpus), "-o", str(target), "--force"]) == 3
    )  # broken.json was skipped
    assert target.read_text(encoding="utf-8").startswith("# Briefing")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


@pytest.mark.parametrize("kind", ["file", "dangling-symlink"])
def test_export_never_replaces_a_file_that_appeared_during_the_load(
    corpus: Path, tmp_path: Path, capsys, monkeypatch, kind: str
) -> None:
    from briefing.commands import daily

    target = tmp_path / "out.md"
    real_load = daily.load

    def load_while_someone_writes(args):  # the file appears after the up-front check
        if kind == "file":
            target.write_text("precious", encoding="utf-8")
        else:
            target.symlink_to(tmp_path / "nowhere.md")
        return real_load(args)

    monkeypatch.setattr(daily, "load", load_while_someone_writes)
    assert main(["export", str(corpus), "-o", str(target)]) == 2
    assert "out.md: exists; use --force to replace it" in capsys.readouterr().err
    if kind == "file":
        assert target.read_text(encoding="utf-8") == "precious"
    else:
        assert target.is_symlink()
        assert not (tmp_path / "nowhere.md").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_export_to_stdout_includes_notes(corpus: Path, capsys) -> None:
    from briefing.corpus.load import load_corpus
    from briefing.store import Store

    doc = next(d for d in load_corpus([corpus]).documents if d.title == "Older news")
    Store().set_note(doc, "Check this [red]one[/red] | ## later")
    assert (
        main(["export", str(corpus), "-o", "-", "--date", "2025-07-20"]) == 3
    )  # broken.json was skipped
    out = capsys.readouterr().out
    assert "**Note:** Check this \\[red]one\\[/red] | ## later" in out
    assert "Li Qiang" not in out  # other days filtered out


def test_export_of_seeds_has_a_section_per_theme(tmp_path: Path) -> None:
    target = tmp_path / "seeds.md"
    assert main(["export", "-o", str(target)]) == 0
    tokens = _tokens(target.read_text(encoding="utf-8"))
    h3 = [t for t in tokens if t.type == "heading_open" and t.tag == "h3"]
    assert len(h3) == 14


def test_exclusive_write_without_hard_links_still_never_replaces(
    tmp_path: Path, monkeypatch
) -> None:
    import os

    from briefing.atomic import write_atomic

    def no_links(*_args, **_kwargs):
        raise PermissionError(1, "Operation not permitted")  # FAT, some network shares

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "new.md"
    write_atomic(target, b"first", replace=False)
    assert target.read_bytes() == b"first"
    with pytest.raises(FileExistsError):
        write_atomic(target, b"second", replace=False)
    assert target.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.md"]
