"""``briefing config path``: where the reader's settings file is (or will be, once a setting is
changed: the file is created on the first change), so a user can open it in an editor."""

from __future__ import annotations

import argparse
import sys

from briefing.exitcodes import ExitCode


def cmd_config(args: argparse.Namespace) -> int:
    from briefing.config import config_path, load_settings

    path = config_path()
    sys.stdout.write(f"{path}\n")
    if not path.exists():
        sys.stderr.write("briefing: no settings yet; the reader writes this file on a change\n")
        return ExitCode.OK
    _settings, problems = load_settings(path)
    for problem in problems:
        sys.stderr.write(f"briefing: {problem}\n")
    return ExitCode.OK
