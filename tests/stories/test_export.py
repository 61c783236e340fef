"""The Stories section of ``briefing export``: structure holds, duplicates listed once."""

from __future__ import annotations

import json
from pathlib import Path

from markdown_it import MarkdownIt

from briefing.cli import main

HOSTILE = "# [x](http://evil) | <b>Li Qiang</b> **proposes** \x1b[31mred"
BODY = (
    "Premier Li Qiang proposed a world AI cooperation organization in Shanghai on Saturday, "
    "before more than 1,000 participants from industry and universities. He said China would "
    "share open-source technology with the Global South and called for joint research."
)


def export(args: list[str], tmp_path: Path) -> str:
    target = tmp_path / "out.md"
    assert main(["export", "-o", str(target), *args]) == 0
    return target.read_text("utf-8")


def test_seed_export_has_the_story_with_its_facts_side_by_side(tmp_path: Path) -> None:
    text = export([], tmp_path)
    stories = text.split("## Stories", 1)[1].split("\n## ", 1)[0]
    assert "中国の李強首相、世界AI協力機構を提案" in stories or "國務院總理李強" in stories
    assert "Li Qiang / 李強" in stories
    assert "**Side by side**" in stories
    assert "plus de 1 000 participants" in stories
    assert "**Only one outlet reports**" in stories
    tokens = MarkdownIt("commonmark").parse(text)
    h2 = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]
    assert h2[-1] == "Stories"  # after the briefs
    assert "- **" in stories.split("\n### ", 1)[0]  # one line per story first


def test_hostile_text_stays_text_and_a_copy_is_listed_once(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    records = [
        {"title": HOSTILE, "text": BODY, "date": "2025-07-26", "source": "Wire | A"},
        {"title": "Li Qiang proposes AI body", "text": BODY, "date": "2025-07-26", "source": "B"},
        {"title": "李强在上海提出倡议", "date": "2025-07-27", "source": "C",
         "text": "国务院总理李强26日在上海出席大会，1000多人参加。他表示中国愿同全球南方分享开源技术。"},
    ]  # fmt: skip
    for n, record in enumerate(records):  # one file each: items of one file never share a story
        (folder / f"{n}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    text = export([str(folder)], tmp_path)
    html = MarkdownIt("commonmark").render(text)
    assert "<a " not in html
    assert "<b>" not in html
    assert "\x1b" not in text
    h3 = [line for line in text.splitlines() if line.startswith("### ")]
    assert len(h3) == 2  # the copy is not repeated as an article of its own
    assert "**Also in:**" in text
    assert "- Duplicates: 1, each listed once under the article it copies" in text
    stories = text.split("## Stories", 1)[1]
    assert "also in:" in stories
    assert "zh-cn" in stories
    assert "Li Qiang" in stories
