"""Word segmentation's resources misbehaving: jieba's cache cannot be written (issue 21, item 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

ZH = "国务院总理李强在上海出席2025世界人工智能大会开幕式并致辞，提出中国政府倡议成立世界人工智能合作组织。"

# the disk is full: every temp file fails, as jieba's cache dump does on a full or read-only disk
FULL_DISK = """
import errno, sys, tempfile
def full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")
tempfile.mkstemp = full
from briefing.cli import main
sys.exit(main(["list", "--no-cache", "--jobs", "1", sys.argv[1]]))
"""


def test_a_full_or_read_only_cache_folder_prints_no_jieba_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "zh.txt").write_text(f"李强提议成立世界人工智能合作组织\n{ZH}\n", encoding="utf-8")
    env = {**os.environ, "BRIEFING_HOME": str(tmp_path / "home"), "PYTHONWARNINGS": "ignore"}
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "zh.txt" in done.stdout
    assert "Dump cache file failed" not in done.stderr
    assert "Traceback" not in done.stderr
