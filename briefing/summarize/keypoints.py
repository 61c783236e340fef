"""Key points: the next most important sentences after the brief, distinct, one line each.

A point that repeats the brief wastes the analyst's time, so candidates close to a brief sentence
or to an earlier point (term overlap) are skipped. A long sentence is trimmed to its most
informative clauses rather than dropped: news sentences carry attribution and background in
trailing subordinate clauses ("…, a-t-il déclaré lors de la conférence…").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from briefing.model import KeyPoint
from briefing.summarize.features import DANGLING, is_question
from briefing.summarize.rank import Analysis, containment, near_duplicate
from briefing.summarize.sentences import CAPTION, CAPTION_PARAGRAPH_CJK, Sentence, is_complete
from briefing.summarize.standalone import leads_in, quotes_balanced, restates_title, stands_alone
from briefing.text.scripts import family, fold

MIN_POINTS = 3
MAX_POINTS = 6
# one line of a reader pane: about 110 Latin characters, or 55 full-width ones
LINE_LATIN = 110
LINE_CJK = 55
# where a sentence may be cut into clauses: comma/semicolon/colon/dash in any script
CLAUSE_LATIN = re.compile(r"(?<=[,;:])\s+|\s+[–—]\s+|\s+-\s+")
CLAUSE_CJK = re.compile(r"(?<=[，；：、,;:])")
# where a Chinese sentence may be cut: after a clause comma, semicolon or colon, never at 、
CLAUSE_ZH = re.compile(r"(?<=[，；：,;:])")
# an opening subordinate or adverbial clause: cutting after it keeps no main clause
SUBORDINATE = re.compile(
    r"^[\"«“]?\s?(?:[A-ZÀ-Ý]\w+ant\b|Pour |Si |S'|Alors qu|Bien qu|Afin |Après |Avant |"
    r"Lorsqu|Quand |Tandis |Comme |Dans le cadre|Selon |D'après |En (?:effet|outre)|"
    r"While |Although |Though |As |After |Before |When |If |Because |Since |Despite |"
    r"Following |According to |In order |Once |Unless |Until |With |Having |"
    # an opening prepositional phrase is no statement either: "Contrairement au Premier
    # ministre Boris Johnson…", "Au-delà de la portée symbolique de leur rencontre…"
    r"Contrairement |Au-delà |Au lendemain |Au cours |Au terme |Au lieu |À l'instar |"
    r"À la suite |Malgré |Outre |Face à |Faute d|Grâce à |Loin d|Lors d|Dès |Depuis |"
    r"Durant |Pendant |Parmi |Suite à |En dépit |Unlike |Like |Beyond |Amid |During |Under |"
    r"Besides |Instead of |In addition to |Apart from |Aside from |Along with |Compared |"
    r"Thanks to |Due to |Ahead of |In the wake of |Without )"
)
# a dateline's time stamp: "外媒编译　2025年03月11日 20:06", "Published 12:30"
STAMP = re.compile(r"\d{1,2}[:：]\d{2}\s*$")
# a Chinese opening clause after which a cut keeps no statement: a reporting verb ("他的妻子
# 雷切尔·尼古拉 (Rachel Nicola) 表示，…" was cut to "…表示…") or a subordinate opener
LEAD_CLAUSE_ZH = re.compile(
    r"^(?:虽然|雖然|尽管|儘管|如果|假如|因为|因為|由于|由於|为了|為了|随着|隨著|根据|根據|作为|作為)|"
    # a setting: "在距离选举不到两周、几乎没有竞选时间的情况下，…", "当…时，…"
    r"^在[^，,；;]{1,40}(?:下|中|时|時|后|後|前|上|里|裡|期间|期間|之际|之際)\s*[，,]|"
    r"^[当當][^，,；;]{1,40}[时時]\s*[，,]|"
    r"^[^，,；;]*(?:表示|说|說|称|稱|指出|认为|認為|强调|強調|透露|介绍|介紹|提到|写道|寫道|坦言|"
    r"补充道|補充道|说道|說道)\s*[，,]"
)
# trailing punctuation a trimmed clause should not end on
TRAILING = re.compile(r"[\s,;:，；：、–—-]+$")


def line_limit(lang: str) -> int:
    return LINE_CJK if family(lang) in ("ja", "zh") else LINE_LATIN


def _too_close(terms: frozenset[Any], others: Sequence[frozenset[Any]], lang: str) -> bool:
    """A point that says again what the brief (or an earlier point) says, in either direction."""
    return any(near_duplicate(terms, o, lang) or containment(o, terms) > 0.6 for o in others)


def excerpt(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with ``…`` on each side where text was cut, so a reader (and the
    verbatim test) sees exactly what the article says and where words are missing."""
    piece = TRAILING.sub("", text[start:end].strip()) if end < len(text) else text[start:end]
    piece = piece.strip()
    return ("…" if start > 0 else "") + piece + ("…" if end < len(text) else "")


def trim(text: str, lang: str) -> str:
    """The sentence cut to one line at a clause boundary (the whole text if it fits).

    Only an opening run of clauses is kept, and only where that keeps the statement: in
    English, French and Chinese the subject and verb come first. Japanese puts the verb last,
    and keeping the topic plus the closing clauses spliced two pieces of the sentence into a
    claim it does not make (a quote losing its subject), so a long Japanese sentence stays
    whole; so does a sentence that opens with a subordinate clause (``Reconnaissant que…``,
    ``Pour y parvenir, il…``; in Chinese ``虽然…``, ``…表示，``) or whose cut would end on a
    colon (the list is the news), nor inside a quotation (``他说：“我们会…`` would put words
    in a mouth without their end).
    Chinese is never cut at an enumeration comma (、), which separates items of one list.
    """
    limit = line_limit(lang)
    if len(text) <= limit:
        return text
    fam = family(lang)
    if fam == "ja":
        return text
    cjk = fam == "zh"
    if not cjk and SUBORDINATE.match(text):
        return text
    if cjk and LEAD_CLAUSE_ZH.match(text):
        return text
    best = 0
    for m in (CLAUSE_ZH if cjk else CLAUSE_LATIN).finditer(text):
        if m.start() > limit:
            break
        if text[: m.start()].rstrip().endswith((":", "：")) or not quotes_balanced(
            text[: m.start()]
        ):
            continue
        best = m.start()
    if best < limit // 3:
        return text  # only a stub fits: "Li a déclaré que…" tells nothing
    return excerpt(text, 0, best)


def key_points(
    analysis: Analysis, scores: Sequence[float], brief: Sequence[int]
) -> tuple[KeyPoint, ...]:
    """3–6 points, most important first, none repeating the brief or each other."""
    sents = analysis.sentences
    terms = analysis.terms()
    taken = [terms[i] for i in brief]
    order = sorted(
        (i for i in range(len(sents)) if i not in brief and scores[i] > float("-inf")),
        key=lambda i: (-scores[i], i),
    )
    points: list[KeyPoint] = []
    leans = DANGLING.get(family(analysis.lang))
    title = analysis.title_terms()
    for i in order:
        if _too_close(terms[i], taken, analysis.lang):
            continue
        if not stands_alone(sents[i].text, terms[i], title) or (
            leans is not None and leans.match(sents[i].text)
        ):
            # a point stands alone in a list: "中国则…" or "He said…" without the sentence it
            # leans on says nothing, and a question, a lead-in ("文章摘要如下:"), half a
            # quotation or the headline again is not a point
            continue
        taken.append(terms[i])
        points.append(KeyPoint(trim(sents[i].text, analysis.lang), sents[i].paragraph))
        if len(points) == MAX_POINTS:
            break
    if len(points) < MIN_POINTS:
        points.extend(_clause_points(analysis, points, MIN_POINTS - len(points), brief))
    return tuple(points)


def _clause_points(
    analysis: Analysis, have: list[KeyPoint], wanted: int, brief: Sequence[int]
) -> list[KeyPoint]:
    """For a short article: the clauses of its other sentences, so the reader still gets a
    list. Never a piece of a brief sentence or of a point already listed (a reader saw the
    brief's own sentence again as a key point), nor of a sentence a brief could not quote
    either; an article too short for that gets fewer points. Each is an excerpt of its
    sentence, ``…`` marking the cut ends.
    """
    cjk = family(analysis.lang) in ("ja", "zh")
    seen = {fold(p.text) for p in have}
    out: list[KeyPoint] = []
    pattern = CLAUSE_ZH if cjk else CLAUSE_LATIN
    taken = {p.text.strip("…") for p in have}
    lang = analysis.lang
    leans = DANGLING.get(family(lang))
    title = analysis.title_terms()
    terms = analysis.terms()
    for n, s in enumerate(analysis.sentences):
        text = s.text
        if n in brief or any(t in text for t in taken):
            continue
        if (
            is_question(text)
            or leads_in(text)
            or restates_title(terms[n], title)
            or _caption(s, lang)
        ):
            # a hook question, a lead-in, the headline again, a caption or a dateline
            # ("外媒编译　2025年03月11日 20:06") is no more a point in pieces than whole
            continue
        cuts = [0, *(m.end() for m in pattern.finditer(text)), len(text)]
        # a lean-on-context opener ("同时,…", "However,…") gives only its later clauses
        lean = leans is not None and bool(leans.match(text))
        for start, end in itertools.pairwise(cuts):
            if lean and start == 0:
                continue
            piece = excerpt(text, start, end)
            body = piece.strip("…")
            if len(body) < (6 if cjk else 20) or fold(body) in seen or not quotes_balanced(body):
                continue
            seen.add(fold(body))
            out.append(KeyPoint(piece, s.paragraph))
            if len(out) == wanted:
                return out
    return out


def _caption(s: Sentence, lang: str) -> bool:
    """A caption or a dateline: one the splitter marked unquotable although it would be
    quotable on its own (its paragraph is a photo caption), or one that names a picture, its
    credit or a time stamp."""
    if not s.complete and is_complete(s.text, lang):
        return True
    return bool(
        CAPTION.search(s.text) or CAPTION_PARAGRAPH_CJK.search(s.text) or STAMP.search(s.text)
    )
