"""Two page files of one upload with an article continued from the first to the second."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import col, select

from shared.batches import join_batch_of_job, record_batch
from shared.db import session_scope
from shared.jobs import article_ids
from shared.models import Article
from shared.process import process_job
from shared.uploads import UploadMeta, accept_upload

HEADER = "聊城日报  2024年7月12日  星期五  第{page}版  要闻\n\n"
FIRST_PART = (
    "夏粮收购有序开展\n\n"
    "本报讯（记者 王培源）全市夏粮收购工作\n有序开展，各收储企业敞开收购，确保农\n"
    "民种粮收益。截至目前，全市已收购小麦\n十二万吨，收购进度快于去年同期。\n"
    "  据介绍，今年我市小麦品质好于往年，\n收购价格保持稳定，粮食经纪人（下转第{to}版）\n"
)
SECOND_PART = (
    "（上接第{back}版）和种粮大户普遍反映收益\n增加。市粮食和物资储备局有关负责人介\n"
    "绍，今年全市新建烘干设施二十处。\n\n"
)
OTHER_ARTICLE = (
    "口袋公园方便群众\n\n本报讯（记者 李政哲）我市新建口袋公\n园二十处，方便群众就近休闲。\n"
)
JOINED_PARAGRAPH = (
    "据介绍，今年我市小麦品质好于往年，收购价格保持稳定，粮食经纪人和种粮大户普遍反映收益"
    "增加。市粮食和物资储备局有关负责人介绍，今年全市新建烘干设施二十处。"
)


MIDDLE_PART = (
    "（上接第1版）和种粮大户普遍反映收益\n增加。市粮食和物资储备局有关负责人介\n"
    "绍，今年全市新建烘干设施（下转第3版）\n"
)
LAST_PART = "（上接第2版）二十处，仓容\n充足。\n"
CHAIN_PARAGRAPH = (
    "据介绍，今年我市小麦品质好于往年，收购价格保持稳定，粮食经纪人和种粮大户普遍反映收益"
    "增加。市粮食和物资储备局有关负责人介绍，今年全市新建烘干设施二十处，仓容充足。"
)


def page_one(header: bool = True, to: int = 2) -> bytes:
    return ((HEADER.format(page=1) if header else "") + FIRST_PART.format(to=to)).encode()


def page_two(header: bool = True, page: int = 2, back: int = 1) -> bytes:
    text = (HEADER.format(page=page) if header else "") + SECOND_PART.format(back=back)
    return (text + OTHER_ARTICLE).encode()


def middle_page() -> bytes:
    """Page 2 of three: the part continued from page 1, itself continued to page 3."""
    return (HEADER.format(page=2) + MIDDLE_PART).encode()


def last_page() -> bytes:
    return (HEADER.format(page=3) + LAST_PART + "\n" + OTHER_ARTICLE).encode()


def upload(engine: Engine, *files: bytes) -> list[str]:
    """Accept the files as one upload (one batch), as the web and ``baokan ingest`` do."""
    with session_scope(engine) as session:
        jobs = [
            accept_upload(session=session, data=data, filename=f"p{i}.txt", meta=UploadMeta())
            for i, data in enumerate(files, start=1)
        ]
        record_batch(session, [job.id for job in jobs])
        return [job.id for job in jobs]


def run_all(engine: Engine, job_ids: list[str]) -> list[int]:
    """Process every job as the worker does: each then tries to join its batch."""
    joined: list[int] = []
    for job_id in job_ids:
        process_job(engine=engine, job_id=job_id)
        joined += join_batch_of_job(engine=engine, job_id=job_id, keyword_limit=10)
    return joined


def articles_of(engine: Engine, job_id: str) -> list[Article]:
    with session_scope(engine) as session:
        outcome = process_job(engine=engine, job_id=job_id)  # an ended job: its outcome
        ids = article_ids(session, outcome.issue_id)
        return list(
            session.exec(select(Article).where(col(Article.id).in_(ids)).order_by(col(Article.id)))
        )
