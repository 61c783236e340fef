"""What the learned scorer sees of each sentence: a short row of numbers, in plain Python.

Every feature is something a news editor would point at, computed in linear time without sumy
or numpy (a brief must cost well under 5 ms): where the sentence stands (in the text and in its
paragraph, counting only quotable sentences, so a caption does not push the lead down), how
much of the title it says, how long it is, whether it carries numbers and names, whether it
opens by leaning on the sentence before (``He said…``, ``这是…``, ``まず…``), whether it is a
quote, and how central its words are to the whole article (a cheap centroid overlap, standing
in for sumy's LexRank, which cost most of the time and changed ROUGE-2 by under 0.3).

:data:`FEATURES` names the columns; the trained weights (``weights.json``) are keyed by these
names, so adding a feature means retraining (``python -m briefing.dev.train``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from briefing.summarize.sentences import Sentence
from briefing.text.scripts import family

FEATURES: tuple[str, ...] = (
    "lead",  # 1 / sqrt(1 + rank among quotable sentences)
    "first",  # the first quotable sentence
    "second",
    "third",
    "relative",  # rank / number of quotable sentences
    "paragraph_first",  # opens its paragraph
    "paragraph_lead",  # 1 / (1 + index of its paragraph)
    "after_caption",  # follows an unquotable piece (caption, heading) in the same paragraph
    "title",  # share of the title's terms the sentence contains
    "title_density",  # share of the sentence's terms found in the title
    "length",  # log(1 + words)
    "short",  # under 10 words
    "long",  # over 40 words
    "numbers",
    "names",
    "dangling",  # opens with a pronoun or connective that needs the previous sentence
    "quote",  # opens with a quotation mark or is mostly a quote
    "question",
    "attribution",  # "…, he said." / "a-t-il déclaré" / "と述べた"
    "centrality",  # overlap with the article's most frequent terms
    "dateline",  # "(CNN) —", "PARIS (Reuters) -", "【北京=…】"
    "fourth_fifth",  # rank 3 or 4
    "title_lead",  # title × lead: the title matters most near the top
    "title_sq",
    "length_sq",
    "lead_long_text",  # lead × log(quotable sentences): the lead counts more in a long text
    "title_new",  # share of the title first said by this sentence (no earlier one has it)
)

# a number or a CJK numeral with a counter: "1,000", "30.2%", "三人", "21日"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[一二三四五六七八九十百千万億]+[人日月年件%％]")
# a name: a capitalised word not opening the sentence, or a katakana run (Japanese names)
NAME = re.compile(r"(?<=[\w,;:] )[A-ZÀ-Ý][\w'’-]+|[\u30a1-\u30fa\u30fc]{3,}")
# a Chinese sentence opening on an adverb or a verb, with its subject left in the sentence
# before (not 都市 "city", 均衡 "balance", 曾经 stays: it is an adverb too)
SUBJECTLESS_ZH = (
    r"(?:也|还|還|又|亦|仍|再|已|曾|却|卻|均(?![衡匀勻])|都(?![市会會城])|并(?![非不])|並(?![非不]))"
    r"(?=[\u4e00-\u9fff])|"
    # "在许多国家也成为了热门作品。": a short place or time, then "also", and no one who did it
    r"在[^，,。；;：:“”「」\s]{1,6}?(?:也|还|還|又|亦|仍)(?=[\u4e00-\u9fff])|导致|導致|包括[^。，,]{1,30}在[内內]|获得|獲得|夺得|奪得|荣获|榮獲|位列"
)
# an opener that leans on the previous sentence (a pronoun, a connective, an ordinal)
DANGLING = {
    "en": re.compile(
        r"^[\"'“‘]?(?:He|She|It|They|We|This|That|These|Those|His|Her|Its|Their|But|And|Or|"
        r"However|Also|Meanwhile|So|Then|Still|Instead|Yet|Moreover|Furthermore|Indeed|"
        r"The (?:latter|former|move|decision|comments?|statement)|Such|Both|First|Second)\b"
    ),
    "fr": re.compile(
        r"^[\"«“]?\s?(?:Il|Elle|Ils|Elles|Ce|Cette|Ces|Cela|Ça|Mais|Et|Or|Pourtant|Cependant|"
        r"Aussi|Puis|Lui|Leur|Son|Sa|Ses|Celui|Celle|Ceux|Néanmoins|Toutefois|Ainsi|Donc|"
        r"D'autant|Pour y|Par ailleurs|En outre|De plus|Reconnaissant|Selon lui|Selon elle)\b"
    ),
    "ja": re.compile(
        r"^(?:しかし|また|一方|これ|それ|この|その|こうした|そうした|同|さらに|だが|ただ|なお|"
        r"そして|彼|まず|次に|最後に|つまり|ところが|とはいえ|加えて|実際)"
    ),
    "zh": re.compile(
        # a demonstrative opening the sentence or after a lead-in of at most three characters
        # with no comma: "这是…", "在這一過程中…", "未來這一組織…", "对此", "除此之外",
        # "不仅如此" (not 彼此 "each other", 应该 "should")
        r"^[^，,。；;：:“”「」『』\s]{0,3}?(?<![彼应應活])(?:这|這|该|該|此|上述|前述|那些|那个|"
        r"那個|那种|那種|那样|那樣|那么|那麼)|"
        # a short subject then 则 ("中国则…": while China…), not 规则/原则
        r"^[^，,。；;：:\s]{0,5}?(?<![规規原法准準细細守否])[则則]|"
        # a pronoun or a connective that continues the sentence before
        r"^(?:但|而|他|她|它|其|同时|同時|然而|因此|另外|另一方面|首先|其次|再次|最后|最後|"
        r"不过|不過|可是|只是|而且|并且|並且|于是|於是|因而|从而|從而|所以|甚至|尤其|"
        r"特别是|特別是|总之|總之|换言之|換言之|也就是说|也就是說|例如|比如|譬如|接着|接著|"
        r"随后|隨後|之后|之後|后来|後來|反之|相反|前者|后者|後者|两者|兩者|双方|雙方|"
        r"对方|對方|与此同时|與此同時)|"
        # no subject: an adverb or a verb that carries on with the subject of the sentence
        # before, as Japanese leaves it out and its translations keep ("还安装了…的洗手装置。",
        # "导致…建筑物倒塌", "获得两连胜，…")
        rf"^(?:{SUBJECTLESS_ZH})"
    ),
}
QUOTE_OPEN = re.compile(r"^[\"'“‘«「『]")
ATTRIBUTION = re.compile(
    r"(?:,|，)?\s?(?:he|she|they|it) (?:said|says|added|told)\b|\bsaid\b|"
    r"a-t-(?:il|elle) (?:déclaré|dit|ajouté|souligné|affirmé)|selon |"
    r"と(?:述べ|語っ|話し|明らかにし|強調し|指摘し)|表示|指出|称|說|说",
    re.IGNORECASE,
)
DATELINE = re.compile(
    r"^\s*(?:\(CNN\)|[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z ]+\))?\s*[-–—]|【[^】]{1,20}】|"
    r"By \w+|PUBLISHED:|UPDATED:|Last updated)"
)


def is_question(text: str) -> bool:
    """Ends on a question mark (a closing quote or bracket aside): "你还是只准备一棵圣诞树吗？"."""
    return text.rstrip("」』”’\"') ").endswith(("?", "？"))


def sentence_size(text: str, lang: str) -> float:
    """Words, or characters / 2 for ja/zh (about one word per two characters)."""
    return len(text) / 2 if family(lang) in ("ja", "zh") else len(text.split())


def _containment(a: frozenset[object], b: frozenset[object]) -> float:
    return len(a & b) / len(a) if a else 0.0


def features(
    sentences: Sequence[Sentence],
    terms: Sequence[frozenset[object]],
    title_terms: frozenset[object],
    lang: str,
) -> list[list[float] | None]:
    """One row of :data:`FEATURES` per sentence; None for a sentence that may not be quoted."""
    fam = family(lang)
    dangling = DANGLING.get(fam)
    counts: Counter[object] = Counter()
    for t in terms:
        counts.update(t)
    # the article's "topic": terms used in more than one sentence, weighted by how often
    top = {t: c for t, c in counts.items() if c > 1}
    top_total = sum(top.values()) or 1
    quotable = sum(1 for s in sentences if s.complete) or 1
    rows: list[list[float] | None] = []
    rank = 0
    seen_paragraphs: set[int] = set()
    previous: Sentence | None = None
    said: frozenset[object] = frozenset()  # title terms some earlier sentence already has
    for s, t in zip(sentences, terms, strict=True):
        first_in_paragraph = s.paragraph not in seen_paragraphs
        seen_paragraphs.add(s.paragraph)
        after_caption = (
            previous is not None and previous.paragraph == s.paragraph and not previous.complete
        )
        previous = s
        if not s.complete:
            rows.append(None)
            said = said | (title_terms & t)
            continue
        text = s.text
        size = sentence_size(text, lang)
        central = sum(top.get(x, 0) for x in t) / top_total
        lead = 1.0 / math.sqrt(1.0 + rank)
        title = _containment(title_terms, t)
        rows.append(
            [
                lead,
                float(rank == 0),
                float(rank == 1),
                float(rank == 2),
                rank / quotable,
                float(first_in_paragraph),
                1.0 / (1.0 + s.paragraph),
                float(after_caption),
                title,
                _containment(t, title_terms) if title_terms else 0.0,
                math.log1p(size),
                float(size < 10),
                float(size > 40),
                min(1.0, len(NUMBER.findall(text)) / 3),
                min(1.0, len(NAME.findall(text)) / 3),
                float(bool(dangling and dangling.match(text))),
                float(bool(QUOTE_OPEN.match(text))),
                float(is_question(text)),
                float(bool(ATTRIBUTION.search(text))),
                min(1.0, 5.0 * central),
                float(bool(DATELINE.match(text))),
                float(rank in (3, 4)),
                title * lead,
                title * title,
                math.log1p(size) ** 2,
                lead * math.log1p(quotable),
                len((title_terms & t) - said) / len(title_terms) if title_terms else 0.0,
            ]
        )
        rank += 1
        said = said | (title_terms & t)
    return rows
