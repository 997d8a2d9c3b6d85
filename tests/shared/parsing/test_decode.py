"""decode_bytes: encodings, newline normalisation and the refusal of binary input."""

from __future__ import annotations

import codecs

import pytest

from shared.parsing import ParseError, decode_bytes

TEXT = "本报讯（记者 朱海波） 7月1日，市委统战部召开会议。\n第二行 ABC 123\f第二页"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "utf32",
        "gb18030",
        "gbk",
    ],
)
def test_decodes_every_supported_encoding_without_mangling(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_cjk_heavy_utf16_without_bom_is_recognised_by_its_newlines() -> None:
    text = "我市聚力打造工作品牌\n今年以来共有二十余条意见建议被采纳\n"
    assert decode_bytes(text.encode("utf-16-le")) == text


def test_ascii_only_utf16_without_bom() -> None:
    assert decode_bytes("Page 2\nHello".encode("utf-16-le")) == "Page 2\nHello"


def test_gb18030_only_characters() -> None:
    text = "𠀀字与㐀字都能解码。"
    assert decode_bytes(text.encode("gb18030")) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\n\r\nb", "a\n\nb"), ("a\fb", "a\fb")],
)
def test_newlines_are_normalised_and_form_feeds_kept(raw: str, expected: str) -> None:
    assert decode_bytes(raw.encode("utf-8")) == expected


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t "])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(ParseError) as info:
        decode_bytes(data)
    assert info.value.code == "empty"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + "正文".encode(),
        b"%PDF-1.7\n\xff\xfe\x00\x01binary\x00stream",
        codecs.BOM_UTF8 + b"\xff\xfe\xfd",
        b"\x81\x30\x81",  # a truncated GB18030 four-byte sequence
    ],
    ids=["png", "all-bytes", "control-soup", "pdf", "bad-utf8-after-bom", "truncated-gb18030"],
)
def test_binary_or_undecodable_input_is_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(ParseError) as info:
        decode_bytes(data)
    assert info.value.code == "undecodable"
    assert len(info.value.message) > 10


def test_latin1_text_is_not_mistaken_for_chinese_gibberish() -> None:
    # Latin-1 accented text is neither UTF-8 nor plausible GB18030: refuse, do not mangle.
    with pytest.raises(ParseError):
        decode_bytes(("Caf\xe9 cr\xe8me br\xfbl\xe9e " * 3).encode("latin-1"))


def test_anything_but_bytes_is_refused_with_a_parse_error() -> None:
    assert decode_bytes(bytearray("第二版".encode())) == "第二版"
    assert decode_bytes(memoryview("第二版".encode())) == "第二版"
    with pytest.raises(ParseError) as refused:
        decode_bytes("already text")
    assert refused.value.code == "invalid-input"
