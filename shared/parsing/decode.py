"""Bytes → text: detect the encoding of an uploaded text layer with the standard library only.

Order of evidence: a byte-order mark (UTF-8, UTF-16, UTF-32); the NUL pattern of BOM-less
UTF-16 (every other byte NUL for ASCII, or many NULs on one parity); strict UTF-8; strict
GB18030 (a superset of GBK and GB2312).  Whatever decodes must also look like text: NUL bytes
outside UTF-16 or a soup of control characters make the input ``undecodable``.  Bytes valid
in both UTF-8 and GB18030 (only ever a handful of characters) are read as UTF-8.  Newlines
are normalised to ``\\n``; form feeds (page breaks) are kept.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from shared.parsing.types import ParseError

_MAX_CONTROL_SHARE = 0.02
_MIN_PLAUSIBLE_SHARE = 0.85
# Category Cc is exactly U+0000–U+001F and U+007F–U+009F; these are the disallowed ones.
_DISALLOWED_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Runs of characters that are certainly assigned and not private-use or surrogates (ASCII,
# CJK symbols, unified ideographs, full-width forms): skipped before the per-character check.
_CERTAINLY_ASSIGNED = re.compile("[\x00-\x7e\u3000-\u303f\u4e00-\u9fff\uff01-\uff60]+")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: object) -> str:
    """Decode a text layer; raise ``ParseError('empty'|'undecodable', ...)`` otherwise.

    Typed ``object``, like :func:`shared.parsing.parse_bytes`: anything but bytes is refused
    with :class:`ParseError` (compiled code would refuse it with its own ``TypeError``)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ParseError("invalid-input", f"expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data:
        raise ParseError("empty", "the file is empty")
    text = _decode(data)
    text = text.removeprefix("\ufeff")
    _check_looks_like_text(text)
    if not text.strip():
        raise ParseError("empty", "the file contains only whitespace")
    return normalise_newlines(text)


def _decode(data: bytes) -> str:
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, f"it starts with a {codec} byte-order mark")
    utf16 = _utf16_by_nul_pattern(data)
    if utf16 is not None:
        return _strict(data, utf16, "its NUL bytes follow the UTF-16 pattern")
    if b"\x00" in data:
        raise ParseError("undecodable", "the file contains NUL bytes: it looks binary, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ParseError(
            "undecodable",
            f"the file is neither UTF-8, UTF-16 nor GB18030/GBK text "
            f"(invalid byte at offset {exc.start})",
        ) from None
    if _plausible_share(text) < _MIN_PLAUSIBLE_SHARE:
        raise ParseError(
            "undecodable",
            "the file is not valid UTF-8 and reads as gibberish in GB18030/GBK",
        )
    return text


def _strict(data: bytes, codec: str, why: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ParseError(
            "undecodable", f"{why}, but it is not valid {codec} (byte offset {exc.start})"
        ) from None


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    """BOM-less UTF-16: its NUL bytes (high bytes of ASCII characters) sit on one parity.

    ASCII-heavy UTF-16 has a NUL in nearly every pair; CJK-heavy UTF-16 has few, but the
    newlines and spaces still put them all on the same side.  The decoded text must also
    read as text, so binary data with stray NULs is not taken for UTF-16.
    """
    if len(data) < 2 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    for codec, nuls, others in (
        ("utf-16-le", odd_nuls, even_nuls),
        ("utf-16-be", even_nuls, odd_nuls),
    ):
        if nuls and others * 8 <= nuls:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            looks_like_lines = "\n" in text or nuls * 4 >= len(data) // 2
            if looks_like_lines and _plausible_share(text) >= _MIN_PLAUSIBLE_SHARE:
                return codec
    return None


def _check_looks_like_text(text: str) -> None:
    if not text:
        return
    if "\x00" in text:
        raise ParseError("undecodable", "the decoded text contains NUL characters")
    controls = len(_DISALLOWED_CONTROLS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ParseError(
            "undecodable",
            f"{controls} of {len(text)} characters are control characters: not a text layer",
        )
    rest = _CERTAINLY_ASSIGNED.sub("", text)
    odd = sum(1 for c in rest if unicodedata.category(c) in ("Co", "Cn", "Cs"))
    if odd * 2 > len(text):
        raise ParseError("undecodable", "most characters are unassigned or private-use")


def _plausible_share(text: str) -> float:
    """Share of characters that occur in ordinary Chinese or Latin text."""
    plausible = sum(1 for char in text if _is_plausible(char))
    return plausible / len(text)


_PLAUSIBLE_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0x3400, 0x4DBF),  # extension A
    (0x20000, 0x3FFFF),  # extensions B and beyond
    (0x2F00, 0x2FDF),  # Kangxi radicals (emitted by some PDF text layers)
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms
    (0x2000, 0x206F),  # general punctuation (quotes, dashes, ellipsis)
    (0x25A0, 0x25CF),  # ■ ● bullets
)


def _is_plausible(char: str) -> bool:
    code = ord(char)
    if char.isspace() or any(low <= code <= high for low, high in _PLAUSIBLE_RANGES):
        return True
    return code < 0x3000 and unicodedata.category(char)[0] in "LNP"
