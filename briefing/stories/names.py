"""Names that cross scripts: ``李強`` (ja), ``李强`` (zh-cn) and ``Li Qiang`` (fr) as one key.

A name's key is its romanisation with case, accents, spaces and tones removed: ``liqiang``.
Latin-script names are folded to that form directly; Han names are folded traditional →
simplified and romanised with pypinyin, which also reads the Han characters of Chinese names in
Japanese text (``李強首相`` → ``li qiang``). Japanese names in katakana are not handled: their
Latin spelling cannot be recovered without a dictionary.

Finding names without a tagger (jieba's per-token HMM costs ~5 ms per article, too much for the
10,000-article target):

- Latin script: runs of capitalised words and acronyms (``WAIC``, ``OpenAI``, ``Li Qiang``), the
  first word of a sentence only if the document also writes it capitalised mid-sentence. In
  Chinese and Japanese text every Latin word counts: it is almost always a name or an acronym.
- Han script: forward maximum matching against jieba's dictionary, keeping words it tags as a
  person, place or organisation (``李强`` nrfg, ``上海`` ns, ``联合国`` nt); plus a common surname
  and one or two characters next to a title (``副部长傅莹曾指出`` → ``傅莹``), for the many people
  no dictionary lists.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.text import jieba_dict
from briefing.text.scripts import to_simplified

# a Latin-script word, digits allowed after the first letter ("G20", "GPT4"); apostrophes and
# hyphens split words, so French elision "l’IA" gives "l" and "IA"
LATIN_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*")
# a run of Han characters (CJK unified ideographs, extension A, compatibility)
HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# a kana or Han character
CJK_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
# a Latin letter
LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")
# what ends a sentence or opens a quotation or list item before a word ("… samedi. Le", "« La")
SENTENCE_START = re.compile(r"(?:^|[.!?:;«»\"“”(\[\]–—•\-]|\n)\s*$")
# where a heading or sentence ends inside a line: "Group 1: AI Governance - The current …"
SEGMENT_BREAK = re.compile(r"\s[-–—|]\s|[:;.!?。！？]\s+|\[\d+\]")

# capitalised words that are grammar, titles, weekdays or months, not names (French and English;
# dates and weekdays are anchors of their own, see .figures)
_STOP_WORDS = """
    a an and as at but by for from if in into is it its of on or our so than that the their
    then there these they this those to was we were what when where which while who will with
    you your he she his her i my me no not all any also after before during over under up
    le la les l un une des du de d et ou en au aux ce cet cette ces il elle ils elles on nous
    vous je leur leurs son sa ses qui que quoi dont pour par sur sous avec sans dans chez mais
    donc car ni y est sont a ont été pas plus peu selon lors après avant depuis entre comme
    mr mrs ms dr prof president premier minister ministre prime monsieur madame m mme
    group core chairman
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
"""
_STOP = frozenset(_STOP_WORDS.split())

_ALIASES = {"ia": "ai", "onu": "un", "ue": "eu", "otan": "nato"}
"""French acronyms and their English forms: ``l'IA`` and ``AI`` are the same anchor."""

_NAME_TAGS = frozenset({"nrfg", "nrt", "ns", "nt"})
"""jieba tags of full person names (nrfg), transliterated names (nrt), places (ns) and
organisations (nt). Plain ``nr`` is left out: 72k entries, many of them common words (福祉,
蓝图, 智能化)."""

# common Chinese surnames (single character, simplified): the start of a name next to a title
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝"
    "包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾"
    "尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬"
    "师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝傅"
)
_TITLES = (
    "国务院总理|副总理|总理|総理|首相|副主席|主席|总统|大統領|副部长|部长|外相|国务卿|秘书长|"
    "事務総長|院长|教授|博士|大使|发言人|報道官|主任|委员|市长|省长|书记|董事长|总裁|社长"
)
# a title, then a surname and one or two characters: "总理李强在", "副部长傅莹曾"
TITLE_THEN_NAME = re.compile(rf"(?:{_TITLES})([\u3400-\u9fff])([\u3400-\u9fff]{{1,2}})")
# a surname and one or two characters, then a title or honorific: "李强首相", "习近平主席"
NAME_THEN_TITLE = re.compile(rf"([\u3400-\u9fff]{{2,3}})(?={_TITLES}|氏|先生|女士|总理|總理)")
# characters that end a two-character name rather than continue it: "李强在", "傅莹曾"
_AFTER_NAME = frozenset("在曾说表指称的和与也还于是对向将等认强出会并已就同及为被则")

PART = 0.5
"""Confidence of one word of a longer name (``Qiang`` of ``Li Qiang``, ``Peng`` of ``Peng Jian``):
it lets ``Macron`` meet ``Emmanuel Macron``, but a shared surname alone identifies no one."""

_MAX_WORD = 6
_DOUBTFUL_TAGS = frozenset({"ns", "nt"})
DOUBTFUL = 0.6
"""Confidence of a two-character dictionary place or organisation (上海, but also 富国)."""


@dataclass(frozen=True, slots=True)
class Name:
    key: str
    """Romanised and folded: ``liqiang``, ``waic``, ``shanghai``."""
    form: str
    """As written in the document: ``李強``, ``Li Qiang``, ``WAIC``."""
    confidence: float = 1.0
    """Below 1 for two-character dictionary places and organisations (jieba's dictionary tags
    common words so too: 富国 "rich countries", 深度 "depth") and for one word of a longer
    Latin name (:data:`PART`)."""


def latin_key(text: str) -> str:
    """``Li Qiang`` → ``liqiang``, ``Réunion`` → ``reunion``, ``IA`` → ``ai``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())
    return _ALIASES.get(plain, plain)


@lru_cache(maxsize=65536)
def han_key(han: str) -> str:
    """``李强`` → ``liqiang``: pypinyin's reading, without tones or spaces."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(han, style=Style.NORMAL, errors="ignore")).lower()


@cache
def _tag_table() -> dict[str, str]:
    """jieba's word → part-of-speech table (349k words), read once; no segmentation is run.

    Read in bulk with jieba's prefix dictionary (:mod:`briefing.text.jieba_dict`: one read of
    ``dict.txt`` gives both when this process segments too) rather than through
    ``jieba.posseg`` (it imports pkg_resources), so grouping a folder does not load jieba.
    """
    table = jieba_dict.tags()
    if table is not None:
        return table
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba imports pkg_resources, deprecated upstream
        import jieba.posseg

    return dict(jieba.posseg.dt.word_tag_tab)


def _title_case(segment: str) -> bool:
    """``AI Governance Challenges``: a heading, where capitals say nothing about names."""
    tokens = [w for w in LATIN_TOKEN.findall(segment) if len(w) > 1]
    words = [w for w in tokens if w.casefold() not in _STOP]
    return len(tokens) >= 2 and bool(words) and all(w[0].isupper() for w in words)


def _latin_runs(text: str, cjk: bool) -> Iterator[tuple[list[tuple[str, bool]], bool]]:
    """Runs of adjacent name-like Latin words, each word with whether its capital is doubtful.

    A capital is doubtful at a sentence start and inside a title-case heading.
    """
    for segment in SEGMENT_BREAK.split(text):
        heading = not cjk and _title_case(segment)
        run: list[tuple[str, bool]] = []
        last_end = -1
        for m in LATIN_TOKEN.finditer(segment):
            word = m[0]
            gap = segment[last_end : m.start()] if last_end >= 0 else ""
            doubtful = (
                heading
                or not segment[: m.start()].strip()
                or bool(SENTENCE_START.search(segment[max(0, m.start() - 3) : m.start()]))
            )
            namey = word[0].isupper() or (cjk and not word.islower())
            if run and not (namey and gap in (" ", "-", "\u00a0")):
                yield run, cjk
                run = []
            if namey:
                run.append((word, doubtful))
            last_end = m.end()
        if run:
            yield run, cjk


def _cjk_line(line: str) -> bool:
    """Chinese or Japanese text, where Latin words are names (``WAIC``, ``OpenAI``).

    Decided per line, because an aggregator gives English bodies Chinese titles. One CJK
    character to four Latin letters is enough: ``OpenAIやGoogleは`` is Japanese.
    """
    cjk = len(CJK_CHARS.findall(line))
    return cjk > 0 and 4 * cjk >= len(LATIN_LETTERS.findall(line))


def latin_names(text: str) -> list[Name]:
    """Names written in Latin script: each run of capitalised words, its pairs and its words.

    ``Prime Minister Li Qiang`` gives ``li qiang`` among others, so it meets ``Li Qiang`` and
    ``李强``; the longer keys only count if another article shares them too.
    """
    lines = [(line, _cjk_line(line)) for line in text.split("\n") if line.strip()]
    runs = [run for line, cjk in lines for run in _latin_runs(line, cjk)]
    # a word written capitalised mid-sentence somewhere is a name even at a sentence start
    capitalised_inside = {w for run, _ in runs for w, starts in run if not starts}
    out: list[Name] = []
    seen: set[tuple[str, str]] = set()
    for run, cjk in runs:
        words = [
            w
            for w, starts in run
            if (w.casefold() not in _STOP or _acronym(w))
            and (cjk or not starts or w in capitalised_inside or _acronym(w))
            and len(w) > 1
        ]
        if not words:
            continue
        spans = [words] if len(words) <= 4 else []
        spans += [words[i : i + 2] for i in range(len(words) - 1)] if len(words) > 2 else []
        spans += [[w] for w in words if len(words) > 1 and (len(w) >= 3 or _acronym(w))]
        for span in spans:
            form = " ".join(span)
            key = latin_key(form)
            if key and (key, form) not in seen and not key.isdigit():
                seen.add((key, form))
                part = len(span) == 1 and len(words) > 1 and not _acronym(span[0])
                out.append(Name(key, form, PART if part else 1.0))
    return out


def _acronym(word: str) -> bool:
    """``WAIC``, ``AI``, ``G20``, ``OpenAI``: capitals after the first letter."""
    return len(word) >= 2 and any(ch.isupper() for ch in word[1:])


def han_names(text: str) -> list[Name]:
    """Person, place and organisation names in the Han runs of Chinese or Japanese text.

    The text is folded to simplified first (same length, so the form shown is the original's).
    """
    folded = to_simplified(text)
    if len(folded) != len(text):
        folded = text
    table = _tag_table()
    out: list[Name] = []
    for run in HAN_RUN.finditer(folded):
        s, start = run[0], run.start()
        i = 0
        while i < len(s) - 1:
            for size in range(min(_MAX_WORD, len(s) - i), 1, -1):
                word = s[i : i + size]
                tag = table.get(word)
                if tag is not None:
                    if tag in _NAME_TAGS:
                        original = text[start + i : start + i + size]
                        doubtful = size == 2 and tag in _DOUBTFUL_TAGS
                        out.append(Name(han_key(word), original, DOUBTFUL if doubtful else 1.0))
                    i += size
                    break
            else:
                i += 1
    out.extend(_titled_names(folded, text))
    return out


def _titled_names(folded: str, text: str) -> Iterator[Name]:
    """Surname + given name next to a title: people no dictionary lists."""
    for m in TITLE_THEN_NAME.finditer(folded):
        surname, rest = m[1], m[2]
        if surname not in _SURNAMES:
            continue
        given = rest[:1] if len(rest) == 1 or rest[1] in _AFTER_NAME else rest
        start = m.start(1)
        name = surname + given
        yield Name(han_key(name), text[start : start + len(name)])
    for m in NAME_THEN_TITLE.finditer(folded):
        cand = m[1]
        if len(cand) == 3 and cand[0] not in _SURNAMES:
            cand = cand[1:]
        if cand[0] not in _SURNAMES:
            continue
        start = m.end(1) - len(cand)
        yield Name(han_key(cand), text[start : m.end(1)])


def extract_names(text: str) -> list[Name]:
    """Every name of ``text``, Latin and Han, in no particular order (keys may repeat)."""
    names = latin_names(text)
    if HAN_RUN.search(text):
        names += han_names(text)
    return names
