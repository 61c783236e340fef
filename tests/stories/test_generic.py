"""Generic words never become anchors: the words that chained unrelated French articles."""

from __future__ import annotations

from briefing.stories.anchors import text_anchors


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
