"""Lines of page chrome that a scraper or a saved page leaves among an article's paragraphs.

A share bar (``Share Tweet Email``, ``シェア ツイート LINE``), a button's "done" notice
(``完了しました``, ``Link copied``), a cookie banner, a related-links heading or a teaser link cut
with an ellipsis (``【北京新浪網】 科比:詹姆斯是湖人是我兄弟…``) is never a sentence of the article,
wherever it stands. Each rule matches a whole line, short, in the forms sites print, so an article
paragraph that mentions cookies or sharing is kept (tests: ja, zh, fr, en).
"""

from __future__ import annotations

import re

from briefing.text.width import display_width

# one word of a share bar or a toolbar, in the languages sites print them
_SHARE_WORD = (
    r"share|shares|tweet|email|e-mail|mail|print|facebook|twitter|x|linkedin|whatsapp|pinterest|"
    r"reddit|telegram|messenger|line|copy|link|copy link|save|bookmark|comments?|flipboard|"
    r"partager|partagez|tweeter|imprimer|envoyer|copier le lien|enregistrer|"
    r"シェア|ツイート|ポスト|はてな|はてなブックマーク|ブックマーク|印刷|保存|共有|メール|"
    r"リンクをコピー|コメント|"
    r"分享|分享到|转发|轉發|微信|微博|新浪微博|qq|qq空间|朋友圈|复制链接|複製連結|打印|列印|收藏|评论|評論"
)
# a line that is only share-bar words, separated by spaces, bars, dots or commas
SHARE_BAR = re.compile(rf"^(?:(?:{_SHARE_WORD})\s*[:：]?\s*(?:[|/·•,、]\s*)?)+$", re.I)
# a button's confirmation left in the text: "完了しました", "保存しました", "Link copied", "已复制"
DONE_NOTICE = re.compile(
    r"^(?:(?:登録|保存|送信|コピー|削除|追加|完了)(?:が完了)?しました|完了|"
    r"(?:link |url )?copied(?: to clipboard)?|saved|done|"
    r"lien copié|copié|enregistré|"
    r"已复制|已複製|复制成功|複製成功|已收藏|收藏成功|已保存)[!！。.]?$",
    re.I,
)
# a cookie banner: "We use cookies to…", "Ce site utilise des cookies…", "本サイトはCookieを使用…"
COOKIE_BANNER = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site)\s+uses?\s+cookies\b|accept (?:all )?cookies|"
    r"cookie (?:settings|preferences|policy)\b|"
    r"(?:nous utilisons|ce site utilise|notre site utilise) (?:des )?cookies|"
    r"accepter (?:les|tous les) cookies|"
    r"en poursuivant votre navigation|"
    r"(?:クッキー|cookie)(?:（cookie）|\(cookie\))?を(?:使用|利用)|"
    r"使用\s*cookies?|cookies?\s*(?:政策|设置|設定)",
    re.I,
)
# a related-links heading alone on its line: "Related articles", "Lire aussi", "関連記事"
RELATED_HEADING = re.compile(
    r"^(?:related(?: (?:articles?|stories|news|content|coverage|links))?|more on this(?: story)?|"
    r"you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular)|"
    r"(?:à )?lire aussi|voir aussi|à voir aussi|sur le même sujet|les plus lus|"
    r"関連記事|関連ニュース|あわせて読みたい|こちらもおすすめ|おすすめ記事|人気記事|"
    r"相关新闻|相關新聞|相关阅读|相關閱讀|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门新闻|熱門新聞)"
    r"\s*[:：]?$",
    re.I,
)
# a teaser link: an agency dateline in brackets, then a headline cut by an ellipsis
TEASER_LINK = re.compile(r"^【[^】]{1,20}】.{1,80}(?:…|\.\.\.)$")

# a note that the article was first published elsewhere: "This article originally appeared on
# CNN.", "Originally published by MailOnline.", "Cet article est paru initialement sur …"
REPUBLISHED = re.compile(
    r"^(?:this (?:article|story|piece) (?:was )?(?:originally|first) (?:appeared|published|ran)"
    r"|originally (?:published|appeared)|first published"
    r"|cet article (?:est paru|a été publié|a paru) (?:initialement|à l['’]origine|d['’]abord)"
    r"|article (?:paru|publié) initialement"
    r"|本文(?:首发|原载|首發|原載)(?:于|於)|この記事は.{1,40}(?:に掲載|から転載))"
    r".{0,100}$",
    re.I,
)
# a picture marker of Chinese papers, alone or glued in a paragraph: "（资料图）", "(示意图)"
PICTURE_MARK = re.compile(
    r"[（(](?:资料图片?|資料圖片?|示意图|示意圖|图片来源[:：][^()（）]{1,30})[)）]"
)
# an illustration caption: "Photo d'illustration. (AFP)", "Image d'illustration", "Illustration : …"
ILLUSTRATION = re.compile(
    r"^(?:photo|image)s? d['’]illustration\b.{0,120}$|^illustration\s*[:.].{0,120}$", re.I
)
# a wire agency's credit opening a paragraph: "(Reuters) - ", "(AFP) – "
WIRE_CREDIT = re.compile(
    r"^[(（](?:reuters|afp|ap|bloomberg|dpa|xinhua|kyodo|yonhap|ansa|efe)[)）]\s*[-–—]\s*", re.I
)
# a byline on its own line: "By Staff Reporter", "Par La Rédaction", "Von Anna Schmidt"
BYLINE = re.compile(r"^(?:by|par|von|por|di)\s+(?P<name>[^\s.,;:!?。][^.;:!?。]{0,48})$", re.I)

CHROME_MAX_WIDTH = 400
"""Display width past which a line is prose, whatever it says."""


def is_chrome(line: str) -> bool:
    """True for a line that is page chrome, not a sentence of the article."""
    line = line.strip()
    if not line or display_width(line) > CHROME_MAX_WIDTH:
        return False
    if SHARE_BAR.match(line) or DONE_NOTICE.match(line) or RELATED_HEADING.match(line):
        return True
    if TEASER_LINK.match(line) or REPUBLISHED.match(line) or ILLUSTRATION.match(line):
        return True
    if not PICTURE_MARK.sub("", line).strip():
        return True
    return display_width(line) <= 300 and bool(COOKIE_BANNER.search(line))


def strip_credits(para: str) -> str:
    """A paragraph without the wire credit that opens it (``(Reuters) - GM is recalling…``) and
    the picture markers inside it (``（资料图）``)."""
    return PICTURE_MARK.sub("", WIRE_CREDIT.sub("", para)).strip()


def byline_name(line: str) -> str | None:
    """The name in a byline line (``By Jane Doe`` → ``Jane Doe``), or None if it is not one."""
    m = BYLINE.match(line.strip())
    return m["name"].strip() if m and len(m["name"].split()) <= 5 else None
