"""Full-text search over the reference page, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, delete, func, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, col, select

from shared.db import dispose_engines, get_engine, session_scope
from shared.models import Article, Job, SearchDocument
from shared.process import process_job
from shared.search.index import article_ids_to_index, reindex_articles
from shared.search.query import InvalidSearch, SearchPage, parse_query, search
from shared.search.snippet import make_snippet
from shared.search.terms import split_terms
from shared.uploads import UploadMeta, accept_upload
from tests.support.env import POSTGRES_ADMIN_URL

UNITED_FRONT = {"我市构建“五大行动”高效运转工作体系", "我市聚力打造“水城好商量”工作品牌"}
COURSE = "我市两课程入选全国基层干部培训优秀网络课程"
ENERGY = "东昌府区跑出招商引资加速度"
# Searches whose results, in order, must be the same on both databases.
QUERIES = ["统一战线", "孔繁森", "源网荷储", "聊城", "的", "工作 推进", '"孔繁森精神"', "市委"]


def ingest(
    engine: Engine, data: bytes, meta: UploadMeta | None = None, name: str = "p2.txt"
) -> list[int]:
    with session_scope(engine) as session:
        job_id = accept_upload(
            session=session, data=data, filename=name, meta=meta or UploadMeta()
        ).id
    outcome = process_job(engine=engine, job_id=job_id)
    assert outcome.state == "succeeded"
    return outcome.article_ids


def find(engine: Engine, query: str, **options: Any) -> SearchPage:
    with session_scope(engine) as session:
        return search(session=session, query=query, **options)


def headlines(page: SearchPage) -> list[str]:
    return [hit.headline for hit in page.results]


@pytest.fixture
def archive(engine: Engine, reference_page: bytes) -> Engine:
    ingest(engine, reference_page, UploadMeta(newspaper="聊城日报", issue_date=date(2024, 7, 12)))
    return engine


def test_a_word_finds_every_article_that_uses_it(archive: Engine) -> None:
    page = find(archive, "统一战线")
    assert set(headlines(page)) == UNITED_FRONT
    assert page.total == 2


def test_the_article_about_a_person_ranks_first_with_the_name_marked(archive: Engine) -> None:
    page = find(archive, "孔繁森")
    assert headlines(page)[0] == COURSE
    first = page.results[0]
    assert "<mark>孔繁森</mark>" in first.snippet
    assert (first.newspaper, first.issue_date) == ("聊城日报", date(2024, 7, 12))
    assert first.score > 0


def test_newspaper_vocabulary_is_found_as_one_word(archive: Engine) -> None:
    page = find(archive, "源网荷储")
    assert headlines(page) == [ENERGY]
    assert "<mark>源网荷储</mark>" in page.results[0].snippet


def test_a_word_in_no_article_finds_nothing(archive: Engine) -> None:
    for query in ("火星探测器", "quantum", "。，！"):
        page = find(archive, query)
        assert (page.total, page.results) == (0, [])


def test_a_quoted_phrase_must_occur_as_written(archive: Engine) -> None:
    assert headlines(find(archive, '"孔繁森精神"')) == [COURSE]
    assert headlines(find(archive, "“孔繁森 精神”")) == [COURSE]
    assert headlines(find(archive, "精神 孔繁森")) == [COURSE]  # unquoted: both words, any order
    assert find(archive, '"精神孔繁森"').total == 0  # quoted: this order only


def test_every_word_must_occur(archive: Engine) -> None:
    assert headlines(find(archive, "孔繁森 统一战线")) == []
    assert set(headlines(find(archive, "统一战线 市委统战部"))) <= UNITED_FRONT


def test_filters_by_newspaper_and_date(archive: Engine, reference_page: bytes) -> None:
    # The same text under another paper and date: a second issue with its own articles.
    ingest(
        archive,
        reference_page + b"\n",
        UploadMeta(newspaper="大众日报", issue_date=date(2024, 8, 1)),
        name="copy.txt",
    )
    assert find(archive, "孔繁森").total == 2
    assert [hit.newspaper for hit in find(archive, "孔繁森", newspaper="大众日报").results] == [
        "大众日报"
    ]
    july = find(archive, "孔繁森", date_from=date(2024, 7, 1), date_to=date(2024, 7, 31))
    assert [hit.issue_date for hit in july.results] == [date(2024, 7, 12)]
    assert find(archive, "孔繁森", date_from=date(2024, 8, 1)).total == 1
    assert find(archive, "孔繁森", newspaper="人民日报").total == 0


def test_pages_are_slices_of_one_stable_order(archive: Engine) -> None:
    everything = find(archive, "的", limit=100)
    assert everything.total == len(everything.results) >= 5
    scores = [hit.score for hit in everything.results]
    assert scores == sorted(scores, reverse=True)
    paged = [
        hit.article_id
        for offset in range(0, everything.total, 2)
        for hit in find(archive, "的", limit=2, offset=offset).results
    ]
    assert paged == [hit.article_id for hit in everything.results]
    beyond = find(archive, "的", offset=everything.total)
    assert (beyond.total, beyond.results) == (everything.total, [])


def test_bad_requests_are_refused(archive: Engine) -> None:
    for options in ({"limit": 0}, {"limit": 101}, {"offset": -1}):
        with pytest.raises(InvalidSearch):
            find(archive, "孔繁森", **options)
    with pytest.raises(InvalidSearch):
        find(archive, "孔繁森", date_from=date(2024, 8, 1), date_to=date(2024, 7, 1))
    with pytest.raises(InvalidSearch) as raised:
        find(archive, "字" * 201)
    assert raised.value.code == "query_too_long"


def test_the_index_is_written_with_the_articles(archive: Engine) -> None:
    with session_scope(archive) as session:
        articles = session.exec(select(Article)).all()
        documents = session.exec(select(SearchDocument)).all()
    assert sorted(d.article_id or 0 for d in documents) == sorted(a.id or 0 for a in articles)
    assert all(d.term_count == len(d.terms.split(" ")) for d in documents)


def test_a_failed_job_leaves_nothing_in_the_index(engine: Engine) -> None:
    from shared.models import Issue

    with session_scope(engine) as session:
        job = accept_upload(
            session=session, data="本报讯 一段正常的文字。\n".encode(), filename="x.txt",
            meta=UploadMeta(),
        )
        issue = session.get(Issue, job.issue_id)
        assert issue is not None
        issue.content = bytes(range(256)) * 4
        job_id = job.id
    assert process_job(engine=engine, job_id=job_id).state == "failed"
    with session_scope(engine) as session:
        assert session.exec(select(func.count()).select_from(SearchDocument)).one() == 0
        job_row = session.get(Job, job_id)
        assert job_row is not None
    assert find(engine, "文字").total == 0


def test_reindex_rebuilds_the_index_and_the_analysis(archive: Engine) -> None:
    before = {query: find(archive, query).public() for query in QUERIES}
    with session_scope(archive) as session:
        session.exec(delete(SearchDocument))
        course = session.exec(select(Article).where(Article.headline == COURSE)).one()
        course.keywords = []
        course.people = []
        session.add(course)
    assert find(archive, "孔繁森").total == 0
    with session_scope(archive) as session:
        ids = article_ids_to_index(session=session)
        assert reindex_articles(session=session, article_ids=ids, keyword_limit=10) == len(ids)
    assert {query: find(archive, query).public() for query in QUERIES} == before
    with session_scope(archive) as session:
        course = session.exec(select(Article).where(Article.headline == COURSE)).one()
        assert "孔繁森" in course.keywords
        assert "孔繁森" in course.people
    # Reindexing an already indexed archive replaces the documents instead of adding to them.
    with session_scope(archive) as session:
        reindex_articles(
            session=session, article_ids=article_ids_to_index(session=session), keyword_limit=10
        )
    assert {query: find(archive, query).public() for query in QUERIES} == before


def test_every_article_has_keywords_but_no_names_or_numbers(archive: Engine) -> None:
    with session_scope(archive) as session:
        articles = session.exec(select(Article).order_by(col(Article.position))).all()
    assert len(articles) == 8
    for article in articles:
        assert len(article.keywords) >= 5, article.headline
        names = [*article.reporters, *article.correspondents]
        for keyword in article.keywords:
            assert not any(keyword in name or name in keyword for name in names), keyword
            assert not any(char.isdigit() for char in keyword), keyword


def test_snippets_escape_the_text_and_mark_only_the_words() -> None:
    body = "第一段<b>不是标签</b>，孔繁森同志。\n第二段 A&B 孔繁森精神"
    snippet = make_snippet(body, [("孔繁森",)])
    assert snippet.count("<mark>孔繁森</mark>") == 2
    assert "&lt;b&gt;" in snippet
    assert "&amp;" in snippet
    assert "<b>" not in snippet
    phrase = make_snippet("孔繁森，精神。孔繁森同志", [("孔繁森", "精神")])
    assert phrase.startswith("<mark>孔繁森，精神</mark>")
    long_body = "无关的文字。" * 50 + "孔繁森" + "无关的文字。" * 50
    cut = make_snippet(long_body, [("孔繁森",)])
    assert cut.startswith("…")
    assert cut.endswith("…")
    assert "<mark>孔繁森</mark>" in cut
    assert len(cut) < 160


def test_a_query_is_segmented_like_the_articles() -> None:
    assert parse_query("统一战线") == [("统一战线",)]
    assert parse_query('孔繁森 "担当的力量" 孔繁森') == [("孔繁森",), ("担当", "的", "力量")]
    assert parse_query("ABC, 5G！ abc") == [("abc",), ("5g",)]
    assert parse_query("  ") == []
    assert split_terms("17.27万张") == ["17", "27万张"]


# Identical results on both databases: one archive in each, the same searches.


@pytest.fixture
def postgres_url() -> Iterator[str]:
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"baokan_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        pytest.fail(f"PostgreSQL at {POSTGRES_ADMIN_URL} is needed for this test: {exc}")
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(
            hide_password=False
        )
    finally:
        dispose_engines()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_results_are_identical_on_sqlite_and_postgresql(
    tmp_path: Path, postgres_url: str, reference_page: bytes
) -> None:
    engines = [get_engine(f"sqlite:///{tmp_path / 'same.db'}"), get_engine(postgres_url)]
    for engine in engines:
        ingest(engine, reference_page, UploadMeta(newspaper="聊城日报"))

    def answers(engine: Engine) -> list[dict[str, Any]]:
        found = [find(engine, query, limit=100).public() for query in QUERIES]
        found += [find(engine, "的", limit=3, offset=offset).public() for offset in (0, 3, 6)]
        return found

    sqlite_answers, postgres_answers = (answers(engine) for engine in engines)
    assert all(answer["total"] for answer in sqlite_answers)
    assert sqlite_answers == postgres_answers


def test_the_full_text_engine_sees_each_term_as_one_token(archive: Engine) -> None:
    # What makes the engines agree: each stored term is exactly one token of the engine's own
    # tokenizer, unchanged, at its own position.
    with Session(archive) as session:
        documents = session.exec(select(SearchDocument)).all()
    stored = {term for document in documents for term in document.terms.split(" ")}
    with archive.connect() as connection:
        if archive.dialect.name == "sqlite":
            connection.execute(
                text("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_fts, row)")
            )
            indexed = set(connection.execute(text("SELECT term FROM temp.vocab")).scalars())
            tokens = connection.execute(text("SELECT sum(cnt) FROM temp.vocab")).scalar_one()
        else:
            lexemes = "FROM search_documents, unnest(to_tsvector('simple', terms))"
            indexed = set(connection.execute(text(f"SELECT lexeme {lexemes}")).scalars())
            tokens = connection.execute(
                text(f"SELECT sum(cardinality(positions)) {lexemes}")
            ).scalar_one()
    assert indexed == stored
    assert tokens == sum(document.term_count for document in documents)


LATIN_PAGE = (
    "我市5G基站建设提速\n\n本报讯 全市今年新建5G基站1200个，iPhone15用户可用COVID-19健康码。"
    "5G基站覆盖全部乡镇，第1版刊发。\n"
)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("5G", True),
        ("5g", True),
        ('"5G基站"', True),
        ('"基站 5G"', False),
        ("iphone15", True),
        ("COVID-19", True),
        ('"COVID-19健康码"', True),
        ('"19 covid"', False),
        ("1200", True),
        ("120", False),
        ("4G", False),
    ],
)
def test_terms_with_latin_letters_digits_and_punctuation_are_found(
    engine: Engine, query: str, found: bool
) -> None:
    # Both engines see each term (letters and digits split at punctuation, case folded) as
    # one token at its own position: words, phrases and their order match alike.
    ingest(engine, LATIN_PAGE.encode())
    assert find(engine, query).total == int(found)
