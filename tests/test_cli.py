"""The ``baokan`` console script, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from shared import cli, compiled_parser
from tests.support.env import FIXTURES, need_compiled_parser

BAOKAN = str(Path(sys.executable).parent / "baokan")
PAGE = FIXTURES / "seed-liaocheng-p2.txt"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BAOKAN, *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_parse_prints_the_articles_of_the_page(reference_gold: dict[str, Any]) -> None:
    result = _run("parse", str(PAGE))
    assert result.returncode == 0, result.stderr
    articles = json.loads(result.stdout)["articles"]
    assert [a["headline"] for a in articles] == [g["headline"] for g in reference_gold["articles"]]
    assert "id" not in articles[0]
    assert articles[0]["paragraphs"] == reference_gold["articles"][0]["paragraphs"]
    assert len(articles[0]["keywords"]) >= 5


def test_parse_prints_each_page_s_furniture(tmp_path: Path) -> None:
    page = tmp_path / "a2.txt"
    page.write_text(
        "A2  综合  聊城日报  2024年7月12日\n\n"
        "本报讯（记者 李政哲）我市新建口袋公园二十处，\n方便群众就近休闲。\n\n"
        "口袋公园方便群众\n\n责任编辑：朱海波\n\f本报讯 第二页的一句话。\n",
        encoding="utf-8",
    )
    result = _run("parse", "--no-keywords", str(page))
    assert result.returncode == 0, result.stderr
    pages = json.loads(result.stdout)["pages"]
    assert [p["number"] for p in pages] == [1, 2]
    assert (pages[0]["paper"], pages[0]["date"], pages[0]["page_label"]) == (
        "聊城日报", "2024年7月12日", "A2",
    )
    assert pages[0]["section"] == "综合"
    assert pages[0]["editors"] == ["朱海波"]
    assert pages[1]["lines"] == []


def test_parse_explain_gives_every_line_a_role() -> None:
    result = _run("parse", "--explain", str(PAGE))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= len(PAGE.read_text(encoding="utf-8").splitlines())


def test_parse_refuses_unreadable_input_in_one_line(tmp_path: Path) -> None:
    missing = _run("parse", str(tmp_path / "missing.txt"))
    assert missing.returncode != 0
    assert len(missing.stderr.strip().splitlines()) == 1
    binary = tmp_path / "noise.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    garbled = _run("parse", str(binary))
    assert garbled.returncode != 0
    assert len(garbled.stderr.strip().splitlines()) == 1
    assert "noise.txt" in garbled.stderr


def test_ingest_writes_the_articles_into_the_configured_database(
    database_url: str, reference_page: bytes
) -> None:
    result = _run("ingest", str(PAGE), env={"BAOKAN_DATABASE_URL": database_url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("8 articles")
    again = _run("ingest", str(PAGE), env={"BAOKAN_DATABASE_URL": database_url})
    assert again.stdout == result.stdout  # the same file twice: the same issue, no new articles


def test_ingest_joins_an_article_continued_from_one_file_to_the_next(
    database_url: str, tmp_path: Path
) -> None:
    from tests.support.continued_pages import page_one, page_two

    (tmp_path / "1.txt").write_bytes(page_one())
    (tmp_path / "2.txt").write_bytes(page_two())
    result = _run(
        "ingest", str(tmp_path / "1.txt"), str(tmp_path / "2.txt"),
        env={"BAOKAN_DATABASE_URL": database_url},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("article ")
    assert lines[-1].endswith(": joined with its continuation in another file")


def test_commands_say_plainly_when_redis_is_not_there() -> None:
    for command in ("up", "worker"):
        # _run's timeout fails the test if the command hangs instead of answering
        result = _run(command, env={"BAOKAN_REDIS_URL": "redis://127.0.0.1:1/0"})
        assert result.returncode != 0
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1
        assert "Redis is not answering at redis://127.0.0.1:1/0" in message
        assert "redis-server" in message


def test_reindex_rebuilds_the_search_index_of_every_article(database_url: str) -> None:
    from shared.db import get_engine, session_scope
    from shared.search.query import search

    env = {"BAOKAN_DATABASE_URL": database_url}
    assert _run("ingest", str(PAGE), env=env).returncode == 0
    result = _run("reindex", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "reindexed 8 articles"
    with session_scope(get_engine(database_url)) as session:
        assert search(session=session, query="源网荷储").total == 1


def test_compile_says_when_the_build_of_these_sources_exists() -> None:
    need_compiled_parser(compiled_parser.build_dir().is_dir())
    result = _run("compile")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"the parser is compiled already: {compiled_parser.build_dir()}"


def test_compile_reports_mypyc_s_error_in_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_build(**_: object) -> Path:
        raise compiled_parser.CompileError("shared/parsing/x.py:1: error: Incompatible types")

    monkeypatch.setattr(compiled_parser, "build_dir", lambda: Path("/nonexistent/build"))
    monkeypatch.setattr(compiled_parser, "build", failing_build)
    result = CliRunner().invoke(cli.main, ["compile"])
    assert result.exit_code == 1
    assert "compiling the parser failed:" in result.output
    assert "Incompatible types" in result.output


def test_compile_builds_again_a_build_that_does_not_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    builds: list[dict[str, object]] = []

    def build(**options: object) -> Path:
        builds.append(options)
        return tmp_path

    monkeypatch.setattr(compiled_parser, "build_dir", lambda: tmp_path)  # it exists
    monkeypatch.setattr(compiled_parser, "build_loads", lambda: False)
    monkeypatch.setattr(compiled_parser, "build", build)
    result = CliRunner().invoke(cli.main, ["compile"])
    assert result.exit_code == 0, result.output
    assert "does not load; building it again" in result.output
    assert builds == [{"again": True}]
