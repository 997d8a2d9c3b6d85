"""Engines and sessions: one engine per process, one session per request or task."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlmodel import Session, SQLModel, create_engine

from shared import models  # noqa: F401  (registers the tables on SQLModel.metadata)

_engines: dict[str, Engine] = {}


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # The web and the worker are separate processes writing one file: WAL lets readers go on
    # while a writer commits, and the busy timeout makes a writer wait instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")  # the default; session_scope relaxes it
    cursor.close()


def make_engine(database_url: str) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            json_serializer=_json_text,
        )
        event.listen(engine, "connect", _tune_sqlite)
        return engine
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in ("", "psycopg2"):
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(url, pool_size=5, max_overflow=5, json_serializer=_json_text)
    event.listen(engine, "connect", _compress_with_lz4)
    _ping_when_idle(engine)
    return engine


def _json_text(value: Any) -> str:
    """JSON columns' text with the Chinese kept as it is: half the bytes of ``\\uXXXX``
    escapes, for the server to check and compress and the disk to keep."""
    return json.dumps(value, ensure_ascii=False)


def _compress_with_lz4(dbapi_connection: Any, _record: Any) -> None:
    """Compress the large values this connection writes (an article's paragraphs, a search
    document's terms, an uploaded file) with LZ4 instead of PostgreSQL's own pglz, where the
    server has it (from version 14, when built with it).

    pglz took a sixth of the server's CPU storing a page (perf); LZ4 compresses several times
    faster, and values already stored with pglz stay readable.
    """
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(
            "SELECT set_config('default_toast_compression', 'lz4', false) FROM pg_settings "
            "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )
    finally:
        cursor.close()
    dbapi_connection.commit()  # a setting made in a transaction rolled back would be undone


# A pooled connection used less than this long ago is handed out as it is; one idle longer is
# pinged first (a round trip) and replaced if the server closed it meanwhile (a restart, an
# idle timeout). SQLAlchemy's pool_pre_ping pinged at every checkout: two round trips a job,
# whose two transactions follow each other within a parse. A server that restarts within the
# second fails the next statement instead, as it would just after any ping: the worker
# retries the job (worker.tasks) and the pool replaces its connections.
PING_AFTER_IDLE_SECONDS = 1.0


def _ping_when_idle(engine: Engine) -> None:
    def used(_dbapi_connection: Any, record: Any) -> None:
        record.info["used_at"] = time.monotonic()

    def check(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get("used_at", 0.0) < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError("the pooled connection was closed") from exc
        record.info["used_at"] = time.monotonic()

    event.listen(engine.pool, "connect", used)
    event.listen(engine.pool, "checkin", used)
    event.listen(engine.pool, "checkout", check)


def get_engine(database_url: str) -> Engine:
    """The process's engine for ``database_url``, created (and the schema with it) on first use."""
    engine = _engines.get(database_url)
    if engine is None:
        engine = make_engine(database_url)
        SQLModel.metadata.create_all(engine)
        _engines[database_url] = engine
    return engine


def dispose_engines(*, after_fork: bool = False) -> None:
    """Close and forget every engine of this process.

    In a forked child (``after_fork``) the pooled connections are the parent's: they are
    dropped without being closed, so the parent's sessions stay intact.
    """
    for engine in _engines.values():
        engine.dispose(close=not after_fork)
    _engines.clear()


# SQLite's sync modes: FULL syncs the write-ahead log at every commit; NORMAL (in WAL mode)
# only at checkpoints, so a commit is durable once a later FULL commit or checkpoint synced the
# log: a power cut may take the last NORMAL commits (never a process crash, never corruption).
_SQLITE_SYNC = {True: "PRAGMA synchronous=FULL", False: "PRAGMA synchronous=NORMAL"}
# PostgreSQL's: the server's own setting (``on`` unless its configuration says otherwise), or
# ``off``: the commit returns before its WAL is flushed, which the WAL writer does within
# three times ``wal_writer_delay`` (0.6 s by default).
_POSTGRES_SYNC = {
    True: "SET synchronous_commit TO DEFAULT",
    False: "SET synchronous_commit TO off",
}
_SYNC = {"sqlite": _SQLITE_SYNC, "postgresql": _POSTGRES_SYNC}


@contextmanager
def session_scope(engine: Engine, *, durable: bool = True) -> Iterator[Session]:
    """A session that commits on success, rolls back on error and always closes.

    ``durable=False`` is for what can be worked out again from what is stored durably (a job's
    progress and the articles parsed from its stored file): its commit does not wait for the
    disk (SQLite's ``synchronous=NORMAL``, PostgreSQL's ``synchronous_commit=off``). Both
    databases keep commits in order, so a power cut can only lose the last such commits,
    together with everything committed after them; a crash of the process loses nothing.
    """
    session = Session(engine, expire_on_commit=False)
    undo: _SyncUndo | None = None
    try:
        undo = _set_sync(session.connection(), durable)
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        if undo is not None:
            undo.after_rollback()
        raise
    finally:
        session.close()


@dataclass(frozen=True)
class _SyncUndo:
    """What a rolled-back transaction's change of mode leaves: PostgreSQL takes back a ``SET``
    with the transaction that ran it, so the connection has its earlier mode again."""

    info: dict[Any, Any]
    before: bool
    transactional: bool

    def after_rollback(self) -> None:
        # (A connection lost meanwhile is a new one, with empty info and the server's mode.)
        if self.transactional and "durable" in self.info:
            self.info["durable"] = self.before


@contextmanager
def single_statements(engine: Engine, *, durable: bool = True) -> Iterator[Connection]:
    """A connection on which each statement is a transaction of its own, committed as it
    ends (the driver's autocommit), for work that is one statement: it needs no BEGIN and
    COMMIT, two round trips on PostgreSQL. ``durable`` as for :func:`session_scope`.
    """
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT")
        # Outside any transaction here, so the mode is set for good, not taken back.
        _set_sync(connection, durable)
        yield connection


def _set_sync(connection: Connection, durable: bool) -> _SyncUndo | None:
    """Give the session's connection the commit mode ``durable`` asks for.

    A pooled connection keeps the mode the last transaction set (a session-level setting, not
    one per transaction): it is set only when it differs, so a worker whose jobs all commit
    the same way sends no statement for it (on PostgreSQL, a round trip a transaction saved).
    Before any other statement of the transaction: SQLite changes the mode only outside one.
    """
    statements = _SYNC.get(connection.dialect.name)
    if statements is None:
        return None
    before = connection.info.get("durable", True)
    if before is durable:
        return None
    connection.exec_driver_sql(statements[durable])
    connection.info["durable"] = durable
    return _SyncUndo(connection.info, before, transactional=statements is _POSTGRES_SYNC)

