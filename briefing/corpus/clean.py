"""Separating the article from what surrounds it: attributions, boilerplate, captions, bylines.

These rules look at whole paragraphs and where they stand (the tail of an article, the head of a
paragraph), which is what keeps them safe: a subscription pitch is removed when it trails the
article, never a sentence in its middle that happens to say "subscribe". Attribution lines
(``Reference(s):``, ``(來源:…)``, ``(Avec entrée de Xinhua)``) become the document's source instead
of staying in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.corpus.chrome import RELATED_HEADING, byline_name, is_chrome, strip_credits
from briefing.corpus.credits import clean_author
from briefing.text.scripts import HAN_CHAR as HAN

# "(來源:世界人工智能大會)", "（出典：共同通信）", "(Source : AFP)"
SOURCE_PAREN = re.compile(
    r"^[(（]\s*(?:來源|来源|出典|出所|ソース|消息来源|稿源|source|sources|quelle|fuente|fonte)"
    r"\s*[:：]\s*(?P<source>[^()（）]{1,80}?)\s*[)）]$",
    re.I,
)
# "(Avec entrée de Xinhua)", "(With input from Reuters)", "(D'après AFP)"
WITH_INPUT = re.compile(
    r"^[(（]\s*(?:avec (?:entrée|entrées|des informations|agences)? ?(?:de|d['’])|"
    r"with inputs? from|d['’]après|according to|based on reports? (?:from|by))"
    r"\s*(?P<source>[^()（）]{1,80}?)\s*[)）]$",
    re.I,
)
# "(『日系企業リーダー必読』2025年8月5日の記事からダイジェスト)": a digest naming its original
DIGEST_OF = re.compile(
    r"^[(（]\s*(?P<source>[^()（）]{1,60}?)\s*(?:\d{4}年\d{1,2}月\d{1,2}日(?:付)?)?の?記事"
    r"(?:から|より)[^()（）]{0,20}[)）]$"
)
# "Source: Reuters", "来源：新华社", "Reference(s):" (with the source on the lines after)
SOURCE_LABEL = re.compile(
    r"^(?:source|sources|quelle|fuente|来源|來源|出典|reference\(s\)|references?|référence\(s\)|"
    r"références?)\s*[:：]\s*(?P<source>.{0,80})$",
    re.I,
)
# a bare domain name line, as under "Reference(s):": "cgtn.com"
DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<source>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})(?:/\S*)?$", re.I
)

# paragraphs that are about the publication, not the news: subscriptions, newsletters, rights
BOILERPLATE = re.compile(
    r"subscri|newsletter|sign up|all rights reserved|copyright|©|follow us|click here|"
    r"read more|related articles?|download (?:our|the) app|"
    r"abonnez|abonnement|inscrivez|tous droits réservés|lire aussi|à lire aussi|suivez-nous|"
    r"購読|メールマガジン|メルマガ|配信を希望|ご購読|お問い合わせ|無断転載|"
    r"订阅|訂閱|关注我们|關注我們|责任编辑|責任編輯|版权所有|版權所有|未经授权|"
    # a plea for money, a disclaimer of the publication: "Apoie já.", "Soutenez-nous", "Ses
    # contenus n'engagent pas la rédaction" (whole phrases: "amounts donated" is news)
    r"\bapoie já|\bapoia este projeto|\bsoutenez-nous|\bfaites un don\b|"
    r"\bdonate (?:now|today|here)\b|\bsupport (?:us|our journalism)\b|"
    r"n['’]engagent? pas la rédaction|do not (?:necessarily )?reflect the (?:views|opinions)|"
    # an e-mail address, found from its "@" (a lookbehind for the name): starting from the
    # name would rescan a long run of word characters (CJK text has no spaces) at every one
    r"(?<=[\w.+-])@[\w-]+\.[\w.]+",
    re.I,
)
# a short bullet line, as in a list of newsletter perks: "·当サイト掲載の記事の配信"
SHORT_BULLET = re.compile(r"^[·•・*\-–]\s*\S.{0,60}$")
# a line that only links onward: "READ MORE: …", "Lire aussi : …", "関連記事："
ONWARD_LINK = re.compile(
    r"^(?:read more|related|see also|lire aussi|à lire aussi|関連記事|相关阅读|相關閱讀)\s*[:：]",
    re.I,
)

# a comments section's heading: what follows is readers' words, not the article
COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:comments?|reader comments|kommentare?|leserkommentare|kommentarer|"
    r"commentaires?|réactions|comentarios?|comentários|commenti|komentarze|"
    r"コメント|评论|評論|留言)\s*(?:\(\d+\))?\s*[:：]?$",
    re.I,
)
# where a sentence ends inside a paragraph: what stands before a pitch glued to its end
SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»」』)）]?(?=\s|$)")
TEASER_MAX = 120  # a line after a related heading this short, with no full stop, is a teaser

# inline print-edition notes in Chinese papers: "(责编:卫嘉、白宇)", "(作者为国际问题观察员)",
# "《 人民日报 》( 2025年12月24日 17 版)"
INLINE_NOTES = re.compile(
    r"[(（]\s*(?:责编|責編|编辑|編輯|责任编辑|責任編輯|作者[为為系])[:：]?[^()（）]{1,60}[)）]"
    r"|《\s*[^《》]{1,20}\s*》\s*[(（]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第?\s*\d+\s*版)?\s*[)）]"
)
# a photographer's credit that ends a caption: "沈启来摄(影像中国)", "新华社记者 金立旺摄"
# (摄 followed by a space, a bracket or the end, and not "拍摄", so prose like "拍摄的" stays)
PHOTO_CREDIT = re.compile(
    r"(?<=[\u4e00-\u9fff·])(?<!拍)摄(?:\s*[(（][^()（）]{1,12}[)）])?(?=\s|$)"
)
# a whole caption line in ja/fr/en: "（写真：ロイター）", "Photo : AFP", "(Photo by Reuters)"
CAPTION_LINE = re.compile(
    r"^(?:[(（]?\s*(?:写真|撮影|画像|图片|圖片|photo|image|crédit photo|credit)\s*[:：=].{0,200}|"
    r".{0,200}[(（](?:photo|写真|撮影)\s*(?:by|:|：|=|par)?\s*[^()（）]{1,60}[)）])$",
    re.I,
)
# "Group 1: AI Governance Challenges - …" inside an aggregator's digest: a section break
DIGEST_SECTION = re.compile(r"(?<=\S)\s+(?=Group \d{1,2}\s*:)")

CAPTION_MAX = 250  # a caption longer than this is prose; leave it


@dataclass(slots=True)
class Cleaned:
    """Paragraphs of the article itself, and what was taken out of them."""

    paragraphs: list[str]
    source: str | None = None
    author: str | None = None
    removed: list[str] = field(default_factory=list)


def _attribution(para: str) -> tuple[str | None, bool]:
    """(source named by the line, whether the line is an attribution at all)."""
    for pattern in (SOURCE_PAREN, WITH_INPUT, DIGEST_OF):
        if m := pattern.match(para):
            return m["source"].strip(" 『』「」\"'") or None, True
    if m := SOURCE_LABEL.match(para):
        return (m["source"].strip() or None), True
    return None, False


def _strip_captions(para: str) -> str:
    """Drop photo captions glued before a Chinese paragraph's body, each ending in a credit."""
    found = list(PHOTO_CREDIT.finditer(para))
    if not found:
        return para
    start = 0
    for m in found:
        if m.end() - start > CAPTION_MAX:
            break
        start = m.end()
    return para[start:].strip()


def _is_byline(para: str) -> bool:
    """A closing line naming the author: "…秘書長 魯俊群", "By Jane Doe", "Par Jean Dupont"."""
    if len(para) > 40 or re.search(r"[。.!?！？,，]$", para):
        return False
    if re.match(r"^(?:by|par|von|por|文|記者|记者|撰文)\s*[:：/]?\s*\S", para, re.I):
        return True
    return bool(re.search(r"\s[\u4e00-\u9fff]{2,4}$", para)) and len(HAN.findall(para)) >= 6


def _cut_after_heading(
    paras: list[str], headings: list[tuple[int, bool]], removed: list[str]
) -> None:
    """A comments heading in the article's second half ends it (what follows is readers'
    words); so does a related-links heading followed only by a few short teaser lines."""
    for where, comments in reversed(headings):
        if where < len(paras) // 2 or where >= len(paras):
            continue
        tail = paras[where:]
        teasers = len(tail) <= 3 and all(
            len(t) <= TEASER_MAX and not SENTENCE_END.search(t[-2:]) for t in tail
        )
        if comments or teasers:
            removed.extend(tail)
            del paras[where:]
        return


def clean_paragraphs(paragraphs: list[str], lang: str) -> Cleaned:
    """The article's paragraphs with attributions, boilerplate, captions and bylines taken out."""
    out = Cleaned(paragraphs=[])
    zh = lang.startswith("zh")
    headings: list[tuple[int, bool]] = []  # (where, a comments heading) among out.paragraphs
    for para in paragraphs:
        para = para.strip()
        if zh:
            para = INLINE_NOTES.sub(" ", para)
            para = _strip_captions(para)
            para = (
                re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", para)
                if len(para) > 80
                else para
            )
        para = re.sub(r"\s{2,}", " ", strip_credits(para)).strip()
        if not para:
            continue
        if len(out.paragraphs) < 3 and (name := byline_name(para)) is not None:
            out.author = out.author or clean_author(name)  # "By Staff Reporter" names nobody
            out.removed.append(para)
            continue
        if COMMENTS_HEADING.match(para) or RELATED_HEADING.match(para):
            headings.append((len(out.paragraphs), bool(COMMENTS_HEADING.match(para))))
        if (
            COMMENTS_HEADING.match(para)
            or ONWARD_LINK.match(para)
            or (len(para) <= CAPTION_MAX and CAPTION_LINE.match(para))
            or is_chrome(para)
        ):
            out.removed.append(para)
            continue
        for piece in DIGEST_SECTION.split(para):
            out.paragraphs.append(piece)
    paras = out.paragraphs
    _cut_after_heading(paras, headings, out.removed)

    # an attribution in the second half ends the article: what follows is about the publication
    for i in range(len(paras) - 1, len(paras) // 2 - 1, -1):
        source, is_attribution = _attribution(paras[i])
        if not is_attribution:
            continue
        tail = paras[i + 1 :]
        if source is None or SOURCE_LABEL.match(paras[i]):
            # "Reference(s):" names its source on the following lines: prefer a domain
            domains = [m["source"] for t in tail[:4] if (m := DOMAIN.match(t))]
            source = source or (domains[-1] if domains else (tail[0] if tail else None))
        out.source = source
        out.removed.extend(paras[i:])
        del paras[i:]
        # a copy keeps its original's attribution above its own: "（来源：外媒编译）" then
        # "（来源：环球速览）"; the copier's (the last) names the outlet, both go
        while len(paras) > 1 and _attribution(paras[-1])[1]:
            out.removed.append(paras.pop())
        break

    # trailing boilerplate: pitches, perks lists, contact lines, from the end back; a pitch glued
    # to the end of the article's last sentences ("…from outer space. READ MORE: Japan
    # unveils…") costs only itself
    while paras and (
        (pitch := BOILERPLATE.search(paras[-1]))
        or (
            SHORT_BULLET.match(paras[-1])
            and len(paras) > 1
            and any(BOILERPLATE.search(p) for p in paras[-4:])
        )
    ):
        ends = list(SENTENCE_END.finditer(paras[-1], 0, pitch.start())) if pitch else []
        glued = paras[-1][ends[-1].end() :].strip() if ends else ""
        if ends and ends[-1].end() >= 40 and (ONWARD_LINK.match(glued) or is_chrome(glued)):
            out.removed.append(glued)
            paras[-1] = paras[-1][: ends[-1].end()].strip()
            break
        out.removed.append(paras.pop())

    # a closing fragment repeating an earlier line (a scraper's duplicated tail); counted once,
    # not rescanned for each line popped (a text of one repeated line would be quadratic)
    if len(paras) > 1 and len(paras[-1]) <= 80:
        counts = Counter(paras)
        while len(paras) > 1 and len(paras[-1]) <= 80 and counts[paras[-1]] > 1:
            counts[paras[-1]] -= 1
            out.removed.append(paras.pop())

    if len(paras) > 1 and _is_byline(paras[-1]):
        out.author = clean_author(paras.pop()) or out.author
    return out
