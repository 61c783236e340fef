"""Sentence splitting: what a reader would see as one sentence, and what may be quoted."""

from __future__ import annotations

from briefing.summarize.sentences import split_sentences


def texts(paragraphs: list[str], lang: str) -> list[tuple[str, bool]]:
    return [(s.text, s.complete) for s in split_sentences(paragraphs, lang)]


def test_japanese_quote_with_exclamation_stays_one_sentence() -> None:
    out = texts(["トランプ大統領はツイートで、「努力する！」と書いた。次の文です。"], "ja")
    assert out[0] == ("トランプ大統領はツイートで、「努力する！」と書いた。", True)
    assert len(out) == 2


def test_japanese_caption_glued_with_a_space_is_split_off_and_not_quotable() -> None:
    text = "北朝鮮と話をするにはどうすれば 初心者ガイド トランプ大統領は今年3月、提案を受け入れると表明した。"
    out = texts([text], "ja")
    assert out[-1] == ("トランプ大統領は今年3月、提案を受け入れると表明した。", True)
    assert [c for _, c in out[:-1]] == [False, False]


def test_text_after_the_last_terminator_is_kept() -> None:
    # sumy's own ja/zh regex drops this tail
    out = texts(["人工智能是全人类共同财富。句末没有句号"], "zh-cn")
    assert [t for t, _ in out] == ["人工智能是全人类共同财富。", "句末没有句号"]


def test_digest_bullets_become_sentences_without_headings_or_citations() -> None:
    text = (
        "Core Viewpoint - The report emphasizes the urgent need for a global AI safety system"
        " [1][2]. Group 1: AI Governance Challenges - The rapid advancement of AI presents"
        " significant governance challenges for regulators [1][2]. - The fragmentation of"
        " global AI governance mechanisms is highlighted by the authors [3]"
    )
    out = [t for t, complete in texts([text], "en") if complete]
    assert len(out) == 3
    assert out[0].startswith("The report emphasizes")
    assert out[1].startswith("The rapid advancement")
    assert out[2].startswith("The fragmentation")
    assert all("[" not in t and "Group 1" not in t and "Core" not in t for t in out)


def test_credits_sources_and_teasers_are_not_quotable() -> None:
    out = texts(
        [
            "Un plan d’action pour la gouvernance mondiale de l’IA a été émis lors de la conférence.",
            "(Avec entrée de Xinhua)",
            "Pour recevoir la lettre, écrivez à contact@example.com avant lundi prochain.",
            "近年来,中国以《全球人工智能治理倡议》为根本遵循, ...",
        ],
        "fr",
    )
    assert [c for _, c in out] == [True, False, False, False]


def test_paragraph_index_points_back_to_the_source() -> None:
    out = split_sentences(
        ["Première phrase du texte ici. Deuxième phrase du texte.", "Autre paragraphe complet."],
        "fr",
    )
    assert [s.paragraph for s in out] == [0, 0, 1]
    assert [s.index for s in out] == [0, 1, 2]


def test_photo_captions_with_a_full_stop_are_not_quotable() -> None:
    out = texts(
        [
            "The Queen's Guard slipped on a manhole cover outside Buckingham Palace on Sunday.",
            "The Queen's Guard (pictured) slipped on a manhole cover during the ceremony.",
            "ウィルダース氏（写真中央）は欧州各国の極右勢力と協調している。",
        ],
        "en",
    )
    assert [c for _, c in out] == [True, False, False]


MIYAZAKI_ZH = [
    "3小时前",
    "图片说明，",
    "一位女士在为动画电影《你想活出怎样的人生》的海报拍照。据说该作品有着宫崎骏导演一些自传的色彩。",
    "日本动画界的传奇人物，宫崎骏导演于7日凭借电影《你想活出怎样的人生》以82岁高龄首次获得美国金球奖。",
]


def test_the_paragraph_under_a_caption_label_is_a_caption_however_punctuated() -> None:
    # BBC's services print "Image caption," over each caption: "图片说明，", "画像説明,"
    out = texts(MIYAZAKI_ZH, "zh-cn")
    assert [t for t, c in out if c] == [MIYAZAKI_ZH[3]]
    ja = ["画像説明,", "ポスターを撮影する女性。同作品は監督の自伝的な側面もあるとされる",
          "宮崎駿監督が7日、映画で82歳にして初の米ゴールデングローブ賞を受賞した。"]  # fmt: skip
    assert [t for t, c in texts(ja, "ja") if c] == [ja[2]]


def test_a_caption_label_opening_a_paragraph_makes_the_paragraph_a_caption() -> None:
    paragraphs = [
        "Légende image, Des secouristes fouillent les décombres de l'école de Gaziantep lundi.",
        "Les secouristes ont sorti vivantes douze personnes des décombres lundi, dans le sud.",
    ]
    assert [t for t, c in texts(paragraphs, "fr") if c] == [paragraphs[1]]


def test_prose_that_names_a_caption_stays_quotable() -> None:
    paragraphs = ["Caption contests drew 4,000 entries this year, the magazine said."]
    assert texts(paragraphs, "en") == [(paragraphs[0], True)]


def test_a_bracketed_name_is_not_a_japanese_place_pointer() -> None:
    # （奥山元照住持）: 奥山 is a name, not 奥 ("at the back") of a caption
    zh = "在8日，平泉町的中尊寺（奥山元照住持）举办了“金盃披”仪式，以庆祝祈福法会圆满结束。"
    ja = "平泉町の中尊寺（奥山元照貫首）で８日、修正会の結願を祝う「金盃披き」が行われた。"
    assert texts([zh], "zh-cn") == [(zh, True)]
    assert texts([ja], "ja") == [(ja, True)]
    assert texts(["ハリリ首相（左）とムハンマド皇太子が会談した。"], "ja")[0][1] is False
