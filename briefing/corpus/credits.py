"""Who wrote and who published an article, as files state it: placeholders and taglines out.

Feeds and pages fill their author field with whatever their CMS prints when nobody is named
(``No Author``, ``admin``, ``Unknown``), and their outlet field with the site's name and its
tagline (``Au Webポータル|最新のニュースをお届け！``). A
reader sees both in every list row, so both are reduced here to what names someone.
"""

from __future__ import annotations

import re

# what a CMS writes when no author is named: "No Author", "by admin", "Unknown", "N/A", "匿名"
PLACEHOLDER_AUTHOR = re.compile(
    r"^(?:by\s+)?(?:no[ _-]?author|(?:author|writer)\s+unknown|unknown(?:\s+author)?|anonymous|"
    r"anon|admin(?:istrator)?|webmaster|editor|staff(?: reporter| writer)?s?|guest|user|author|"
    r"none|null|nil|undefined|"
    r"n/?a|-+|\?+|匿名|不明|未知|佚名|作者|anonyme|inconnu|auteur|(?:la )?rédaction)\.?$",
    re.I,
)
# a URL or an e-mail address standing for a name: "https://www.facebook.com/lexpress"
NOT_A_NAME = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\S+$", re.I)
# where an outlet's name ends and its tagline starts: "Name | tagline", "Name｜…" (not " - ":
# feed titles use it for a section, "RSS Tests - RSS 1.0", and the labels keep it)
TAGLINE_BREAK = re.compile(r"\s*[|｜]\s*")


def clean_author(author: str | None) -> str | None:
    """The author's name, or None when the field holds a placeholder, a URL or nothing."""
    if not author:
        return None
    name = re.sub(r"\s+", " ", author).strip(" ,;|")
    if not name or PLACEHOLDER_AUTHOR.match(name) or NOT_A_NAME.match(name):
        return None
    return name


def clean_source(source: str | None) -> str | None:
    """The outlet's name without its tagline: ``Au Webポータル|最新の…`` → ``Au Webポータル``."""
    if not source:
        return None
    name = re.sub(r"\s+", " ", source).strip()
    first = TAGLINE_BREAK.split(name, maxsplit=1)[0].strip()
    return first if len(first) >= 2 else name or None
