"""PostgreSQL's full-text values made from index terms directly, never by its text parser.

A search document's ``lexemes`` column holds its terms as a ``tsvector``: each distinct term
with the positions it occurs at, which is what ``to_tsvector('simple', terms)`` gives for the
term form of :mod:`.terms` (each term one token, at the next position), but made here from the
terms the worker already has. The server then only copies it in (binary input reads lengths;
the text parser and the sort of every word that ``to_tsvector`` ran took a quarter of the
server's work storing a page). Queries name the same terms as ``tsquery`` values
(:func:`tsquery_text`), so both sides hold exactly the terms, and PostgreSQL matches what
SQLite's FTS5 matches over the same terms.
"""

from __future__ import annotations

import itertools
import struct
import sys
from array import array
from collections.abc import Sequence
from typing import Any

from sqlalchemy import LargeBinary
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

# PostgreSQL keeps at most this many positions of one lexeme (to_tsvector drops the later
# ones; MAXNUMPOS - 1 in its source). Positions themselves stay under its 16,383 because a
# document keeps at most terms.MAX_TERMS terms.
MAX_POSITIONS = 255
TSVECTOR_OID = 3614

_COUNT = struct.Struct("!i")
# A lexeme's NUL ending and its number of positions, for every number it can have.
_HEADS = [struct.pack("!xH", count) for count in range(MAX_POSITIONS + 1)]


def _positions(terms: Sequence[str]) -> dict[str, list[int]]:
    """Each distinct term with its positions (from 1), in order of first occurrence."""
    positions: dict[str, list[int]] = {}
    for position, term in enumerate(terms, start=1):
        positions.setdefault(term, []).append(position)
    return positions


def tsvector_binary(terms: Sequence[str]) -> bytes:
    """The ``tsvector`` of ``terms`` in PostgreSQL's binary format (``tsvectorrecv``): the
    number of lexemes, then each lexeme NUL-ended, its number of positions and the positions
    (16 bits each, weight D).

    The lexemes are left in order of first occurrence: the server sorts them, in C, which
    costs it less than sorting them here cost the worker. Every position is packed in one
    go, in the order the lexemes are written, and each lexeme takes its slice.
    """
    positions = _positions(terms)
    packed = array("H", itertools.chain.from_iterable(positions.values()))
    if sys.byteorder == "little":
        packed.byteswap()
    every = packed.tobytes()
    parts = [_COUNT.pack(len(positions))]
    start = 0
    for term, found in positions.items():
        count = len(found)
        kept = count if count < MAX_POSITIONS else MAX_POSITIONS
        parts += (term.encode(), _HEADS[kept], every[start : start + 2 * kept])
        start += 2 * count
    return b"".join(parts)


def _quoted(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_text(terms: Sequence[str]) -> str:
    """The same ``tsvector`` in its text form (``'term':1,5 'other':2``)."""
    return " ".join(
        f"{_quoted(term)}:{','.join(map(str, found[:MAX_POSITIONS]))}"
        for term, found in _positions(terms).items()
    )


def tsquery_text(units: Sequence[Sequence[str]]) -> str:
    """A ``tsquery`` in its text form (lexemes taken as written) matching documents holding
    every unit: a word, or the words of a phrase at consecutive positions."""
    return " & ".join("(" + " <-> ".join(map(_quoted, unit)) + ")" for unit in units if unit)


class BinaryTsvector(bytes):
    """A ``tsvector`` in binary form, which psycopg sends as such (:func:`register_psycopg`)."""


def register_psycopg() -> None:
    """Teach psycopg (every connection made from now on) to send :class:`BinaryTsvector`."""
    import psycopg
    from psycopg.adapt import Dumper
    from psycopg.pq import Format

    class BinaryTsvectorDumper(Dumper):
        format = Format.BINARY
        oid = TSVECTOR_OID

        def dump(self, obj: Any) -> bytes:
            return bytes(obj)

    psycopg.adapters.register_dumper(BinaryTsvector, BinaryTsvectorDumper)


class TermsTsvector(TypeDecorator[str]):
    """A column written with a search document's terms (the space-separated ``terms``
    string) and stored, on PostgreSQL, as their ``tsvector``: sent in binary with psycopg, as
    text with another driver. Elsewhere (SQLite, whose FTS5 table reads ``terms``) it stays
    NULL. It is only written: reading it gives None."""

    impl = LargeBinary
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            # Imported here: a SQLite process need not load the PostgreSQL dialect.
            from sqlalchemy.dialects.postgresql import TSVECTOR

            return dialect.type_descriptor(TSVECTOR())
        return dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        if value is None or dialect.name != "postgresql":
            return None
        terms = value.split(" ") if value else []
        if dialect.driver == "psycopg":
            return BinaryTsvector(tsvector_binary(terms))
        return tsvector_text(terms)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None
