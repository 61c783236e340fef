"""The list's layout agrees, line by line, with the list drawn naively (every item in turn)."""

from __future__ import annotations

from briefing.tui.grouping import Group
from briefing.tui.widgets.list_layout import ROW_HEIGHT, Layout

GROUPS = [
    Group("2025-01-03", ("a", "b")),
    Group("2025-01-02", ("c",)),
    Group("Undated", ("d", "a")),
]


def naive_lines(groups: list[Group]) -> list[tuple[int, int]]:
    """(item index, line within it) of every line, drawing each item in turn."""
    lines: list[tuple[int, int]] = []
    index = 0
    for g, group in enumerate(groups):
        lines += [(index, n) for n in range(2 if g else 1)]  # a blank line above later headings
        index += 1
        for _ in group.doc_ids:
            lines += [(index, n) for n in range(ROW_HEIGHT)]
            index += 1
    return lines


def test_every_line_maps_to_the_item_drawn_there() -> None:
    layout = Layout(GROUPS, "")
    lines = naive_lines(GROUPS)
    assert layout.height == len(lines)
    assert [layout.locate(y) for y in range(len(lines))] == lines
    assert layout.locate(len(lines)) is None
    for index in range(len(layout)):
        first = lines.index((index, 0))
        assert layout.start(index) == first
        assert layout.item_height(index) == sum(1 for i, _ in lines if i == index)


def test_rows_headings_and_the_cursor_steps() -> None:
    layout = Layout(GROUPS, "")
    assert [layout.item(i) for i in range(len(layout))] == [
        GROUPS[0], "a", "b", GROUPS[1], "c", GROUPS[2], "d", "a"
    ]  # fmt: skip
    assert layout.doc_ids() == ["a", "b", "c", "d"]
    assert layout.count == 4  # "a" under two headings counts once
    assert layout.find("c") == 4
    assert layout.next_row(2, 1) == 4  # the heading between is skipped
    assert layout.next_row(4, -1) == 2
    assert layout.next_row(-1, 1) == 1
    assert layout.next_row(len(layout), -1) == 7
    assert layout.next_row(7, 1) is None


def test_an_empty_list_is_one_line_of_its_message() -> None:
    layout = Layout([], "No documents match the filter.")
    assert (layout.height, len(layout), layout.count) == (1, 0, 0)
    assert layout.locate(0) == (0, 0)
    assert layout.item(0) is None
    assert layout.next_row(-1, 1) is None
