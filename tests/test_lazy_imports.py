"""Heavy libraries load only when a document needs them, and a warm command needs none.

Each case runs ``briefing`` in a fresh interpreter (imports are per process) and lists the
modules it ended with. jieba's dictionary costs 0.7 s, langdetect's profiles 0.3–0.7 s, sumy with
NLTK about as much, Textual 0.25 s: a user who only reads French news, or reopens yesterday's
folder, pays none of that.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_library import CHIPS, write_article

HEAVY = ("textual", "jieba", "tinysegmenter", "langdetect", "sumy", "nltk", "rich")


def modules_after(argv: list[str], home: Path, *, full: bool = False) -> set[str]:
    """Top-level modules (every module's full name if ``full``) imported by ``briefing *argv``
    in a fresh interpreter."""
    code = (
        "import contextlib, io, sys\n"
        "from briefing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print(' '.join(sorted({{m if {full!r} else m.split('.')[0] for m in sys.modules}})))\n"
    )
    env = {**os.environ, "BRIEFING_HOME": str(home), "PYTHONWARNINGS": "ignore"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return set(out.stdout.split())


def loaded(mods: set[str]) -> set[str]:
    return {m for m in HEAVY if m in mods}


def test_help_loads_nothing_heavy(tmp_path: Path) -> None:
    assert loaded(modules_after(["--help"], tmp_path)) == set()


def test_a_warm_daily_loads_nothing_heavy(tmp_path: Path) -> None:
    cold = modules_after(["daily"], tmp_path)
    assert {"jieba", "sumy"} <= cold  # the seeds need them the first time
    assert "textual" not in cold
    assert loaded(modules_after(["daily"], tmp_path)) == set()


def test_a_warm_daily_imports_none_of_the_file_parsers(tmp_path: Path) -> None:
    """A reopen the cache answers reads no file, so the loader's parsers, repair, charset and
    language detection (a tenth of a second of imports) stay out of it."""
    modules_after(["daily"], tmp_path)
    warm = modules_after(["daily"], tmp_path, full=True)
    assert "briefing.library" in warm
    parsers = {"briefing.corpus.load", "briefing.corpus.document", "briefing.corpus.formats",
               "briefing.corpus.read", "briefing.corpus.detect", "briefing.corpus.chrome"}  # fmt: skip
    assert parsers.isdisjoint(warm)


def test_a_warm_list_json_loads_nothing_heavy(tmp_path: Path) -> None:
    modules_after(["list", "--json"], tmp_path)
    assert loaded(modules_after(["list", "--json"], tmp_path)) == set()


@pytest.fixture
def french(tmp_path: Path) -> Path:
    for i in range(3):
        write_article(tmp_path / "fr", f"{i}.txt", f"Plan puces, jour {i}", CHIPS)
    return tmp_path / "fr"


@pytest.fixture
def japanese(tmp_path: Path) -> Path:
    body = ("東京でロボットの展示会が開かれた。", "技術者は新しい機械を紹介した。",
            "多くの企業が来年の導入を計画している。")  # fmt: skip
    for i in range(3):
        write_article(tmp_path / "ja", f"{i}.txt", f"ロボット展示会 {i}日目", body)
    return tmp_path / "ja"


@pytest.fixture
def chinese(tmp_path: Path) -> Path:
    body = ("上海举行了机器人展览会。", "工程师介绍了新的机器。", "许多企业计划明年采购。")
    for i in range(3):
        write_article(tmp_path / "zh", f"{i}.txt", f"机器人展览会第{i}天", body)
    return tmp_path / "zh"


def test_french_needs_no_segmenter(french: Path, tmp_path: Path) -> None:
    mods = modules_after(["daily", str(french), "--json"], tmp_path / "home")
    assert "langdetect" in mods  # Latin script: detected statistically
    assert {"jieba", "tinysegmenter", "textual"}.isdisjoint(mods)


def test_japanese_needs_neither_jieba_nor_langdetect(japanese: Path, tmp_path: Path) -> None:
    mods = modules_after(["daily", str(japanese), "--json"], tmp_path / "home")
    assert "tinysegmenter" in mods
    assert {"jieba", "langdetect", "textual"}.isdisjoint(mods)  # kana settle the language


def test_chinese_needs_neither_tinysegmenter_nor_langdetect(chinese: Path, tmp_path: Path) -> None:
    mods = modules_after(["daily", str(chinese), "--json"], tmp_path / "home")
    assert "jieba" in mods
    assert {"tinysegmenter", "langdetect", "textual"}.isdisjoint(mods)
