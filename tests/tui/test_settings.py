"""Settings that stick: the reader opens as it was left, and a broken file never stops it."""

from __future__ import annotations

from briefing.config import config_path, load_settings
from tests.tui.fakes import wait_ready


async def test_grouping_language_and_theme_are_kept_for_next_time(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert not config_path().exists()  # created on the first change, not on start
        await pilot.press("v", "l", "a")
    settings, problems = load_settings()
    assert problems == []
    assert (settings.grouping, settings.language, settings.theme) == (
        "theme",
        "en",
        "textual-light",
    )
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert again.library.grouping == "theme"
        assert again.library.language == "en"
        assert again.theme == "textual-light"
        assert "lang: en" in str(again.library.query_one("#status").render())


async def test_a_broken_settings_file_is_one_notice_and_the_defaults(make_app) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("grouping = ", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        notices = [str(n.message) for n in app._notifications if "config.toml" in str(n.message)]
        assert len(notices) == 1
        assert "not valid TOML" in notices[0]
        assert app.library.grouping == "date"


async def test_keys_rebound_by_action_id(make_app) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keys]\n"library.grouping" = "ctrl+g"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+g")
        assert app.library.grouping == "theme"
