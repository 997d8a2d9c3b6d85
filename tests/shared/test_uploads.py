from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from shared.db import session_scope
from shared.models import Issue, Job
from shared.uploads import (
    UploadMeta,
    UploadRejected,
    accept_upload,
    display_filename,
    parse_meta,
    sniff_media_type,
)


def test_text_in_any_supported_encoding_is_text() -> None:
    page = "本报讯（记者 朱海波） 7月1日，市委统战部召开会议。\n"
    for encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
        assert sniff_media_type(page.encode(encoding)) == "text/plain"


def test_a_pdf_is_recognised_by_its_content_and_left_for_the_worker_to_open() -> None:
    # Even a broken PDF is accepted here: the worker fails its job with the reason.
    assert sniff_media_type(b"%PDF-1.7\n%binary") == "application/pdf"
    assert sniff_media_type(b"\r\n%PDF-1.4\n") == "application/pdf"


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        (b"", 400, "empty_file"),
        (bytes(range(256)) * 8, 415, "unsupported_media_type"),
    ],
)
def test_bad_files_are_rejected_with_a_status_and_a_reason(
    data: bytes, status: int, code: str
) -> None:
    with pytest.raises(UploadRejected) as caught:
        sniff_media_type(data)
    assert (caught.value.status, caught.value.code) == (status, code)
    assert caught.value.message


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("聊城日报 第2版.txt", "聊城日报 第2版.txt"),
        ("../../etc/passwd", "passwd"),
        ("C:\\papers\\p2.txt", "p2.txt"),
        ("a<b>c\x00.txt", "a_b_c_.txt"),
        ("", "upload.txt"),
        (None, "upload.txt"),
    ],
)
def test_file_names_are_display_text_only(raw: str | None, shown: str) -> None:
    assert display_filename(raw) == shown


def test_meta_is_validated() -> None:
    assert parse_meta(" 聊城日报 ", "2024-07-12", "2") == UploadMeta(
        "聊城日报", date(2024, 7, 12), "2"
    )
    assert parse_meta(None, "", None) == UploadMeta()
    with pytest.raises(UploadRejected, match="YYYY-MM-DD"):
        parse_meta(None, "12/07/2024", None)


def test_the_same_bytes_twice_keep_one_issue_and_open_two_jobs(
    engine: Engine, reference_page: bytes
) -> None:
    with session_scope(engine) as session:
        first = accept_upload(
            session=session, data=reference_page, filename="p2.txt", meta=UploadMeta("聊城日报")
        )
    with session_scope(engine) as session:
        second = accept_upload(
            session=session, data=reference_page, filename="again.txt", meta=UploadMeta()
        )
    assert first.id != second.id
    assert first.issue_id == second.issue_id
    assert first.duplicate_of is None
    assert second.duplicate_of == first.id
    with session_scope(engine) as session:
        issues = session.exec(select(Issue)).all()
        assert len(issues) == 1
        assert issues[0].content == reference_page
        assert issues[0].newspaper == "聊城日报"
        assert issues[0].size == len(reference_page)
        assert {job.state for job in session.exec(select(Job))} == {"queued"}


def test_batch_fields_name_a_batch_and_the_first_file_s_place() -> None:
    from shared.uploads import BatchRef, parse_batch

    assert parse_batch(None, None) is None
    assert parse_batch("", "") is None
    assert parse_batch("AB" * 16, "3") == BatchRef("ab" * 16, 3)
    assert parse_batch("ab" * 16, None) == BatchRef("ab" * 16, 0)


@pytest.mark.parametrize(
    ("batch", "position"),
    [("xyz", None), ("ab" * 17, None), ("ab" * 16, "-1"), ("ab" * 16, "１"),
     ("ab" * 16, "9" * 30), (None, "2")],
)
def test_bad_batch_fields_are_refused_with_a_reason(
    batch: str | None, position: str | None
) -> None:
    from shared.uploads import parse_batch

    with pytest.raises(UploadRejected) as refused:
        parse_batch(batch, position)
    assert (refused.value.status, refused.value.code) == (400, "invalid_batch")
