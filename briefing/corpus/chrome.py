"""Lines of page chrome that a scraper or a saved page leaves among an article's paragraphs.

A share bar (``Share Tweet Email``, ``シェア ツイート LINE``), a button's "done" notice
(``完了しました``, ``Link copied``), a cookie banner, a related-links heading or a teaser link cut
with an ellipsis (``【北京新浪網】 科比:詹姆斯是湖人是我兄弟…``) is never a sentence of the article,
wherever it stands. Each rule matches a whole line, short, in the forms sites print, so an article
paragraph that mentions cookies or sharing is kept (tests: ja, zh, fr, en).
"""

from __future__ import annotations

import datetime as dt
import re

from briefing.text.dates import find_dates, slashed_dates
from briefing.text.width import display_width

# one word of a share bar or a toolbar, in the languages sites print them
_SHARE_WORD = (
    r"share|shares|tweet|email|e-mail|mail|print|facebook|twitter|x|linkedin|whatsapp|pinterest|"
    r"reddit|telegram|messenger|line|copy|link|copy link|save|bookmark|comments?|flipboard|"
    r"partager|partagez|tweeter|imprimer|envoyer|copier le lien|enregistrer|"
    r"シェア|ツイート|ポスト|はてな|はてなブックマーク|ブックマーク|印刷|保存|共有|メール|"
    r"リンクをコピー|コメント|"
    r"分享|分享到|转发|轉發|微信|微博|新浪微博|qq|qq空间|朋友圈|复制链接|複製連結|打印|列印|收藏|评论|評論|"
    r"google news|ajouter à mes favoris|favoris|teilen|compartir|compartilhar|condividi|udostępnij"
)
# a button's confirmation left in the text, in the forms sites print it
_DONE = (
    r"(?:登録|保存|送信|コピー|削除|追加|完了)(?:が完了)?しました|完了|"
    r"(?:link |url )?copied(?: to clipboard)?|saved|done|"
    r"(?:article )?(?:added|saved) to (?:your )?(?:favou?rites|bookmarks|reading list)|"
    r"sign-?up successful|(?:subscription|registration) (?:successful|confirmed)|"
    r"thanks? (?:you )?for (?:signing up|subscribing)|"
    r"lien copié|copié|enregistré|l['’]article a été ajouté à vos favoris|ajouté à vos favoris|"
    r"merci (?:pour|de) votre inscription|"
    r"已复制|已複製|复制成功|複製成功|已收藏|收藏成功|已保存"
)
# a line that is only share-bar words and the notices its buttons leave, separated by spaces,
# bars, dots or commas, a list bullet before them: "Share Tweet Email", "- Google News"
SHARE_BAR = re.compile(
    rf"^[-–•·]?\s*(?:(?:{_SHARE_WORD}|{_DONE})\s*[:：!！。.]?\s*(?:[|/·•,、]\s*)?)+$", re.I
)
# "完了しました", "保存しました", "Link copied", "已复制", "L'article a été ajouté à vos favoris"
DONE_NOTICE = re.compile(rf"^(?:{_DONE})[!！。.]?$", re.I)
# a reading-time note: "Temps de lecture : 4 min", "4 min read", "Lesezeit: 3 Min."
READING_TIME = re.compile(
    r"^(?:(?:temps de lecture|reading time|lesezeit|tiempo de lectura|tempo de leitura|"
    r"czas czytania|tempo di lettura)\s*[:：]?\s*\d{1,3}\s*(?:min|minutes?|minuten|minutos|minuti)|"
    r"\d{1,3}\s*(?:min|minutes?)\.? read)\.?$",
    re.I,
)
# a script's placeholder saved before it ran: "Loading...", "Chargement…", "読み込み中"
LOADING = re.compile(
    r"^(?:loading|chargement(?: en cours)?|cargando|carregando|caricamento|wird geladen|"
    r"ładowanie|読み込み中|加载中|載入中)\s*(?:\.{3}|…)?$",
    re.I,
)
# an editor's initials closing a report: "(grh)", "(vyp/kna)"; a line of its own, or glued to
# the end of the last paragraph
EDITOR_MARK = re.compile(r"^[(（]\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5}){0,3}\s*[)）]$")
TRAILING_MARK = re.compile(r"(?<=[.!?»\"”)])\s+[(（][a-z]{2,5}(?:/[a-z]{2,5}){0,3}[)）]$")
# a reporter's address or desk on its own line: "ebowleg@tribunemedia.net", "Staff Reporter"
CONTACT_LINE = re.compile(
    r"^(?:[\w.+-]+@[\w-]+\.[\w.]+|(?:\w+ )?(?:staff|senior) (?:reporter|writer|correspondent)s?)$",
    re.I,
)
# a social post's embed signature: "Publiée par Centre Hospitalier … sur Jeudi 26 mars 2020"
EMBED_CREDIT = re.compile(
    r"^(?:publiée? par|posted by|publicado por|veröffentlicht von)\s.{1,80}\s"
    r"(?:sur|on|en|am|el)\s.{3,40}\d{4}$",
    re.I,
)
# a lone bullet or rule between blocks: "-", "* * *", "———" (an elision "(...)" is a quote's)
RULE_LINE = re.compile(r"^[\s\-–—•·*|_=~]+$")
# what may follow a date on a line that is only a date: ", 22:11 GMT+10", " à 14h30", " | 08:05"
TIME_REST = re.compile(
    r"^[\s,.|·•\-–]*(?:[(（][^()（）\d]{1,4}[)）])?\s*"  # a weekday: "（木）", "(Thu)"
    r"(?:(?:à|at|um|a las|às)\s+)?(?:\d{1,2}[:h.]\d{2}(?:\s*(?:am|pm|uhr|h))?|\d{1,2}時\d{1,2}分)?"
    r"\s*(?:(?:gmt|utc|cet|cest|est|edt|pst|pdt|jst|bst)\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?[\s,.]*$",
    re.I,
)
# what may stand before the date of a date line: a weekday, a stamp's label ("Published:",
# "Publié le", "公開日時：", "更新") with maybe the time first ("Published: 13:02 EDT, 31 March
# 2025"), and a newspaper's name before that label ("佐賀新聞　公開日時：", "CBS News | Published:")
LATIN_STAMP_LABEL = r"published|updated|posted|publié|mis à jour|modifié"
CJK_STAMP_LABEL = r"(?:公開|更新|配信|掲載|発行|发布|發布)(?:日時|日|时间|時間|于)?|日期"
STAMP_LABEL = rf"(?:{LATIN_STAMP_LABEL}|{CJK_STAMP_LABEL})"
DATE_LEAD = re.compile(
    rf"[\s,.|·•\-–]*(?:[^\d|｜]{{1,20}}?(?:\s*[|｜·•]\s*|\u3000+|\s+(?={STAMP_LABEL})))?"
    r"(?:(?:le|on)\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)?"
    rf"(?:(?:(?:{LATIN_STAMP_LABEL})(?:\s+(?:on|le))?\s*:?\s*|(?:{CJK_STAMP_LABEL})\s*[:：]?\s*)"
    r"(?:\d{1,2}[:h.]\d{2}\s*(?:[ap]m\s*)?(?:[a-z]{2,4}\s*)?,?\s*)?)?",
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
# the words that send a reader to another article, in the languages sites print them
_ONWARD = (
    r"read more|also read|must read|read|watch|see also|more on this(?: story)?|"
    r"(?:à )?lire aussi|voir aussi|à voir aussi|"
    r"lee (?:más|también)|lea (?:más|también)|mira|ver (?:más|también)|te puede interesar|"
    r"leia (?:mais|também)|veja (?:mais|também)|veja|"
    r"lesen sie (?:auch|mehr)|mehr zum thema|"
    r"czytaj (?:też|także|również|więcej)|zobacz (?:też|także)|dowiedz się więcej|"
    r"baca juga|simak(?: juga)?(?: video)?|"
    r"читайте (?:также|тоже)|читайте|"
    r"関連記事|相关阅读|相關閱讀|延伸阅读|延伸閱讀"
)
# a teaser for another article: its label, a bar or colon, its headline: "MUST READ | …",
# "LEE MÁS | …", "Czytaj też: …", "Dowiedz się więcej: …", "Simak Video "…""
ONWARD_TEASER = re.compile(
    rf"^(?:(?:{_ONWARD})\s*[|:：]\s*\S.{{0,200}}|simak video\s.{{1,120}})$", re.I
)
# a related-links or tags heading alone on its line: "Related articles", "Lire aussi", "関連記事"
RELATED_HEADING = re.compile(
    r"^(?:related(?: (?:articles?|stories|news|content|coverage|links))?|more on this(?: story)?|"
    r"you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular)|"
    r"(?:à )?lire aussi|voir aussi|à voir aussi|sur le même sujet|les plus lus|"
    r"czytaj (?:też|także|również)|zobacz (?:też|także)|baca juga|lesen sie auch|mehr zum thema|"
    r"leia também|veja também|lee también|lea también|te puede interesar|"
    r"tags|temas|themen|schlagworte|mots-clés|etiquetas|tagi|"
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
# a picture marker of Chinese papers, alone or glued in a paragraph: "（资料图）", "(示意图)",
# "（组图）" (a page's pointer to its picture: Chinese prose never brackets these words)
PICTURE_MARK = re.compile(
    r"[（(](?:资料图片?|資料圖片?|示意图|示意圖|图|圖|组图|組圖|配图|配圖|多图|多圖|"
    r"图片来源[:：][^()（）]{1,30})[)）]"
)
# the words a page puts alone on a line where its picture stood, in the languages of the field:
# "（资料图）", "【图】", "写真", "（イメージ）", "(photo)", "Photo d'archive", "[Image]"
_PICTURE_WORD = (
    r"资料图片?|资料照片|資料圖片?|資料照片|示意图|示意圖|图片?|圖片?|照片|配图|配圖|组图|組圖|"
    r"多图|多圖|截图|截圖|网络图片|網路圖片|视频截图|視頻截圖|"
    r"写真|寫真|資料写真|資料映像|画像|イメージ(?:写真|画像|図)?|(?:写真|画像)はイメージ|"
    r"(?:file |archive |stock )?photos?|images?|pictures?|pics?|illustrations?|"
    r"photos? d['’](?:illustration|archives?)|fotos?|bild(?:er)?"
)
# such a word alone on its line, in brackets or not: a picture's placeholder, never a headline
# nor a sentence (a line "Photo : AFP" with a credit is a caption line, see corpus.clean)
PICTURE_MARKER_LINE = re.compile(
    rf"^[（(【\[〔［〈<]?\s*(?:{_PICTURE_WORD})\s*[)）】\]〕］〉>]?$", re.I
)
# an illustration caption or a picture's credit: "Photo d'illustration. (AFP)", "Illustration :
# …", "Featured image by Alberto Riva/The Points Guy.", "(Credit: Clayton Aldern / Grist)"
ILLUSTRATION = re.compile(
    r"^(?:photo|image)s? d['’]illustration\b.{0,120}$|^illustration\s*[:.].{0,120}$|"
    r"^[(（]?(?:(?:featured|top|header|lead|cover) )?(?:image|photo|picture)s? "
    r"(?:by|credit|courtesy of)\b.{1,80}$|^[(（]credits?\s*:.{1,80}[)）]$",
    re.I,
)
# an advertiser's disclosure: "This post contains references to products from one or more of
# our advertisers. We may receive compensation…"
AD_DISCLOSURE = re.compile(
    r"^this (?:post|article|page|story) (?:contains|may contain) (?:references to products|"
    r"affiliate links)|^we may (?:receive|earn) (?:compensation|a commission)",
    re.I,
)
# a wire agency's credit opening a paragraph: "(Reuters) - ", "(AFP) – "
WIRE_CREDIT = re.compile(
    r"^[(（](?:reuters|afp|ap|bloomberg|dpa|xinhua|kyodo|yonhap|ansa|efe)[)）]\s*[-–—]\s*", re.I
)
# a byline on its own line: "By Staff Reporter", "Par La Rédaction", "Von Anna Schmidt"
BYLINE = re.compile(r"^(?:by|par|von|por|di)\s+(?P<name>[^\s.,;:!?。][^.;:!?。]{0,48})$", re.I)

LINE_RULES = (
    ONWARD_TEASER,
    READING_TIME,
    LOADING,
    EDITOR_MARK,
    CONTACT_LINE,
    EMBED_CREDIT,
    AD_DISCLOSURE,
    RULE_LINE,
)
"""Whole-line rules added for the field's saved pages (issue 17), each in several languages."""

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
    if any(rule.match(line) for rule in LINE_RULES):
        return True
    if is_date_line(line):
        return True
    if not PICTURE_MARK.sub("", line).strip() or is_picture_marker(line):
        return True
    return display_width(line) <= 300 and bool(COOKIE_BANNER.search(line))


def is_picture_marker(line: str) -> bool:
    """A line that only says a picture stood here (``（资料图）``, ``【图】``, ``写真``,
    ``(photo)``): no title, no sentence, nothing a brief may open on."""
    line = line.strip()
    return len(line) <= 40 and bool(PICTURE_MARKER_LINE.match(line))


def is_date_line(line: str) -> bool:
    """A line that is only a date and maybe a time: ``13 Jan 2020, 22:11 GMT+10``,
    ``Tuesday 25 February 2025 19.05 GMT``, ``samedi 8 mars 2025 à 13h11``, ``公開日時：2025年4月1日
    21時19分`` (a weekday or a stamp's label before it, Markdown emphasis around it). An article
    says what happened on a day; a line that says nothing else is a dateline or a stamp."""
    return stamp_date(line) is not None


def stamp_date(line: str, month_first: bool = False) -> dt.date | None:
    """The date of a date line (:func:`is_date_line`), or None for any other line; a slashed
    one (``Nice-Matin | 14/03/2025 12:31``) read month first when ``month_first``."""
    line = line.strip().strip("*_")
    if display_width(line) > 60:
        return None
    found = find_dates(line) or slashed_dates(line, month_first)
    if len(found) != 1:
        return None
    start, end, date = found[0]
    if DATE_LEAD.fullmatch(line[:start]) and TIME_REST.match(line[end:]):
        return date
    return None


def strip_credits(para: str) -> str:
    """A paragraph without the wire credit that opens it (``(Reuters) - GM is recalling…``), the
    picture markers inside it (``（资料图）``) and an editor's initials closing it (``(grh)``)."""
    return TRAILING_MARK.sub("", PICTURE_MARK.sub("", WIRE_CREDIT.sub("", para))).strip()


def byline_name(line: str) -> str | None:
    """The name in a byline line (``By Jane Doe`` → ``Jane Doe``), or None if it is not one."""
    m = BYLINE.match(line.strip())
    return m["name"].strip() if m and len(m["name"].split()) <= 5 else None
