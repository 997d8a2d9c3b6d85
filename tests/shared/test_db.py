"""Sessions: commit or roll back, and how durable each commit is."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine, insert, text
from sqlalchemy.pool import NullPool

from shared import db
from shared.db import session_scope, single_statements
from shared.models import Issue, Job


def _sync_setting(engine: Engine, *, durable: bool) -> str:
    """The commit mode in force inside a session of the given kind."""
    query = (
        "PRAGMA synchronous" if engine.dialect.name == "sqlite" else "SHOW synchronous_commit"
    )
    with session_scope(engine, durable=durable) as session:
        return str(session.connection().exec_driver_sql(query).scalar())


def test_a_session_is_durable_unless_told_otherwise(engine: Engine) -> None:
    full, normal = ("2", "1") if engine.dialect.name == "sqlite" else ("on", "off")
    assert _sync_setting(engine, durable=True) == full
    assert _sync_setting(engine, durable=False) == normal
    # The pooled connection the relaxed session used commits durably again for the next one.
    assert _sync_setting(engine, durable=True) == full
    assert _sync_setting(engine, durable=False) == normal
    assert _sync_setting(engine, durable=False) == normal


def _add_job_then_fail(engine: Engine, issue_id: int) -> None:
    with session_scope(engine, durable=False) as session:
        session.add(Job(id="j1", issue_id=issue_id, filename="p.txt"))
        session.flush()
        raise RuntimeError("stop")


def test_a_relaxed_session_rolled_back_leaves_the_commit_mode_known(engine: Engine) -> None:
    """PostgreSQL takes a SET back with its transaction: the pooled connection's mode must be
    known again, or the next relaxed session would skip setting it and commit durably."""
    full, normal = ("2", "1") if engine.dialect.name == "sqlite" else ("on", "off")
    with pytest.raises(RuntimeError, match="stop"), session_scope(engine, durable=False):
        raise RuntimeError("stop")
    assert _sync_setting(engine, durable=False) == normal
    assert _sync_setting(engine, durable=True) == full
    with pytest.raises(RuntimeError, match="stop"), session_scope(engine, durable=True):
        raise RuntimeError("stop")
    assert _sync_setting(engine, durable=True) == full
    assert _sync_setting(engine, durable=False) == normal


def test_a_relaxed_session_commits_and_rolls_back_like_any(engine: Engine) -> None:
    with session_scope(engine, durable=False) as session:
        issue = Issue(
            filename="p.txt", media_type="text/plain", sha256="a" * 64, size=1, content=b"x"
        )
        session.add(issue)
        session.flush()
        assert issue.id is not None
        issue_id = issue.id
    with pytest.raises(RuntimeError, match="stop"):
        _add_job_then_fail(engine, issue_id)
    with session_scope(engine) as session:
        assert session.get(Issue, issue_id) is not None
        assert session.connection().execute(text("SELECT count(*) FROM jobs")).scalar() == 0


def _backend_pid(engine: Engine) -> int:
    with session_scope(engine) as session:
        return int(session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def test_an_idle_connection_the_server_closed_is_replaced_before_use(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("a SQLite connection is a file; nothing can close it")
    pid = _backend_pid(engine)
    other = create_engine(engine.url, poolclass=NullPool)
    with other.connect() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    other.dispose()
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)  # as if idle for long
    assert _backend_pid(engine) != pid


def test_a_connection_just_used_is_not_pinged(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    pings: list[object] = []
    monkeypatch.setattr(engine.dialect, "do_ping", pings.append)
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 3600.0)
    for _ in range(3):
        with session_scope(engine, durable=False) as session:
            session.connection().exec_driver_sql("SELECT 1")
    assert pings == []


def test_single_statements_commit_each_as_it_ends_in_the_mode_asked(engine: Engine) -> None:
    normal = "1" if engine.dialect.name == "sqlite" else "off"
    query = "PRAGMA synchronous" if engine.dialect.name == "sqlite" else "SHOW synchronous_commit"
    with single_statements(engine, durable=False) as connection:
        assert str(connection.exec_driver_sql(query).scalar()) == normal
        connection.execute(
            insert(Issue).values(
                filename="p.txt", media_type="text/plain", sha256="b" * 64, size=1, content=b"x"
            )
        )
        with session_scope(engine) as other:  # committed already, seen by another connection
            count = other.connection().execute(text("SELECT count(*) FROM issues")).scalar()
            assert count == 1


def _store_reference_page(engine: Engine, page: bytes) -> None:
    from shared.process import process_job
    from shared.uploads import UploadMeta, accept_upload

    with session_scope(engine) as session:
        job_id = accept_upload(session=session, data=page, filename="p.txt", meta=UploadMeta()).id
    assert process_job(engine=engine, job_id=job_id).state == "succeeded"


def test_json_columns_keep_chinese_as_it_is(engine: Engine, reference_page: bytes) -> None:
    _store_reference_page(engine, reference_page)
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT CAST(paragraphs AS TEXT) FROM articles ORDER BY id LIMIT 1")
        ).scalar_one()
    assert "\\u" not in stored
    assert "聊城" in stored or "我市" in stored


def test_postgresql_compresses_large_values_with_lz4(
    engine: Engine, reference_page: bytes
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with engine.connect() as connection:
        methods = connection.exec_driver_sql(
            "SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'"
        ).scalar()
    if not methods or "lz4" not in methods:
        pytest.skip("this PostgreSQL server has no LZ4")
    _store_reference_page(engine, reference_page)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SHOW default_toast_compression").scalar() == "lz4"
        compressed = connection.execute(
            text(
                "SELECT DISTINCT pg_column_compression(terms) FROM search_documents "
                "WHERE pg_column_compression(terms) IS NOT NULL"
            )
        ).scalars()
        assert set(compressed) == {"lz4"}
