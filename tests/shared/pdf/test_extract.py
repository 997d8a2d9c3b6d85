"""Stage 1: glyphs with their boxes and sizes; readable failures for PDFs that cannot be read."""

from __future__ import annotations

import pytest

from shared.parsing import ParseError
from shared.pdf.extract import NO_TEXT_LAYER, check_text_layer, extract_pages, is_pdf
from shared.pdf.types import Char, PageChars
from tests.support.pdf_typesetter import (
    PAGE_HEIGHT,
    Module,
    Story,
    encrypted_pdf,
    pages_pdf,
    scan_pdf,
    truncated_pdf,
    typeset,
)


def test_glyphs_come_with_their_text_box_and_type_size() -> None:
    story = Story(kicker="引题", headline="主标题", paragraphs=["本报讯 正文。"])
    pages = extract_pages(typeset([[[Module(story, columns=1)]]]), max_pages=5)
    assert [page.number for page in pages] == [1]
    page = pages[0]
    assert (round(page.width), round(page.height)) == (842, round(PAGE_HEIGHT))
    by_text = {char.text: char for char in page.chars}
    assert by_text["引"].size == 13.0
    assert by_text["主"].size == 20.0
    assert by_text["正"].size == 9.0
    # top-down coordinates: the kicker stands above the headline, the headline above the body
    assert by_text["引"].top < by_text["主"].top < by_text["正"].top
    assert by_text["主"].x1 - by_text["主"].x0 == pytest.approx(20.0)
    assert not any(char.text.isspace() for char in page.chars)


def test_photos_are_kept_as_boxes_and_every_page_is_read() -> None:
    photo = Story(kind="photo", paragraphs=["图为车间。"], credit="■ 本报记者 许金松")
    text = Story(headline="标题", paragraphs=["正文。"])
    pages = extract_pages(typeset([[[Module(photo)]], [[Module(text)]]]), max_pages=5)
    assert [page.number for page in pages] == [1, 2]
    assert len(pages[0].pictures) == 1
    assert pages[1].pictures == ()


def test_pdf_is_recognised_by_its_header() -> None:
    assert is_pdf(b"%PDF-1.7\n")
    assert is_pdf(b"\n\n%PDF-1.4\n")
    assert not is_pdf("本报讯".encode())


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (scan_pdf(), "pdf_no_text_layer", NO_TEXT_LAYER),
        (encrypted_pdf(), "pdf_encrypted", "password"),
        (truncated_pdf(), "pdf_truncated", "truncated"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n", "pdf_malformed", "cannot be read"),
        (b"not a pdf at all", "pdf_malformed", "not a PDF"),
    ],
    ids=["scan", "encrypted", "truncated", "garbage", "not-pdf"],
)
def test_unreadable_pdfs_fail_with_a_readable_reason(data: bytes, code: str, words: str) -> None:
    with pytest.raises(ParseError) as caught:
        extract_pages(data, max_pages=10)
    assert caught.value.code == code
    assert words in caught.value.message


def test_the_page_limit_is_checked_before_any_page_is_laid_out() -> None:
    data = pages_pdf(4)
    assert len(extract_pages(data, max_pages=4)) == 4
    with pytest.raises(ParseError) as caught:
        extract_pages(data, max_pages=3)
    assert caught.value.code == "pdf_too_many_pages"
    assert "BAOKAN_MAX_PDF_PAGES" in caught.value.message


def test_glyphs_without_unicode_are_not_a_text_layer() -> None:
    with pytest.raises(ParseError) as caught:
        check_text_layer([PageChars(1, 600, 800, (), unmapped=120)])
    assert caught.value.code == "pdf_unmapped_text"
    with pytest.raises(ParseError) as caught:
        check_text_layer([PageChars(1, 600, 800, ())])
    assert caught.value.message == NO_TEXT_LAYER
    text = PageChars(2, 600, 800, (Char("字", 0, 0, 9, 9, 9),))
    check_text_layer([PageChars(1, 600, 800, ()), text])  # a picture page among text pages
