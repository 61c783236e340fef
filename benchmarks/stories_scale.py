"""Story grouping at scale: 10,000 synthetic articles, timed, with pairwise precision/recall.

    .venv/bin/python benchmarks/stories_scale.py [N ...] [--meaning]   (default 10000)

``--meaning`` also makes every article's sentence vectors first (cold, no cache, every core)
and groups with them, as ``briefing stories`` does: the cost the encoder adds to a cold build.

Builds N articles about ~N/4 synthetic events. Each event has a person (a Chinese name written
in Han for ja/zh and in pinyin for fr/en, with a title), a Chinese city, an organisation
acronym, a number of participants, a date and a headline topic; each of its articles (ja, zh-cn,
zh-tw, fr or en) opens with a lede that states them in its language's way (``1500人以上`` /
``plus de 1 500`` / ``more than 1,500``) and goes on with background sentences drawn from the
seeds and the ``../shared/eval`` articles, their names replaced by made-up ones and their
digits shuffled. About 10% are undated and 3% are cut copies of another article. Publication
dates fall 0–3 days after the event; events spread over 2025.

Prints the pairwise precision/recall on the labelled seed set (the seeds plus four copies, as
tests/stories/test_evaluate.py builds it), then, per N: the time to find duplicates, to
extract anchors and to group, the candidate pairs compared, and pairwise precision/recall
against the events. Synthetic ledes are more alike than real ones (same templates, twelve
cities), so that precision is a floor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.corpus.load import load_corpus  # noqa: E402
from briefing.model import Document  # noqa: E402
from briefing.stories import group  # noqa: E402
from briefing.stories.anchors import document_anchors  # noqa: E402
from briefing.stories.dedupe import find_duplicates  # noqa: E402
from briefing.stories.names import extract_names  # noqa: E402
from briefing.text.scripts import to_traditional  # noqa: E402
from tests.stories.labelled import pairwise  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏"
)
GIVEN = "建国明华伟芳军丽强敏静磊洋勇艳杰娟涛超秀霞平刚桂英兰红文斌宇浩凯健俊帆鹏辉"
CITIES = [("上海", "Shanghai"), ("北京", "Beijing"), ("广州", "Guangzhou"),
          ("深圳", "Shenzhen"), ("杭州", "Hangzhou"), ("南京", "Nanjing"), ("武汉", "Wuhan"),
          ("成都", "Chengdu"), ("重庆", "Chongqing"), ("天津", "Tianjin"), ("青岛", "Qingdao"),
          ("苏州", "Suzhou")]  # fmt: skip
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
LANGS = ("ja", "zh-cn", "zh-tw", "fr", "en")
# what an event announces, in the four scripts' headlines (the same index in each)
TOPICS_EN = ("unveils plan", "signs accord", "opens summit", "warns of risks", "backs fund",
             "launches alliance", "meets investors", "sets targets", "names envoy", "cuts rates",
             "vows reform", "hails deal")  # fmt: skip
TOPICS_FR = ("dévoile un plan", "signe un accord", "ouvre un sommet", "met en garde",
             "soutient un fonds", "lance une alliance", "reçoit des investisseurs",
             "fixe des objectifs", "nomme un émissaire", "baisse les taux",
             "promet une réforme", "salue un accord")  # fmt: skip
TOPICS_JA = ("新計画", "協定に署名", "サミットへ", "リスク警告", "基金を支援",
             "同盟発足へ", "投資家と会談", "目標を設定", "特使を任命", "利下げ",
             "改革を表明", "合意を歓迎")  # fmt: skip
TOPICS_ZH = ("新计划", "签署协定", "峰会开幕", "风险警告", "基金支持", "联盟成立",
             "会见投资者", "设定目标", "任命特使", "降低利率", "承诺改革", "欢迎协议")  # fmt: skip
ZH_SOURCES = 150
# a clause break in Chinese text
CLAUSE = re.compile(r"[，,；;：:]")
# a sentence end in any of the five languages
SENTENCE = re.compile(r"(?<=[。！？.!?])\s*")


def _pinyin(han: str) -> str:
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(han)
    return syllables[0].capitalize() + " " + "".join(syllables[1:]).capitalize()


def _sources(rng: random.Random) -> dict[str, list[list[str]]]:
    """Background articles (as lists of sentences) per language family: the seeds and the
    eval sets. Chinese has only the seeds, so it gets :data:`ZH_SOURCES` articles of random
    nameless clauses instead."""
    sources: dict[str, list[list[str]]] = {"ja": [], "zh": [], "fr": [], "en": []}
    for doc in load_corpus([ROOT / "seeds"]).documents:
        fam = doc.lang.split("-")[0]
        if fam in sources:
            sources[fam].append([s for p in doc.paragraphs for s in SENTENCE.split(p)])
    for lang in ("ja", "fr", "en"):
        path = EVAL / f"{lang}.jsonl"
        if path.is_file():
            for line in path.read_text("utf-8").splitlines():
                sources[lang].append(SENTENCE.split(json.loads(line)["text"]))
    # clauses naming someone would recur in every other Chinese article: keep nameless ones
    clauses = [
        c
        for article in sources["zh"]
        for s in article
        for c in CLAUSE.split(s)
        if len(c) > 6 and not extract_names(c)
    ]
    sources["zh"] = [
        ["，".join(c.strip("。") for c in rng.sample(clauses, 3)) + "。" for _ in range(12)]
        for _ in range(ZH_SOURCES)
    ]
    for articles in sources.values():
        articles[:] = [[s for s in a if len(s) > 15] for a in articles]
        rng.shuffle(articles)
    return sources


def _lede(lang: str, event: dict[str, object]) -> tuple[str, str]:
    """(title, lede) of one article about ``event`` in ``lang``."""
    han, latin = event["name"]
    city_han, city_latin = event["city"]
    org, number, day = event["org"], int(event["number"]), event["date"]
    assert isinstance(day, dt.date)
    what = int(event["what"])  # type: ignore[call-overload]
    if lang == "ja":
        title = f"{org}の{han}首相、{city_han}で{TOPICS_JA[what]}"
        lede = (f"{org}の{han}首相は{day.month}月{day.day}日、{city_han}で開かれた会議で"
                f"{number}人以上を前に新たな計画を発表した。")  # fmt: skip
    elif lang in ("zh-cn", "zh-tw"):
        title = f"{org}主席{han}在{city_han}发布{TOPICS_ZH[what]}"
        lede = (f"{day.month}月{day.day}日，{org}主席{han}在{city_han}出席会议并致辞，"
                f"超过{number}人参加。")  # fmt: skip
        if lang == "zh-tw":
            title, lede = to_traditional(title), to_traditional(lede)
    elif lang == "fr":
        grouped = f"{number:,}".replace(",", " ")
        title = f"{latin} ({org}) {TOPICS_FR[what]} à {city_latin}"
        month = MONTHS_FR[day.month - 1]
        lede = (f"Le président de l'{org}, {latin}, a annoncé le {day.day} {month} à "
                f"{city_latin} un nouveau plan devant plus de {grouped} participants.")  # fmt: skip
    else:
        title = f"{org} chief {latin} {TOPICS_EN[what]} in {city_latin}"
        month = MONTHS_EN[day.month - 1]
        lede = (f"{org} chairman {latin} announced a new plan in {city_latin} on "
                f"{month} {day.day}, before more than {number:,} people.")  # fmt: skip
    return title, lede


def _scramble(sentence: str, rng: random.Random) -> str:
    """Background sentences get other digits: a reused sentence would otherwise bring its
    exact figures along, which unrelated reports never share."""
    return re.sub(r"\d", lambda _: str(rng.randrange(10)), sentence)


class _Background:
    """Background sentences drawn at random from all the articles of a language, with their
    names replaced by made-up ones.

    Only about 5,000 real sentences exist for 10,000 synthetic articles of ~7 sentences, so
    sentences recur; real unrelated reports do not share their rare names, so each use gets
    its own (``Lawler`` → ``Vexomar``, ``清华大学`` → two random characters).
    """

    def __init__(self, sources: dict[str, list[list[str]]]) -> None:
        self.pools = {fam: [s for a in articles for s in a] for fam, articles in sources.items()}

    def take(self, family: str, count: int, rng: random.Random) -> list[str]:
        return [_rename(rng.choice(self.pools[family]), rng) for _ in range(count)]


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).title()


def _rename(sentence: str, rng: random.Random) -> str:
    """``sentence`` with every name replaced by a made-up one (same script)."""
    for name in sorted({n.form for n in extract_names(sentence)}, key=lambda f: (-len(f), f)):
        if re.search(r"[\u3400-\u9fff]", name):
            fake = "".join(rng.choice(GIVEN) for _ in name)
        else:
            fake = " ".join(_made_up(rng) for _ in name.split())
        sentence = sentence.replace(name, fake)
    return _scramble(sentence, rng)


def build(n: int, seed: int = 20250726) -> tuple[list[Document], dict[str, int]]:
    """``n`` articles and each article's event number (the ground truth)."""
    rng = random.Random(seed)
    background = _Background(_sources(rng))
    docs: list[Document] = []
    truth: dict[str, int] = {}
    start = dt.date(2025, 1, 1)
    days = sorted(start + dt.timedelta(days=rng.randrange(365)) for _ in range(n // 3 + 1))
    for event_no, day in enumerate(days):
        if len(docs) >= n:
            break
        given = rng.choice(GIVEN) + rng.choice(GIVEN)
        han = rng.choice(SURNAMES) + given
        event = {
            "name": (han, _pinyin(han)),
            "city": rng.choice(CITIES),
            "org": "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)),
            "number": rng.randrange(120, 60000),
            "date": day,
            "what": rng.randrange(len(TOPICS_EN)),
        }
        for _ in range(min(rng.choice((1, 2, 3, 4, 5, 6, 7)), n - len(docs))):
            lang = rng.choice(LANGS)
            title, lede = _lede(lang, event)
            family = lang.split("-")[0]
            body = background.take(family, rng.randrange(4, 10), rng)
            if lang == "zh-tw":
                body = [to_traditional(s) for s in body]
            paragraphs = (lede, *(" ".join(body[i : i + 3]) for i in range(0, len(body), 3)))
            date = None if rng.random() < 0.1 else day + dt.timedelta(rng.randrange(4))
            doc_id = f"{len(docs):05d}.txt"
            docs.append(_doc(doc_id, title, date, lang, paragraphs, f"Outlet {rng.randrange(40)}"))
            truth[doc_id] = event_no
            if rng.random() < 0.03 and len(docs) < n:
                copy = (*paragraphs[:-1], paragraphs[-1][: len(paragraphs[-1]) // 2])
                copy_id = f"{len(docs):05d}.txt"
                docs.append(_doc(copy_id, title + " (repost)", date, lang, copy, "Aggregator"))
                truth[copy_id] = event_no
    return docs, truth


def _doc(
    doc_id: str, title: str, date: dt.date | None, lang: str, paragraphs: tuple[str, ...], src: str
) -> Document:
    text = "\n".join([title, *paragraphs])
    return Document(
        id=doc_id, path=doc_id, title=title, title_derived=False, date=date, source=src,
        lang=lang, paragraphs=paragraphs, content_hash=hashlib.sha1(text.encode()).hexdigest(),
    )  # fmt: skip


def run(n: int, meaning: bool = False) -> None:
    docs, truth = build(n)
    vectors = None
    if meaning:
        from briefing.library import vectors_for

        start = time.perf_counter()
        vectors, _ = vectors_for(docs, use_cache=False)
        took = time.perf_counter() - start
        print(
            f"{n:>6} articles: sentence vectors (cold, every core) {took:.1f} s, "
            f"{1000 * took / max(n, 1):.1f} ms per article"
        )
    t0 = time.perf_counter()
    dups = find_duplicates(docs)
    t1 = time.perf_counter()
    anchors = {d.id: document_anchors(d) for d in docs if d.id not in dups}
    t2 = time.perf_counter()
    compared = 0
    original = group._candidates

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal compared
        pairs = original(*args, **kwargs)
        compared = len(pairs)
        return pairs

    group._candidates = counting  # type: ignore[assignment]
    try:
        index = group.group_stories(
            docs, anchors_of=lambda d: anchors[d.id], duplicates=dups, vectors=vectors
        )
    finally:
        group._candidates = original  # type: ignore[assignment]
    t3 = time.perf_counter()
    events: dict[int, list[str]] = {}
    for doc_id, event in truth.items():
        events.setdefault(event, []).append(doc_id)
    scores = pairwise([s.documents for s in index.stories], events.values())
    print(
        f"{n:>6} articles ({len(events)} events, {len(dups)} duplicates found): "
        f"duplicates {t1 - t0:.1f} s, anchors {t2 - t1:.1f} s, grouping {t3 - t2:.1f} s, "
        f"total {t3 - t0:.1f} s; {compared:,} candidate pairs compared "
        f"({compared / max(n, 1):.1f} per article); {len(index.shared)} stories of 2+; {scores}"
    )


def labelled_seed_set() -> None:
    """The figures tests/stories/test_evaluate.py asserts: the seeds plus four copies."""
    import tempfile

    from briefing.library import open_library
    from tests.stories.labelled import build_labelled_set, score_labelled

    seeds = load_corpus([ROOT / "seeds"]).documents
    item = next(d for d in seeds if d.id.endswith("#5"))
    with tempfile.TemporaryDirectory() as tmp:
        labelled = build_labelled_set(ROOT / "seeds", Path(tmp) / "set", item)
        lib = open_library(labelled.folder)
        index, _ = lib.stories()
        scores = score_labelled(labelled, [s.documents for s in index.stories])
    print(f"labelled seed set ({len(lib.documents)} articles, 4 of them copies): {scores}")


def main() -> int:
    meaning = "--meaning" in sys.argv
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [10_000]
    print(f"python {sys.version.split()[0]}; eval texts: {'yes' if EVAL.is_dir() else 'no'}")
    labelled_seed_set()
    for n in sizes:
        run(n, meaning)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
