"""Stories are core: no UI library, and ``briefing stories`` never loads Textual."""

from __future__ import annotations

from tests.test_import_hygiene import _modules_after


def test_stories_import_no_ui() -> None:
    mods = _modules_after("import briefing.stories, briefing.stories.align, briefing.stories.match")
    assert not {m for m in mods if m.split(".")[0] in ("textual", "rich")}


def test_briefing_stories_does_not_load_textual() -> None:
    mods = _modules_after(
        "import contextlib, io\n"
        "from briefing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['stories'])"
    )
    assert "textual" not in mods


def test_a_warm_briefing_stories_loads_nothing_heavy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_lazy_imports import loaded, modules_after

    modules_after(["stories"], tmp_path)  # cold: reads, themes and summarizes the seeds
    warm = modules_after(["stories"], tmp_path)
    assert loaded(warm) == set()  # no jieba, sumy, langdetect, textual…
