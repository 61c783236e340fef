"""Bytes off the disk, decoded, or a one-line reason why not.

Follows trafilatura's ``decode_file``: a BOM settles it, then strict UTF-8 (most files), then
charset-normalizer's detection (Shift_JIS, EUC-JP, GB18030, Big5, cp1252, BOM-less UTF-16), and
only then ``errors="replace"``. Two kinds of text pass strict UTF-8 without being UTF-8 and are
tried before it: BOM-less UTF-16 full of NULs, and 7-bit ISO-2022-JP/HZ (:mod:`.charsets`).
Nothing here raises: every failure is a message for a Problem.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from briefing.corpus.charsets import choose_single_byte, decode_7bit_cjk
from briefing.corpus.errors import ReadError
from briefing.corpus.sizes import DEFAULT_MAX_BYTES, max_bytes_from_env, parse_size

__all__ = ["DEFAULT_MAX_BYTES", "ReadError", "max_bytes_from_env", "parse_size", "read_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# an XML declaration naming its encoding, at the very start: <?xml version="1.0" encoding="KOI8-R"?>
XML_ENCODING = re.compile(
    rb"""^\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z][\w.:-]{0,40})["']"""
)


def human_size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ReadError(f"cannot read: {err.strerror or err}") from None
    if size == 0:
        raise ReadError("empty file")
    if size > max_bytes:
        raise ReadError(
            f"file is {human_size(size)}, over the {human_size(max_bytes)} limit (--max-size)"
        )
    try:
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(f"cannot read: {err.strerror or err}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: decodes strictly, to text with spaces or line breaks and almost no
    controls or unassigned code points (which is what binary data decodes to)."""
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[int, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        bad = sum(
            1
            for ch in sample
            if unicodedata.category(ch) in ("Cn", "Co", "Cs") or (ch < " " and ch not in "\t\n\r")
        )
        readable = bad <= 0.005 * len(sample) and any(ch in " \n\u3000" for ch in sample)
        if readable and (best is None or bad < best[0]):
            best = (bad, text)
    return best[1] if best else None


def _utf8_apart_from_nuls(sample: bytes) -> bool:
    """Whether ``sample`` is UTF-8 once its NULs are taken out (a character cut at the end of
    the sample is allowed)."""
    rest = sample.replace(b"\x00", b"")
    try:
        rest.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start >= len(rest) - 3 and err.reason == "unexpected end of data"
    return True


_NOT_CONTROL = bytes(b for b in range(256) if not 0 < b < 32 or b in (9, 10, 12, 13, 27))
"""Every byte but the C0 controls text never holds (NUL is counted apart; tab, newline, form
feed, carriage return and ESC are ordinary in text)."""


def _controls(sample: bytes) -> int:
    """How many bytes of ``sample`` are such controls (counted in C: this runs on every file)."""
    return len(sample.translate(None, _NOT_CONTROL))


def looks_binary(data: bytes) -> bool:
    """An image, archive or executable, not text: NULs with nothing else, NULs among bytes
    that are not UTF-8, or a high share of control bytes.

    NULs in otherwise clean UTF-8 are damage, not binary: a stray NUL at a line end, or a
    JSONL line of NULs, must not cost the article or the file's other lines (repair strips
    them, and the JSONL line is reported alone).
    """
    sample = data[:8192]
    nuls = sample.count(0)
    if nuls and (not sample.replace(b"\x00", b"").strip() or not _utf8_apart_from_nuls(sample)):
        return True
    return _controls(sample) > 0.1 * (len(sample) - nuls)


def _maybe_utf16(data: bytes) -> bool:
    """What BOM-less UTF-16 looks like even where it is valid UTF-8: one byte in twenty or more
    NUL (ASCII-range text is half NULs, Cyrillic has one at each space), or many control bytes
    (each Cyrillic letter's high byte is 0x04). UTF-8 text with a stray NUL is neither."""
    sample = data[:8192]
    nuls = sample.count(0)
    return nuls * 20 >= len(sample) or _controls(sample) * 10 > len(sample)


def _declared(data: bytes) -> str | None:
    """The encoding an XML declaration names, if Python knows it and it can be true of bytes
    that spell the declaration in ASCII (not UTF-16 or UTF-32)."""
    m = XML_ENCODING.match(data[:300])
    if not m:
        return None
    try:
        name = codecs.lookup(m[1].decode("ascii")).name
    except LookupError:
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


def decode(data: bytes) -> str:
    """Text of ``data`` in whatever encoding it is in; raises ReadError only for binary data.

    An XML declaration's encoding is believed when the bytes decode in it: a feed that says
    ``windows-1252`` is windows-1252, whatever a detector would guess from a few accents.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if (declared := _declared(data)) is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect, as for any file
    # UTF-16 of ASCII-range or Cyrillic text is also valid UTF-8: try it first
    if _maybe_utf16(data) and (text := _utf16_without_bom(data)) is not None:
        return text
    if (text := decode_7bit_cjk(data)) is not None:
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if (text := _utf16_without_bom(data)) is not None:
        return text
    if looks_binary(data):
        raise ReadError("binary file, not text")
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[:200_000]))
    best = choose_single_byte(results, data) if results else None
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace")


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decoded text of ``path``; ReadError with a one-line reason for anything unusable."""
    data = read_bytes(path, max_bytes)
    if data.isspace():  # not data.strip(): that copies a 25 MB file to learn one bit
        raise ReadError("empty file")
    text = decode(data)
    del data  # the text is all that is needed now: one copy of the file in memory, not two
    if looks_binary(text[:8192].encode("utf-8", errors="replace")):
        raise ReadError("binary file, not text")
    if not text or text.isspace():
        raise ReadError("no text in file")
    return text
