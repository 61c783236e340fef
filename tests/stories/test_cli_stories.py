"""``briefing stories``: the story list a script or an analyst reads."""

from __future__ import annotations

import json

from briefing.cli import main


def test_stories_json_has_each_story_with_its_members_and_anchors(capsys) -> None:
    assert main(["stories", "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["articles"] == 14
    stories = data["stories"]
    assert sum(len(s["documents"]) for s in stories) == 14
    story = next(s for s in stories if any(i.startswith("000") for i in s["documents"]))
    assert {"id", "label", "start", "end", "languages", "sources", "documents", "anchors",
            "links", "duplicates", "rows", "columns"} <= set(story)  # fmt: skip
    assert story["start"] == "2025-07-26"
    assert {"ja", "zh-tw", "fr"} <= set(story["languages"])
    assert any(a["label"] == "Li Qiang / 李強" for a in story["anchors"])
    link = story["links"][0]
    assert {"a", "b", "score", "anchors"} <= set(link)
    assert link["anchors"]
    shared = [r for r in story["rows"] if not r["single"]]
    assert shared
    assert all(len([c for c in r["cells"] if c]) >= 2 for r in shared)
    assert len(story["rows"][0]["cells"]) == len(story["columns"])
    alone = [s for s in stories if len(s["documents"]) == 1]
    assert alone
    assert all("rows" not in s for s in alone)
    assert err == ""


def test_stories_text_explains_the_grouping(capsys) -> None:
    assert main(["stories"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("12 stories in 14 articles")
    assert "joined by:" in out
    assert "Li Qiang / 李強" in out
    assert "side by side:" in out
    assert "only in Xinhua (fr):" in out
    assert "told by one article" in out


def test_singles_lists_the_points_only_one_outlet_reports(capsys) -> None:
    assert main(["stories", "--singles"]) == 0
    plain = capsys.readouterr().out
    assert main(["stories"]) == 0
    assert len(plain.splitlines()) > len(capsys.readouterr().out.splitlines())


def test_hostile_titles_stay_inert(tmp_path, capsys) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    body = "Premier Li Qiang spoke in Shanghai on Saturday before more than 1,000 people."
    for name in ("a", "b"):
        (folder / f"{name}.json").write_text(
            json.dumps(
                {
                    "title": f"\x1b[31m{name} [bold]x[/bold]\x1b]8;;http://e\x07",
                    "text": body * (1 if name == "a" else 2),
                    "source": f"S{name}",
                }
            ),
            "utf-8",
        )
    assert main(["stories", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "[bold]x[/bold]" in out  # shown literally, never as markup


def test_an_empty_folder_is_nothing_to_group(tmp_path, capsys) -> None:
    assert main(["stories", str(tmp_path)]) == 1
    assert "briefing:" in capsys.readouterr().err
