"""Names too common to join two articles: countries, nationalities, capitals, first names.

On a real folder, seven unrelated French articles (a Sarkozy story, David Ginola's TV show…)
became one story joined by ``France``, ``Français``, ``Friday``, ``État``, ``Nicolas``. Rarity
in the corpus (IDF) cannot catch these in a small or one-country folder, where ``France`` may be
in only a few articles: they are generic by nature, so they are never anchors at all. A full
name that contains one stays (``Nicolas Sarkozy`` is specific; ``Nicolas`` alone is not).

Keys are in the folded form of :func:`.names.latin_key` / :func:`.names.han_key` (romanised,
no case, accents or spaces).
"""

from __future__ import annotations

from briefing.stories.names import latin_key

_LATIN = """
    france francais francaise francaises french frenchman paris parisien
    etat etats etatsunis unis usa us america american americans amerique americain americaine
    washington uk britain british britannique royaumeuni england english anglais londres london
    europe european europeen europeenne europeens ue eu union
    germany german germans allemagne allemand allemande berlin
    italy italian italie italien rome spain spanish espagne espagnol madrid
    china chinese chine chinois chinoise beijing pekin japan japanese japon japonais tokyo
    russia russian russie russe moscow moscou ukraine ukrainian ukrainien kiev kyiv
    canada canadian canadien quebec india indian inde indien
    belgique belgian belge suisse swiss switzerland afrique africa african africain
    asia asian asie world monde international internationale national nationale
    gouvernement government ministere ministry republique republic
    nicolas jean pierre marie michel philippe alain francois louis paul jacques bernard
    david john james michael robert william richard thomas mark peter george daniel
    sarah anne sophie julie marc luc eric christophe patrick olivier laurent thierry
    afp reuters ap
    """
_HAN = """
    中国 中國 美国 美國 日本 韩国 韓国 英国 英國 法国 法國 德国 德國 俄罗斯 欧洲 歐洲 亚洲 亞洲
    多国 多國 各国 各國 全球 世界 国际 國際 国家 國家 政府 北京 东京 東京
    """
_HAN_KEYS = """
    beijing deguo dongjing duoguo eluosi faguo geguo guoji guojia hanguo meiguo ouzhou quanqiu
    riben shijie yazhou yingguo zhengfu zhongguo
    """
"""The keys of :data:`_HAN`, written out: computing them at import made every folder import
pypinyin (0.2–0.4 s of a cold start), Chinese or not. ``tests/stories/test_generic.py`` checks
they are :func:`.names.han_key`'s."""
GENERIC_NAMES: frozenset[str] = frozenset(
    {latin_key(w) for w in _LATIN.split()} | set(_HAN_KEYS.split())
)
"""Name keys never used as anchors."""


def is_generic(name_key: str) -> bool:
    return name_key in GENERIC_NAMES
