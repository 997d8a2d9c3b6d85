"""The full-text index DDL that ``SQLModel.metadata.create_all`` cannot express.

It is attached to the ``search_documents`` table's ``after_create`` event, so it is created with
the schema, in the same transaction, on whichever database the table is created.

- SQLite: an FTS5 table over ``search_documents.terms`` (external content, so the terms are
  stored once) kept in step by triggers: any insert, update or delete of a search document
  updates the full-text index in the same transaction.
- PostgreSQL: a GIN index on the ``lexemes`` column, the terms as a ``tsvector`` written with
  them (:mod:`.tsvector`).

:func:`upgrade_search_schema` brings a database created before ``lexemes`` to this form.
"""

from __future__ import annotations

from sqlalchemy import DDL, Connection, Engine, Table, event, text
from sqlalchemy.exc import OperationalError

from shared.search.tsvector import MAX_POSITIONS

SQLITE_FTS_TABLE = "search_fts"
POSTGRES_TSVECTOR = "search_documents.lexemes"

_SQLITE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_FTS_TABLE} USING fts5("
    "terms, content='search_documents', content_rowid='article_id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS search_documents_ai AFTER INSERT ON search_documents BEGIN "
    f"INSERT INTO {SQLITE_FTS_TABLE}(rowid, terms) VALUES (new.article_id, new.terms); END",
    "CREATE TRIGGER IF NOT EXISTS search_documents_ad AFTER DELETE ON search_documents BEGIN "
    f"INSERT INTO {SQLITE_FTS_TABLE}({SQLITE_FTS_TABLE}, rowid, terms) "
    "VALUES ('delete', old.article_id, old.terms); END",
    "CREATE TRIGGER IF NOT EXISTS search_documents_au AFTER UPDATE ON search_documents BEGIN "
    f"INSERT INTO {SQLITE_FTS_TABLE}({SQLITE_FTS_TABLE}, rowid, terms) "
    "VALUES ('delete', old.article_id, old.terms); "
    f"INSERT INTO {SQLITE_FTS_TABLE}(rowid, terms) VALUES (new.article_id, new.terms); END",
)

_POSTGRES = (
    "CREATE INDEX IF NOT EXISTS ix_search_documents_lexemes ON search_documents "
    "USING gin (lexemes)",
)


def _ddl(statement: str, dialect: str) -> DDL:
    ddl = DDL(statement)  # type: ignore[no-untyped-call]
    return ddl.execute_if(dialect=dialect)


def attach_search_ddl(table: Table) -> None:
    """Create the full-text index whenever ``table`` (``search_documents``) is created."""
    for statement in _SQLITE:
        event.listen(table, "after_create", _ddl(statement, "sqlite"))
    for statement in _POSTGRES:
        event.listen(table, "after_create", _ddl(statement, "postgresql"))


# The tsvector of a row's terms made by the server, equal to what shared.search.tsvector
# makes in the worker: each term (quoted, as tsvector text) with its first positions.
_LEXEMES_OF_TERMS = f"""(
    SELECT coalesce(string_agg(
        quote_term || ':' || array_to_string(positions[1:{MAX_POSITIONS}], ','), ' '
    ), '')::tsvector
    FROM (
        SELECT '''' || replace(replace(term, '\\', '\\\\'), '''', '''''') || '''' AS quote_term,
            array_agg(position ORDER BY position) AS positions
        FROM unnest(string_to_array(search_documents.terms, ' ')) WITH ORDINALITY
            AS word(term, position)
        GROUP BY term
    ) AS grouped
)"""

# Held while one process upgrades, so that a web and a worker starting together on an old
# database do not both alter it.
_UPGRADE_LOCK = 7_202_611


def _has_lexemes(connection: Connection) -> bool:
    if connection.dialect.name == "sqlite":
        columns = connection.exec_driver_sql("PRAGMA table_info(search_documents)")
        return any(row[1] == "lexemes" for row in columns)
    return bool(
        connection.execute(
            text(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = 'search_documents' "
                "AND column_name = 'lexemes'"
            )
        ).scalar_one()
    )


def upgrade_search_schema(engine: Engine) -> None:
    """Give a ``search_documents`` table created before the ``lexemes`` column that column;
    on PostgreSQL fill it from the stored terms and index it instead of ``to_tsvector``, all
    in one transaction. One query on a database that has it. Idempotent.
    """
    with engine.connect() as connection:
        if _has_lexemes(connection):
            return
    if engine.dialect.name == "sqlite":
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql("ALTER TABLE search_documents ADD COLUMN lexemes BLOB")
        except OperationalError as exc:  # another process added it meanwhile
            if "duplicate column" not in str(exc):
                raise
        return
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        if _has_lexemes(connection):
            return
        connection.exec_driver_sql("ALTER TABLE search_documents ADD COLUMN lexemes tsvector")
        connection.exec_driver_sql(f"UPDATE search_documents SET lexemes = {_LEXEMES_OF_TERMS}")
        for statement in _POSTGRES:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql("DROP INDEX IF EXISTS ix_search_documents_fts")
