"""Generic words never become anchors: the words that chained unrelated French articles."""

from __future__ import annotations

import subprocess
import sys

from briefing.stories.anchors import text_anchors
from tests.conftest import REPO


def test_countries_nationalities_first_names_and_etat_are_not_anchors() -> None:
    text = (
        "La France et les Français, vendredi : l'État répond. Nicolas est venu. "
        "多国与中国 Americans in the United States"
    )
    keys = {k for k in text_anchors(text) if k.startswith("name:")}
    assert not keys & {"name:france", "name:francais", "name:etat", "name:nicolas"}
    assert not keys & {"name:duoguo", "name:zhongguo"}


def test_a_full_name_with_a_common_first_name_stays() -> None:
    keys = set(text_anchors("Hier, Nicolas Sarkozy a parlé à Paris."))
    assert "name:nicolassarkozy" in keys


def test_the_written_out_han_keys_are_pinyins_own() -> None:
    from briefing.stories.generic import _HAN, _HAN_KEYS
    from briefing.stories.names import han_key

    assert set(_HAN_KEYS.split()) == {han_key(w) for w in _HAN.split()}


def test_a_folder_without_han_names_does_not_import_pypinyin() -> None:
    code = (
        "import sys; from briefing.stories.anchors import text_anchors;"
        "text_anchors('Hier, Nicolas Sarkozy a parlé à Paris.');"
        "print('pypinyin' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.strip() == "False"
