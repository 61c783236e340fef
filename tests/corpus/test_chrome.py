"""Page chrome lines in the languages the field's saved pages print them, and the article
sentences beside them that say the same words and must stay."""

from __future__ import annotations

import pytest

from briefing.corpus.chrome import is_chrome, strip_credits

CHROME = [
    "MUST READ | Thousands of Australians are calling for their prime minister's resignation",
    "ALSO READ | Serena donates signed dress to Australian bushfire appeal",
    "LEE MÁS | Kenji Fujimori: exministro Giuffra niega que haya negociado obras",
    "MIRA | Kenji Fujimori: PJ concluye con interrogatorio a testigos",
    "Czytaj też:",
    "Dowiedz się więcej: Kto jak głosował ws. unijnych funduszy?",
    'Simak Video "Penyakit Jantung Penyakit Orang Tua?"',
    "Temps de lecture : 4 min",
    "5 min read",
    "- Ajouter à mes favoris L'article a été ajouté à vos favoris",
    "- Google News",
    "Sign-up Successful!",
    "Loading...",
    "Chargement…",
    "(vyp/kna)",
    "ebowleg@tribunemedia.net",
    "Tribune Staff Reporter",
    "Publiée par Centre Hospitalier de la Côte Basque sur Jeudi 26 mars 2020",
    "13 Jan 2020, 22:11 GMT+10",
    "- 27 juin 2019",
    "Featured image by Alberto Riva/The Points Guy.",
    "(Credit: Clayton Aldern / Grist)",
    "This post contains references to products from one or more of our advertisers.",
    "Temas",
    "-",
    "（资料图）",
    "【图】",
    "（组图）",
    "写真",
    "（イメージ）",
    "(Photo)",
    "[Image]",
]

ARTICLE = [
    "Read the statement in full, the minister told reporters, and you will see no apology.",
    "Il a mis 4 min à traverser la place, selon les témoins interrogés par la police.",
    "Loading of the ships resumed on Tuesday after the strike ended.",
    "The image by the photographer was later used on the cover of the magazine.",
    "On 13 Jan 2020 the fire was finally brought under control, officials said.",
    "(...)",
    "Temas como la inflación dominaron la reunión del sindicato con la patronal.",
    "Sign up for the course was slow at first, the university said, but numbers grew.",
    "Photos of the flooded station were shared widely online.",
    "写真は地元の住民が撮影した。",
    "图片显示，洪水已经漫过了堤坝。",
]


@pytest.mark.parametrize("line", CHROME)
def test_a_chrome_line_is_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize("line", ARTICLE)
def test_an_article_sentence_with_the_same_words_is_kept(line: str) -> None:
    assert not is_chrome(line)


def test_an_editors_initials_closing_the_last_paragraph_are_cut_not_the_sentence() -> None:
    para = "Nur die Folie bleibt zurück, sagt der Geschäftsführer. (grh)"
    assert strip_credits(para) == "Nur die Folie bleibt zurück, sagt der Geschäftsführer."
    assert (
        strip_credits("Die Abkürzung (grh) steht im Text.") == "Die Abkürzung (grh) steht im Text."
    )
