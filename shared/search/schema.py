"""The full-text index DDL that ``SQLModel.metadata.create_all`` cannot express.

It is attached to the ``search_documents`` table's ``after_create`` event, so it is created with
the schema, in the same transaction, on whichever database the table is created.

- SQLite: an FTS5 table over ``search_documents.terms`` (external content, so the terms are
  stored once) kept in step by triggers: any insert, update or delete of a search document
  updates the full-text index in the same transaction.
- PostgreSQL: a GIN index on ``to_tsvector('simple', terms)``; queries use exactly that
  expression so the planner uses the index.
"""

from __future__ import annotations

from sqlalchemy import DDL, Table, event

SQLITE_FTS_TABLE = "search_fts"
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
    "CREATE INDEX IF NOT EXISTS ix_search_documents_fts ON search_documents "
    "USING gin (to_tsvector('simple', terms))",
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
