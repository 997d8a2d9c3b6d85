"""Full-text search over the archive.

Articles are segmented with jieba once, when they are analysed; the words become *index terms*
(:mod:`.terms`) stored in one ``search_documents`` row per article and indexed by the database's
own full-text engine (:mod:`.schema`: SQLite FTS5, PostgreSQL tsvector with ``simple``).
:mod:`.query` answers searches and :mod:`.snippet` cuts the highlighted passages. This package
imports nothing at its top so that :mod:`shared.models` can use :mod:`.schema` and :mod:`.terms`.
"""
