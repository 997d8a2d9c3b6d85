"""Articles continued from one file to another of the same upload, joined into one.

A person uploading an issue page by page sends one file per page; an article that ends on
page 1 with ``（下转第2版）`` goes on in the file of page 2, opening with ``（上接第1版）``.
Each file is parsed by its own job, so the parser (which joins the parts of one file,
:mod:`shared.parsing.continuations`) never sees both. The files of one upload are recorded as
a batch (:func:`record_batch`), whether they come in one request or, as the upload page sends
them, one request each; whenever a job ends and no other job of its batch is left,
:func:`join_batch_of_job` joins the parts across its files: the first part takes in the second's
paragraphs and names, is analysed again (keywords, entities, search index), and the second
part's row goes, so the issue of the second file no longer lists it. A file that arrives after
the others have ended is joined when its own job ends; an article set over three files whose
first two were joined before the third arrived goes on where its second part went on
(``batch_chain_ends``), so the third part still finds it.

Which part goes with which: a part that ends its file's last page with ``下转第N版`` takes
the first part continued (``上接``) at the top of a later file whose page is N and whose marker
names the first part's page. A file's page number is read from its running header (``第2版``,
``A2``) or from the page the uploader gave; when some file has neither, the files count in
upload order, and a marker that names no readable page takes the next file's part.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, update
from sqlmodel import Session, col, select

from shared.db import session_scope
from shared.models import (
    Article,
    BatchChainEnd,
    BatchJob,
    BatchJoin,
    Issue,
    IssuePage,
    Job,
    UploadBatch,
    utcnow,
)
from shared.parsing import ParsedArticle
from shared.parsing.continuations import marker_page, merge_parts
from shared.search.index import reindex_articles

log = logging.getLogger(__name__)

_ENDED = ("succeeded", "failed")


def record_batch(
    session: Session,
    job_ids: Sequence[str],
    *,
    batch_id: str | None = None,
    first_position: int = 0,
) -> str | None:
    """Record the jobs of an upload's files, in upload order, in a batch; the batch's id.

    ``batch_id`` names a batch the upload page opened for files it sends one request each
    (created here if new; ``first_position`` is the place of the first of ``job_ids`` in it).
    Without one, a single file makes no batch (None): there is nothing to join across.
    """
    if batch_id is None:
        if len(job_ids) < 2:
            return None
        batch = UploadBatch()
        session.add(batch)
        session.flush()
        batch_id = batch.id
    elif session.get(UploadBatch, batch_id) is None:
        session.add(UploadBatch(id=batch_id))
        session.flush()
    for offset, job_id in enumerate(job_ids):
        session.add(BatchJob(job_id=job_id, batch_id=batch_id, position=first_position + offset))
    return batch_id


@dataclass(frozen=True)
class FilePages:
    """One file of a batch: its issue, its place in page order and its pages' numbers."""

    issue_id: int
    first_page: int  # the page number of the file's first page
    page_count: int

    def page_of(self, article: Article) -> int:
        return self.first_page + article.page - 1


@dataclass(frozen=True)
class Part:
    """An article at the edge of its file that is continued to or from another file."""

    article: Article
    file_index: int
    page: int  # its page number, as ``FilePages.page_of`` gives it
    opens_file: bool  # on the file's first page, continued from elsewhere
    ends_file: bool  # on the file's last page, continued elsewhere
    # Where it is continued: the article's own jump, or for an article that took in parts of
    # later files, the jump of the last of them (then ``file_index`` and ``page`` are that
    # part's too).
    continued_to: str


def pair_parts(parts: Sequence[Part], *, pages_printed: bool) -> list[tuple[Part, Part]]:
    """(first part, second part) pairs across files, in page order of the first parts."""
    pairs: list[tuple[Part, Part]] = []
    taken: set[int] = set()
    for first in parts:
        if not (first.ends_file and first.continued_to):
            continue
        target = marker_page(first.continued_to)
        later = [
            part
            for part in parts
            if part.opens_file
            and part.article.continued_from
            and part.file_index > first.file_index
            and id(part) not in taken
        ]
        exact = [
            part
            for part in later
            if part.page == target
            and marker_page(part.article.continued_from) in (None, first.page)
        ]
        if exact:
            chosen: Part | None = exact[0]
        elif target is None or not pages_printed:
            # No page to check against: the nearest later part, as within one file.
            chosen = later[0] if later else None
        else:
            chosen = None  # the page it names is not in this upload
        if chosen is not None:
            taken.add(id(chosen))
            pairs.append((first, chosen))
    return pairs


def _printed_page(first_page_label: str, uploader_page: str | None) -> int | None:
    for label in (first_page_label, uploader_page or ""):
        number = marker_page(label) if label else None
        if number is not None:
            return number
    return None


def _files(session: Session, issue_ids: list[int]) -> tuple[list[FilePages], bool]:
    """The batch's files in page order, and whether their pages were numbered as printed.

    Two small queries: the uploader's page labels (not the stored files) and the page rows.
    """
    uploader_pages = dict(
        session.exec(select(Issue.id, Issue.page).where(col(Issue.id).in_(issue_ids))).all()
    )
    counts: dict[int, int] = {}
    first_labels: dict[int, str] = {}
    for issue_id, number, label in session.exec(
        select(IssuePage.issue_id, IssuePage.number, IssuePage.page_label).where(
            col(IssuePage.issue_id).in_(issue_ids)
        )
    ):
        counts[issue_id] = counts.get(issue_id, 0) + 1
        if number == 1:
            first_labels[issue_id] = label
    printed = {
        i: _printed_page(first_labels.get(i, ""), uploader_pages.get(i)) for i in issue_ids
    }
    numbers = [printed[i] for i in issue_ids]
    if None not in numbers and len(set(numbers)) == len(numbers):
        ordered = sorted(issue_ids, key=lambda i: printed[i] or 0)
        return [FilePages(i, printed[i] or 0, counts.get(i, 1)) for i in ordered], True
    files: list[FilePages] = []
    next_page = 1
    for issue_id in issue_ids:  # upload order, pages counted on from one file to the next
        files.append(FilePages(issue_id, next_page, counts.get(issue_id, 1)))
        next_page += counts.get(issue_id, 1)
    return files, False


def _stored_id(article: Article) -> int:
    if article.id is None:
        raise ValueError("an article read from the database has an id")
    return article.id


def _parsed(article: Article) -> ParsedArticle:
    return ParsedArticle(
        kind="photo" if article.kind == "photo" else "article",
        headline=article.headline,
        kicker=article.kicker,
        subtitle=article.subtitle,
        dateline=article.dateline,
        reporters=list(article.reporters),
        correspondents=list(article.correspondents),
        paragraphs=list(article.paragraphs),
        page=article.page,
        continued_to=article.continued_to,
        continued_from=article.continued_from,
    )


def join_batch(session: Session, batch_id: str, *, keyword_limit: int) -> list[int]:
    """Join the parts continued across the batch's files; the ids of the joined articles."""
    issue_ids: list[int] = []
    for issue_id in session.exec(
        select(Job.issue_id)
        .join(BatchJob, col(BatchJob.job_id) == col(Job.id))
        .where(BatchJob.batch_id == batch_id, Job.state == "succeeded")
        .order_by(col(BatchJob.position))
    ):
        if issue_id not in issue_ids:  # the same bytes uploaded twice are one file
            issue_ids.append(issue_id)
    if len(issue_ids) < 2:
        return []
    files, pages_printed = _files(session, issue_ids)
    continued = session.exec(
        select(Article)
        .where(
            col(Article.issue_id).in_(issue_ids),
            (col(Article.continued_to) != "") | (col(Article.continued_from) != ""),
        )
        .order_by(col(Article.position))
    ).all()
    ids = [_stored_id(article) for article in continued]
    took_in = set(
        session.exec(
            select(BatchJoin.first_article_id).where(col(BatchJoin.first_article_id).in_(ids))
        )
    )
    ends: dict[int, ChainEnd] = {
        article_id: ChainEnd(issue_id, page, continued_to)
        for article_id, issue_id, page, continued_to in session.exec(
            select(
                BatchChainEnd.article_id,
                BatchChainEnd.issue_id,
                BatchChainEnd.page,
                BatchChainEnd.continued_to,
            ).where(col(BatchChainEnd.article_id).in_(ids))
        )
    }
    parts = _parts(continued, files, took_in=took_in, ends=ends)
    absorbed_by: dict[int, Article] = {}  # a second part's row → the row that took it in
    joined: dict[int, Article] = {}
    for first, second in pair_parts(parts, pages_printed=pages_printed):
        target = absorbed_by.get(id(first.article), first.article)
        merged = merge_parts(_parsed(target), _parsed(second.article))
        target.paragraphs = merged.paragraphs
        target.reporters = merged.reporters
        target.correspondents = merged.correspondents
        absorbed_by[id(second.article)] = target
        joined[id(target)] = target
        # The article now goes on wherever the part it took in went on.
        end = ends.pop(_stored_id(second.article), None)
        if end is None and second.article.id not in took_in:
            end = _own_end(second.article, files[second.file_index])
        if end is None:
            ends.pop(_stored_id(target), None)
        else:
            ends[_stored_id(target)] = end
        session.add(
            BatchJoin(
                first_article_id=_stored_id(target),
                second_article_id=_stored_id(second.article),
                batch_id=batch_id,
            )
        )
        session.delete(second.article)
        log.info(
            "batch %s: article %s continued in article %s of issue %s; joined",
            batch_id, target.id, second.article.id, second.article.issue_id,
        )
    session.flush()
    joined_ids = [_stored_id(article) for article in joined.values()]
    _store_chain_ends(session, joined_ids, ends)
    reindex_articles(session=session, article_ids=joined_ids, keyword_limit=keyword_limit)
    return joined_ids


@dataclass(frozen=True)
class ChainEnd:
    """Where an article that took in parts of other files goes on (see ``BatchChainEnd``)."""

    issue_id: int
    page: int  # in its file
    continued_to: str


def _own_end(article: Article, file: FilePages) -> ChainEnd | None:
    """The article's own jump to another file, when it ends its file with one."""
    if article.continued_to and article.page == file.page_count:
        return ChainEnd(article.issue_id, article.page, article.continued_to)
    return None


def _parts(
    continued: Sequence[Article],
    files: Sequence[FilePages],
    *,
    took_in: set[int],
    ends: dict[int, ChainEnd],
) -> list[Part]:
    """The parts of the batch's continued articles, in file and page order.

    An article that took in a part of another file was joined at its own jump already: its
    end is where the last part it took in went on (``ends``), in that part's file, if that
    file is still in the batch.
    """
    index_of = {file.issue_id: index for index, file in enumerate(files)}
    parts: list[Part] = []
    for article in continued:
        index = index_of[article.issue_id]
        file = files[index]
        parts.append(
            Part(
                article=article,
                file_index=index,
                page=file.page_of(article),
                opens_file=article.page == 1,
                ends_file=article.page == file.page_count and article.id not in took_in,
                continued_to=article.continued_to,
            )
        )
        end = ends.get(_stored_id(article))
        if end is not None and end.issue_id in index_of:
            end_index = index_of[end.issue_id]
            end_file = files[end_index]
            parts.append(
                Part(
                    article=article,
                    file_index=end_index,
                    page=end_file.first_page + end.page - 1,
                    opens_file=False,
                    ends_file=end.page == end_file.page_count,
                    continued_to=end.continued_to,
                )
            )
    return sorted(parts, key=lambda part: (part.file_index, part.article.position))


def _store_chain_ends(session: Session, article_ids: list[int], ends: dict[int, ChainEnd]) -> None:
    """Record where each of the joined articles now goes on (nothing when it ends)."""
    session.exec(
        delete(BatchChainEnd).where(col(BatchChainEnd.article_id).in_(article_ids))
    )
    rows = [
        {"article_id": article_id, "issue_id": end.issue_id, "page": end.page,
         "continued_to": end.continued_to}
        for article_id in article_ids
        if (end := ends.get(article_id)) is not None
    ]
    if rows:
        session.exec(insert(BatchChainEnd), params=rows)


def _lock_when_ended(session: Session, batch_id: str) -> bool:
    """Take the batch's row and say whether every job of it has ended.

    The UPDATE is the transaction's first statement: on PostgreSQL it takes the batch's row
    lock, on SQLite the database's write lock, so two jobs ending at once join one after the
    other, and the second finds the parts the first joined gone.
    """
    locked = session.exec(
        update(UploadBatch)
        .where(col(UploadBatch.id) == batch_id)
        .values(joined_at=utcnow())
        .returning(col(UploadBatch.id))
    ).first()
    if locked is None:
        return False
    states = session.exec(
        select(Job.state)
        .join(BatchJob, col(BatchJob.job_id) == col(Job.id))
        .where(BatchJob.batch_id == batch_id)
    ).all()
    return all(state in _ENDED for state in states)


def batch_of_job(session: Session, job_id: str) -> str | None:
    """The upload batch the job's file belongs to, if any."""
    return session.exec(select(BatchJob.batch_id).where(BatchJob.job_id == job_id)).first()


def join_batch_of_job(*, engine: Engine, job_id: str, keyword_limit: int) -> list[int]:
    """After a job ended: join the continued parts of its batch if no job of it is left; the
    ids of the articles that took in a part."""
    with session_scope(engine) as session:
        batch_id = batch_of_job(session, job_id)
    if batch_id is None:
        return []
    return join_ended_batch(engine=engine, batch_id=batch_id, keyword_limit=keyword_limit)


def join_ended_batch(*, engine: Engine, batch_id: str, keyword_limit: int) -> list[int]:
    """Join the batch's continued parts if no job of it is left (else nothing)."""
    with session_scope(engine) as session:
        if not _lock_when_ended(session, batch_id):
            return []
        return join_batch(session, batch_id, keyword_limit=keyword_limit)


def join_pending_batches(*, engine: Engine, keyword_limit: int, limit: int = 20) -> int:
    """Join the batches whose jobs have all ended, one of them since the batch was last
    joined (its worker stopped in between); how many were joined. The worker's sweeper
    calls this."""
    unfinished = (
        select(BatchJob.job_id)
        .join(Job, col(BatchJob.job_id) == col(Job.id))
        .where(BatchJob.batch_id == UploadBatch.id, col(Job.state).not_in(_ENDED))
    )
    ended_since = (
        select(BatchJob.job_id)
        .join(Job, col(BatchJob.job_id) == col(Job.id))
        .where(
            BatchJob.batch_id == UploadBatch.id,
            col(UploadBatch.joined_at).is_(None) | (col(Job.finished_at) > UploadBatch.joined_at),
        )
    )
    with session_scope(engine) as session:
        pending = session.exec(
            select(UploadBatch.id)
            .where(~unfinished.exists(), ended_since.exists())
            .order_by(col(UploadBatch.created_at))
            .limit(limit)
        ).all()
    joined = 0
    for batch_id in pending:
        try:
            with session_scope(engine) as session:
                if _lock_when_ended(session, batch_id):
                    join_batch(session, batch_id, keyword_limit=keyword_limit)
                    joined += 1
        except Exception:  # one batch that cannot be joined must not hold up the others
            log.exception("batch %s: joining its continued articles failed", batch_id)
    return joined
