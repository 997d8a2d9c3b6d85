"""The full-text index DDL that ``SQLModel.metadata.create_all`` cannot express.

It is attached to the ``search_documents`` table's ``after_create`` event, so it is created with
the schema, in the same transaction, on whichever database the table is created.

- SQLite: an FTS5 table over ``search_documents.terms`` (external content, so the terms are
  stored once) kept in step by triggers: any insert, update or delete of a search document
  updates the full-text index in the same transaction.
- PostgreSQL: a GIN index on the terms as an array of strings (``POSTGRES_TERMS``, compared
  byte for byte: ``COLLATE "C"``), which finds the documents holding every word of a query;
  a phrase's order is then checked on those with ``to_tsvector('simple', terms)``
  (``POSTGRES_TSVECTOR``), as the recheck of a GIN index on that tsvector did. A tsvector
  index cost the server to_tsvector's text parser and sort of every word at each insert (a
  third of its CPU storing a page, perf); the array's index half as much.

:func:`upgrade_search_index` brings a database indexed on the tsvector to this index.
"""

from __future__ import annotations

from sqlalchemy import DDL, Engine, Table, event, text

SQLITE_FTS_TABLE = "search_fts"
POSTGRES_TERMS = """string_to_array(search_documents.terms COLLATE "C", ' ')"""
POSTGRES_TSVECTOR = "to_tsvector('simple', search_documents.terms)"

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
    "CREATE INDEX IF NOT EXISTS ix_search_documents_terms ON search_documents "
    """USING gin (string_to_array(terms COLLATE "C", ' '))""",
)
# The index of databases created before the array's: dropped once that one is built.
_POSTGRES_BEFORE = "ix_search_documents_fts"


def _ddl(statement: str, dialect: str) -> DDL:
    ddl = DDL(statement)  # type: ignore[no-untyped-call]
    return ddl.execute_if(dialect=dialect)


def attach_search_ddl(table: Table) -> None:
    """Create the full-text index whenever ``table`` (``search_documents``) is created."""
    for statement in _SQLITE:
        event.listen(table, "after_create", _ddl(statement, "sqlite"))
    for statement in _POSTGRES:
        event.listen(table, "after_create", _ddl(statement, "postgresql"))


# Held while one process upgrades, so that a web and a worker starting together on an old
# database do not both build the index.
_UPGRADE_LOCK = 7_202_611


def upgrade_search_index(engine: Engine) -> None:
    """On PostgreSQL, index a database created with the tsvector index (before the array's)
    as a new one is, in one transaction: build the array's index, drop the old one.
    One query on a database that has the array's index alone. Idempotent.
    """
    if engine.dialect.name != "postgresql":
        return
    query = text(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
        "AND tablename = 'search_documents'"
    )
    with engine.connect() as connection:
        names = set(connection.execute(query).scalars())
    if "ix_search_documents_terms" in names and _POSTGRES_BEFORE not in names:
        return
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
        for statement in _POSTGRES:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {_POSTGRES_BEFORE}")
