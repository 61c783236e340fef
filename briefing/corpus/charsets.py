"""Choosing among legacy encodings where charset-normalizer's ranking alone goes wrong.

Two cases the red team found (issue 21):

* **Single-byte code pages tie.** Turkish in cp1254 also decodes cleanly as cp1252
  (``Ýstanbul'da … baþladý``: every byte is a letter in both), Polish in ISO-8859-2 as
  ISO-8859-4 (``rozpoczęŗa``). charset-normalizer ranks such decodings within a few hundredths
  of chaos of each other, and the order among them is noise, while the *language* (which
  langdetect reads off the mostly ASCII words) is clear. So among the near-ties we take the
  decoding with the fewest symbols glued to letters (``rozpoczê³a``: ``³`` is no letter of any
  language), then the fewest letters of rare alphabets (``þ``), then an encoding native to
  the language, then the most used code page (cp1252 first), then charset-normalizer's order.
* **7-bit CJK encodings** (ISO-2022-JP, HZ) are valid ASCII, so strict UTF-8 accepted them and
  their escape sequences were shown as text. They are recognised by those sequences first.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from briefing.corpus.detect import detect_language

NEAR_TIE = 0.1
"""Chaos (charset-normalizer's 0–1 mess ratio) within which two single-byte decodings count as
equally clean: the gaps measured on Turkish, Polish and French samples were 0.00–0.09."""

_LATIN_WEST = ("cp1252", "iso8859_15", "latin_1")
_LATIN_CENTRAL = ("cp1250", "iso8859_2", "iso8859_16")
_CYRILLIC = ("cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic")
_BALTIC = ("cp1257", "iso8859_13", "iso8859_4")

NATIVE: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ["en", "fr", "de", "es", "pt", "it", "nl", "da", "sv", "no", "fi", "id", "ca"], _LATIN_WEST
    ),
    **dict.fromkeys(["pl", "cs", "sk", "hu", "hr", "sl", "ro", "sq"], _LATIN_CENTRAL),
    **dict.fromkeys(["ru", "uk", "bg", "sr", "mk"], _CYRILLIC),
    **dict.fromkeys(["lt", "lv", "et"], _BALTIC),
    "tr": ("cp1254", "iso8859_9"),
    "el": ("cp1253", "iso8859_7"),
    "he": ("cp1255", "iso8859_8"),
    **dict.fromkeys(["ar", "fa", "ur"], ("cp1256", "iso8859_6")),
    "vi": ("cp1258",),
}
"""The legacy code pages each language (as :func:`~briefing.corpus.detect.detect_language`
names it) was written in."""

PREVALENCE = [
    *("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "iso8859_2", "cp1254", "iso8859_9"),
    *("cp1256", "cp1253", "iso8859_7", "cp1255", "iso8859_8", "koi8_r", "koi8_u", "cp1257"),
    *("iso8859_13", "iso8859_5", "iso8859_6", "cp1258", "iso8859_16", "iso8859_4", "iso8859_10"),
    *("iso8859_3", "iso8859_14"),
]
"""Single-byte code pages, most used first (web surveys put cp1252/Latin-1 far ahead, then
Cyrillic and Central European): the last word between decodings nothing else separates. Mac
and DOS code pages come after all of these."""

RARE_LETTERS = frozenset("þðÞÐŗŖŧŦĥĤġĠ")
"""Letters of few languages (Icelandic þ ð, old Latvian ŗ, Sami ŧ, Esperanto ĥ, Maltese ġ)
that a wrong code page makes of common ones: Turkish ş as þ in cp1252, Polish ł as ŗ in
ISO-8859-4."""

# an ISO-2022 designation: ESC $ B / ESC $ @ / ESC $ ( D (JIS X 0208/0212), ESC $ ) C (KS X 1001)
ISO2022_ESCAPE = re.compile(rb"\x1b\$(?:[@B]|\(D|\)C)")
# an HZ-GB-2312 run: "~{" then GB2312 byte pairs (0x21–0x7E) then "~}"
HZ_RUN = re.compile(rb"~\{(?:[\x21-\x7e]{2})+~\}")
# a CJK ideograph or kana: what a decoded ISO-2022/HZ run must give
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def decode_7bit_cjk(data: bytes) -> str | None:
    """ISO-2022-JP/KR or HZ text, recognised by its escape sequences; None for anything else."""
    if max(data, default=0) >= 0x80:
        return None
    if ISO2022_ESCAPE.search(data):
        encoding = "iso2022_kr" if b"\x1b$)C" in data else "iso2022_jp_ext"
    elif HZ_RUN.search(data):
        encoding = "hz"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if CJK.search(text) else None


_ODD = frozenset(("Cc", "Cf", "Cn", "Co", "Sc", "Sk", "Sm", "So", "No"))
"""Categories no word is spelt with: controls, unassigned, symbols, ``³ ¹ ¼``."""
_ODD_MARKS = frozenset("¶§¦¤")
"""Latin-1 punctuation that a wrong code page puts where a letter was (``¶rodę``)."""


def _glued_symbols(text: str) -> int:
    """Non-ASCII characters no word is spelt with that touch a letter: ``ê³a``, ``¶r``.

    A wrong single-byte code page turns letters into such symbols (or C1 controls); the right
    one leaves letters, and punctuation (quotes, dashes) that every candidate shares.
    """
    count = 0
    for i, ch in enumerate(text):
        if ch < "\x80" or (unicodedata.category(ch) not in _ODD and ch not in _ODD_MARKS):
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalpha() or after.isalpha():
            count += 1
    return count


def choose_single_byte(results: list[Any], data: bytes) -> Any:
    """The charset-normalizer match to decode ``data`` with, among near-tied single-byte ones.

    ``results`` is charset-normalizer's ranked list; a multi-byte winner is kept as it is.
    """
    from charset_normalizer.utils import is_multi_byte_encoding

    best = results[0]
    if is_multi_byte_encoding(best.encoding):
        return best
    near = [
        m
        for m in results
        if m.chaos <= best.chaos + NEAR_TIE and not is_multi_byte_encoding(m.encoding)
    ]
    sample = data[:20_000]
    # our detector, not charset-normalizer's guess: on two French sentences that one said
    # Romanian; n-grams of the (mostly ASCII) words are the same in every candidate
    language = detect_language(sample[:4000].decode(best.encoding, errors="replace"))
    native = NATIVE.get(language.split("-")[0], _LATIN_WEST)

    def key(item: tuple[int, Any]) -> tuple[int, int, bool, int, int]:
        rank, match = item
        names = {match.encoding, *match.could_be_from_charset}
        text = sample.decode(match.encoding, errors="replace")
        common = min((PREVALENCE.index(n) for n in names if n in PREVALENCE), default=99)
        return (
            _glued_symbols(text),
            sum(ch in RARE_LETTERS for ch in text),
            not names & set(native),
            common,
            rank,
        )

    return min(enumerate(near), key=key)[1]
