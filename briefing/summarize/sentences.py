"""Sentences of a document, offline, in reading order, each tagged with its paragraph.

Why not sumy's splitters: its English/French ``Tokenizer`` needs NLTK punkt data (not
downloadable here), and its ja/zh regex ``[^　！？。]*[！？。]`` drops the text after the last
terminator and glues a heading onto the next sentence. So:

* ja/zh: a small scanner that splits after 。！？ outside brackets (``「努力する！」と書いた。``
  is one sentence), and, for Japanese only, at a space between two CJK characters, because
  Japanese never puts spaces inside a sentence but scraped pages glue captions and headings to
  the text with one (XL-Sum: ``北朝鮮と話をするには 初心者ガイド トランプ大統領は…``).
* everything else: pysbd, per paragraph (it is superlinear: 87 KB of English takes 4 s), which
  gets abbreviations and ``… [1][2]. - The`` right where a regex does not.
* digest bullets (``Core Viewpoint - … [1][2]. Group 1: … - The …``) are split at their bullet
  dashes first, because neither splitter sees a boundary there.

Each sentence says whether it is *complete* (ends like a sentence, long enough, not a byline or
a credit line): only complete sentences may go into a brief, so a caption or a heading never
does, but the rest still count as context for ranking.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from briefing.summarize.latin import split_latin
from briefing.text.scripts import family

# sentence terminators in CJK text (full and half width)
CJK_TERMINATORS = frozenset("。！？!?")
# brackets that keep a terminator inside a sentence: 「…！」と述べた
CJK_OPEN = frozenset("「『（(“‘【〈《")
CJK_CLOSE = frozenset("」』）)”’】〉》")
# a space after a CJK character (Han, kana, CJK punctuation, full-width forms): in Japanese
# that is a glued caption or heading ("…と明かした FDAは今年3月、…"), never a word gap
CJK_SPACE = re.compile(r"(?<=[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60])[ \u3000]+")
# a digest paragraph: "Core Viewpoint - …", "Core Points - …", or bullets with [1] citations
DIGEST = re.compile(r"^\s*(?:Core|Key)\s+\w+\s*[-:–]\s|\[\d+\](?:\[\d+\])*\s*\.?\s+-\s")
# the boundaries inside a digest: " - " after a citation or before a capital, "Group 2:" headings
# (a run of spaces is matched from its start only, and whole: possessive, never rescanned)
DIGEST_SPLIT = re.compile(
    r"(?<=\])\s*\.?\s+-\s+|(?<!\s)\s++-\s++(?=[A-Z\"“])|(?<!\s)\s++(?=Group\s+\d+\s*[:\-–])"
)
# the heading at the start of a digest piece: "Core Viewpoint - ", "Group 1: AI Governance - "
DIGEST_HEAD = re.compile(
    r"^\s*(?:(?:Core|Key)\s+\w+|Group\s+\d+(?:\s*:\s*[^-–]{0,80}?)?)\s*[-:–]\s+|^\s*-\s+"
)
# citation markers of digests: [1], [2][3], [1, 2] (with the spaces before, taken from the start
# of their run, so a long run of spaces is not rescanned at each of its positions)
CITATION = re.compile(r"(?<!\s)\s*+\[\d+(?:\s*[,–-]\s*\d+)*\]")
# the citation markers a digest bullet ends on, and the full stop after them
TRAILING_CITATIONS = re.compile(r"(?:\s*\[\d+(?:\s*[,–-]\s*\d+)*\])+\s*\.?\s*$")
# spaces before punctuation that closes a clause: "word ." → "word." (a run taken whole)
SPACE_BEFORE_PUNCT = re.compile(r"(?<!\s)\s++([.,;:!?])(?=\s|$)")
# two or more spaces
SPACES = re.compile(r"\s{2,}")
# how a latin sentence ends: . ! ? … optionally followed by closing quotes or brackets (a
# space before one in detokenised text: "…to $3,000. \"")
LATIN_END = re.compile(r"[.!?…:;](?:\s?[\"'”’»)\]])*\s*$")
# how a CJK sentence ends
CJK_END = re.compile(r"[。！？!?．.][」』）)”’】]*\s*$")
# lines that are never article sentences: credits, bylines, sources, contact and subscribe text
BOILERPLATE = re.compile(
    r"^par [\w'’ .-]{2,40}\((?:en|in) [^)]{2,20}\)\s*$|"  # embed credit: par euronews (en …)
    r"https?://|www\.|(?<=\S)@\S{1,255}?\.\w|©|copyright|all rights reserved|reference\(s\)|"
    r"^\W*(?:photo|image|video|credit|source|read more|related|follow us|subscribe|click)\b|"
    r"^\W*(?:by|par)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*[,|]?\s*$|"
    r"\(avec\s[^)]{0,500}\)\s*$|英語記事|英文記事|责编|責編|责任编辑|責任編輯|來源[:：]|来源[:：]|"
    r"記者\s*[\u4e00-\u9fff·・]{2,4}\s*$|记者\s*[\u4e00-\u9fff·]{2,4}\s*$|摄\s*$|出典[:：]|^\W*(?:关注|關注|点击|點擊|观看视频|觀看視頻|观看视讯|觀看視訊)",
    re.IGNORECASE,
)
# a photo caption's pointer to the picture: "Merson (centre)", "ウィルダース氏（写真中央）"
CAPTION = re.compile(
    r"[(（]\s*(?:pictured|picture|photo|left|right|centre|center|above|below|top|bottom|inset|"
    r"file photo|illustration|à gauche|à droite|au centre|写真[^)）]{0,6}|图|圖)\s*[)）]|"
    # Japanese captions: "（左）", "（右から2人目）", "写真は…", "（…撮影）", "撮影：…"
    # (the place word alone or with what places it: "（奥山元照住持）" names a person)
    r"[(（](?:左|右|中央|手前|奥)(?:端|側|上|下|奥|手前|から[^)）]{1,8}|[\d０-９一二三四五][^)）]{0,4})?"
    r"[)）]|^写真[は:：]|[(（][^)）]{0,24}撮影[)）]|"
    r"撮影\s*[:：=]",
    re.IGNORECASE,
)
# how a Japanese caption ends when it does take a full stop: on the person or scene pictured
# ("…授けるオバマ氏。", "…アティさん。", "…もみあいが。"), which a sentence of news never does
# when it opens a paragraph that goes on
CAPTION_END_JA = re.compile(r"(?:氏|さん|たち|様子|人々|一家|光景|が)。$")
# how a CJK caption paragraph ends: on the picture's credit or on where and when it was taken,
# with no full stop after it ("…早上只喝饮料（照片由日本将棋联盟提供）", "…（日本将棋連盟提供）",
# "…积雪仍残留在各处=栃木县大田原市"); every sentence of such a paragraph describes the
# picture (王将战: "菅井八段第二日的上午点心是…" opened a brief)
CAPTION_PARAGRAPH_CJK = re.compile(
    r"[(（](?:照片|图片|圖片|相片|写真|画像|图|圖)[^()（）]{0,24}[)）]\s*$|"
    r"[(（][^()（）]{0,24}(?:提供|撮影|摄|攝|供图|供圖)[)）]\s*$|"
    r"[=＝][^=＝。！？!?]{2,30}$"
)
# the label a page prints before a picture's caption (BBC's services over every one: "Image
# caption,", "图片说明，", "画像説明,", "Légende image,"): alone on its paragraph, the caption is
# the next paragraph; at the head of one, the rest of it. Either way that paragraph describes
# the picture, punctuated like prose or not (宮崎駿: "一位女士在为…的海报拍照。" opened a brief)
CAPTION_LABEL = re.compile(
    r"^\s*(?:(?:image|photo|picture|media|video) caption|caption|"
    r"légende(?: (?:de l['’])?(?:image|photo|vidéo))?|pie de (?:foto|imagen)|"
    r"legenda(?: da (?:foto|imagem))?|bildunterschrift|подпись к (?:фото|видео)|"
    r"画像説明|写真説明|映像説明|動画説明|キャプション|"
    r"图片说明|圖片說明|图像说明|圖像說明|图片注释|圖片註釋|图像加注文字|圖像加註文字|"
    r"视频说明|視頻說明|视频加注文字|視頻加註文字|图注|圖註)"
    r"\s*(?:[,，、:：]|$)",
    re.IGNORECASE,
)
# a teaser cut short by its page: "…为根本遵循, ..." or "… de la …"
TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
# a sentence entirely in brackets: "(Avec entrée de Xinhua)", "（英語記事 …）"
BRACKETED = re.compile(r"^\s*[(（\[【][^)）\]】]*[)）\]】]\s*$")
# pysbd is superlinear, so a very long paragraph is cut at a likely boundary first
LONG_CUT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“«])")
LONG_PARAGRAPH = 3000
MAX_SENTENCE = 3000
"""Characters of one sentence at most (the longest in the eval and field sets: 1,815). Text
with no full stop (scraped pages, CJK without punctuation) would otherwise be one sentence of a
million characters: pysbd is superlinear in it, and a brief could quote all of it."""
# a label that announces the text after it, then a colon: "文章摘要如下:", "全文如下：",
# "编者按：", "Summary:", "Key points:", "En bref :" (scaffolding of digests and reposts,
# never the article's own statement; the statement after it is a sentence of its own)
SCAFFOLD = re.compile(
    r"^\s*(?:[^\s:：。！？.!?]{0,10}?(?:如下|以下|摘要|概要|要点|要點|导读|導讀|编者按|編者按|"
    r"要旨|まとめ|ポイント)|(?:in )?summary|summary of (?:the|this) (?:article|story)|"
    r"key (?:points|takeaways)|highlights|tl;?dr|résumé|en bref|à retenir|l'essentiel)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)
# the terminator-ended runs of a CJK piece, and its unterminated tail
CJK_RUN = re.compile(r"[^。！？]*[。！？]+[」』）)”’]*|[^。！？]+$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document, where it came from, and whether a brief may quote it."""

    text: str
    paragraph: int
    """Index into Document.paragraphs."""
    index: int
    """Position in the document, counting every sentence (complete or not)."""
    complete: bool
    """Ends like a sentence, long enough, and not a credit/byline: fit to quote in a brief."""


def _split_cjk(text: str, lang: str) -> Iterator[str]:
    """Split after a terminator at bracket depth 0 (or a closing bracket right after one)."""
    if family(lang) == "ja":
        text = CJK_SPACE.sub("\n", text)
    for line in text.split("\n"):
        for piece in _scan_cjk(line):
            if piece := piece.strip():
                yield piece


def _scan_cjk(line: str) -> list[str]:
    out: list[str] = []
    depth = 0
    start = 0
    n = len(line)
    i = 0
    while i < n:
        ch = line[i]
        if ch in CJK_OPEN:
            depth += 1
        elif ch in CJK_CLOSE:
            depth = max(0, depth - 1)
            nxt = line[i + 1] if i + 1 < n else " "
            if (
                depth == 0
                and line[i - 1 : i]
                and line[i - 1] in CJK_TERMINATORS
                and (nxt.isspace() or nxt in CJK_OPEN)
            ):
                out.append(line[start : i + 1])
                start = i + 1
        elif ch in CJK_TERMINATORS and depth == 0:
            j = i + 1
            while j < n and (line[j] in CJK_TERMINATORS or line[j] in CJK_CLOSE):
                j += 1
            out.append(line[start:j])
            start = j
            i = j
            continue
        i += 1
    if start < n:
        out.append(line[start:])
    # an unbalanced bracket would swallow the rest of the paragraph: split that run plainly
    fixed: list[str] = []
    for piece in out:
        if len(piece) > 300 and any(t in piece[:-1] for t in "。！？"):
            fixed.extend(CJK_RUN.findall(piece))
        else:
            fixed.append(piece)
    return fixed


def _split_latin(text: str, lang: str) -> Iterator[str]:
    """Rule-based sentences (:mod:`briefing.summarize.latin`), a chunk of at most
    LONG_PARAGRAPH-ish characters at a time, handed out as each chunk is split."""
    chunks = [text]
    if len(text) > LONG_PARAGRAPH:
        chunks = _cut_long(text)
    for chunk in chunks:
        yield from split_latin(chunk, lang)


def _cut_long(text: str) -> list[str]:
    """Cut a long paragraph into pieces of about LONG_PARAGRAPH chars at sentence-like gaps,
    and any piece still over :data:`MAX_SENTENCE` (no such gap in it) at spaces."""
    pieces: list[str] = []
    start = 0
    for m in LONG_CUT.finditer(text):
        if m.start() - start >= LONG_PARAGRAPH // 2:
            pieces.extend(cut_run(text[start : m.start()]))
            start = m.end()
    pieces.extend(cut_run(text[start:]))
    return pieces


def cut_run(text: str, size: int = MAX_SENTENCE) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, each cut at the last space (or
    ideographic space) in its second half when there is one: text with no sentence boundary
    still comes in bounded pieces."""
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end, half = start + size, start + size // 2
        cut = max(text.rfind(" ", half, end), text.rfind("\u3000", half, end))
        end = cut + 1 if cut > 0 else end
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _digest_pieces(paragraph: str) -> list[str] | None:
    """The bullets of a digest paragraph, headings and citations removed; None if not one."""
    if not DIGEST.search(paragraph):
        return None
    out = []
    for piece in DIGEST_SPLIT.split(paragraph):
        piece = DIGEST_HEAD.sub("", piece.strip())
        piece = DIGEST_HEAD.sub("", piece)  # "Group 1 - Core Points - …"
        piece = TRAILING_CITATIONS.sub("", piece)
        if piece:
            out.append(piece)
    return out


def _unscaffold(pieces: Iterable[str]) -> Iterator[str]:
    """Each piece, with a :data:`SCAFFOLD` label at its start cut off as a piece of its own
    (which then ends on a colon, so no brief quotes it)."""
    for piece in pieces:
        m = SCAFFOLD.match(piece)
        if m and m.end() < len(piece.rstrip()):
            yield piece[: m.end()]
            yield piece[m.end() :]
        else:
            yield piece


def clean(text: str) -> str:
    """Display form of a sentence: citation markers and stray spacing removed."""
    text = CITATION.sub("", text)
    text = SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return SPACES.sub(" ", text).strip()


def is_complete(text: str, lang: str) -> bool:
    """Fit to quote: ends like a sentence, is long enough, and is not a credit, a byline or
    a scaffolding label."""
    if BOILERPLATE.search(text) or BRACKETED.match(text) or TRUNCATED.search(text):
        return False
    if SCAFFOLD.fullmatch(text):
        return False
    if CAPTION.search(text):  # a caption that happens to end with a full stop
        return False
    if family(lang) in ("ja", "zh"):
        cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff]", text))
        return bool(CJK_END.search(text)) and (cjk >= 12 or len(text) >= 20)
    return bool(LATIN_END.search(text)) and len(text.split()) >= 5


def split_sentences(paragraphs: Sequence[str], lang: str) -> list[Sentence]:
    """All sentences of the paragraphs, in reading order."""
    return list(iter_sentences(paragraphs, lang))


def iter_sentences(paragraphs: Sequence[str], lang: str) -> Iterator[Sentence]:
    """The sentences of the paragraphs one by one, in reading order, so that a caller who needs
    only the first few hundred of a very long text splits no more than those."""
    cjk = family(lang) in ("ja", "zh")
    count = 0
    labelled = False  # the paragraph before was a caption's label alone
    for p_index, paragraph in enumerate(paragraphs):
        digest = None if cjk else _digest_pieces(paragraph)
        texts: Iterable[str]
        if digest is not None:
            texts = itertools.chain.from_iterable(_split_latin(p, lang) for p in digest)
            bullets = True
        else:
            texts = _split_cjk(paragraph, lang) if cjk else _split_latin(paragraph, lang)
            bullets = False
        first = True
        # a caption paragraph: none of its sentences is the article's own statement
        label = CAPTION_LABEL.match(paragraph)
        pictured = (
            labelled
            or label is not None
            or (cjk and bool(CAPTION_PARAGRAPH_CJK.search(paragraph.rstrip())))
        )
        labelled = label is not None and not paragraph[label.end() :].strip()
        for raw in texts:
            for piece in _unscaffold(cut_run(raw)):
                # every sentence is the text's own slice, so a brief quotes it verbatim; a
                # digest bullet only loses the citation markers it ends on (``… [1][2].``)
                text = TRAILING_CITATIONS.sub("", piece) if bullets else piece.strip()
                if not text:
                    continue
                complete = not pictured and is_complete(text, lang)
                if first and complete and family(lang) == "ja" and CAPTION_END_JA.search(text):
                    complete = len(text) == len(paragraph.strip())  # the paragraph's only one
                first = False
                if bullets and not complete and not BOILERPLATE.search(text):
                    # a digest bullet has no full stop but is a whole statement
                    complete = len(text.split()) >= 6
                yield Sentence(text, p_index, count, complete)
                count += 1
