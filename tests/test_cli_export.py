"""``baokan export``: the whole archive as JSON Lines (or CSV), to a file or standard output."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.env import FIXTURES

BAOKAN = str(Path(sys.executable).parent / "baokan")
PAGE = FIXTURES / "seed-liaocheng-p2.txt"


def _run(*args: str, database_url: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [BAOKAN, *args], capture_output=True, timeout=120,
        env={**os.environ, "BAOKAN_DATABASE_URL": database_url},
    )


def test_export_writes_every_article_as_json_lines(
    database_url: str, tmp_path: Path, gold_headlines: list[str]
) -> None:
    ingested = _run("ingest", "--newspaper", "聊城日报", "--issue-date", "2024-07-12", str(PAGE),
                    database_url=database_url)
    assert ingested.returncode == 0, ingested.stderr
    other = tmp_path / "other.txt"
    other.write_text("本报讯 另一篇文章的第一段。\n", encoding="utf-8")
    assert _run("ingest", "--newspaper", "大众日报", str(other),
                database_url=database_url).returncode == 0

    to_stdout = _run("export", database_url=database_url)
    assert to_stdout.returncode == 0, to_stdout.stderr
    records = [json.loads(line) for line in to_stdout.stdout.decode("utf-8").splitlines()]
    assert [r["headline"] for r in records[:8]] == gold_headlines
    assert len(records) == 9
    assert records[0]["newspaper"] == "聊城日报"
    assert records[0]["issue_date"] == "2024-07-12"
    assert b"exported 9 articles" in to_stdout.stderr

    target = tmp_path / "archive.jsonl"
    to_file = _run("export", "--output", str(target), database_url=database_url)
    assert to_file.returncode == 0, to_file.stderr
    assert target.read_bytes() == to_stdout.stdout

    only = _run("export", "--newspaper", "大众日报", database_url=database_url)
    assert len(only.stdout.splitlines()) == 1
    dated = _run("export", "--from", "2024-07-01", "--to", "2024-07-31",
                 database_url=database_url)
    assert len(dated.stdout.splitlines()) == 8


def test_export_as_csv_for_spreadsheets(database_url: str, tmp_path: Path) -> None:
    assert _run("ingest", str(PAGE), database_url=database_url).returncode == 0
    target = tmp_path / "archive.csv"
    result = _run("export", "--format", "csv", "-o", str(target), database_url=database_url)
    assert result.returncode == 0, result.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 8
    assert rows[1]["headline"] == "深耕廉洁沃土 构筑清廉矩阵"


def test_export_of_an_empty_archive_writes_nothing_and_a_bad_date_is_one_line(
    database_url: str,
) -> None:
    empty = _run("export", database_url=database_url)
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout == b""
    bad = _run("export", "--from", "July", database_url=database_url)
    assert bad.returncode != 0
    assert b"YYYY-MM-DD" in bad.stderr
