"""The ``baokan`` command line.

``parse`` and ``ingest`` run the pipeline in this process. ``web``, ``worker`` and ``up`` start
the servers as their own programs (gunicorn and Celery) by module name, so this package never
imports the web or worker packages.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

import click
import redis

from shared.db import get_engine, session_scope
from shared.parsing import ParseError, explain_text, parse_bytes
from shared.settings import Settings, SettingsError


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


def _require_redis(settings: Settings) -> None:
    """Say in one sentence how to get a Redis when none answers; never hang."""
    client = redis.Redis.from_url(settings.redis_url, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        raise click.ClickException(
            f"Redis is not answering at {settings.redis_url}: start one with "
            "`redis-server --daemonize yes` (or `docker compose up -d redis`), "
            "or point BAOKAN_REDIS_URL at a running Redis."
        ) from None
    finally:
        client.close()


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror or exc}") from exc


@click.group()
def main() -> None:
    """baokan: newspaper issue files in, clean Chinese articles out."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--explain", is_flag=True, help="Print every input line with its role and rule.")
@click.option("--keywords/--no-keywords", default=True, help="Analyse keywords with jieba.")
def parse(file: str, explain: bool, keywords: bool) -> None:
    """Parse FILE in-process (no database, no broker) and print its articles as JSON."""
    from shared.documents import parse_file
    from shared.models import IssuePage
    from shared.parsing import decode_bytes
    from shared.pdf import PDF_MEDIA_TYPE, is_pdf
    from shared.pdf.explain import explain_pdf
    from shared.process import analysed_articles, page_rows

    data = _read(file)
    pdf = is_pdf(data)
    try:
        if explain and pdf:
            click.echo(explain_pdf(data, _settings().max_pdf_pages))
            return
        if explain:
            click.echo(explain_text(decode_bytes(data)))
            return
        # A PDF is parsed in a child process with the same limits as in the worker.
        document = parse_file(data, PDF_MEDIA_TYPE) if pdf else parse_bytes(data)
    except ParseError as exc:
        raise click.ClickException(f"{file}: {exc.message}") from exc
    limit = _settings().keywords_per_article if keywords else 0
    rows = analysed_articles(document, issue_id=0, keyword_limit=limit)
    articles = []
    for row in rows:
        shown = row.model().public()
        del shown["id"], shown["issue_id"]
        articles.append(shown)
    pages = [IssuePage(**page).public() for page in page_rows(document, issue_id=0)]
    click.echo(json.dumps({"pages": pages, "articles": articles}, ensure_ascii=False, indent=2))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--newspaper", help="The newspaper's name.")
@click.option("--issue-date", help="The issue's date, YYYY-MM-DD.")
@click.option("--page", help="The page label.")
def ingest(
    files: tuple[str, ...], newspaper: str | None, issue_date: str | None, page: str | None
) -> None:
    """Run the whole pipeline on FILES synchronously into the configured database.

    The files are one upload, as through the web: articles continued from one file to another
    are joined.
    """
    from shared.batches import join_batch_of_job, record_batch
    from shared.models import new_job_id
    from shared.process import process_job
    from shared.uploads import UploadRejected, accept_upload, parse_meta

    settings = _settings()
    engine = get_engine(settings.database_url)
    try:
        meta = parse_meta(newspaper, issue_date, page)
    except UploadRejected as exc:
        raise click.ClickException(exc.message) from exc
    failures = 0
    # One batch for the files (as one upload through the web), filled as each is accepted.
    batch_id = new_job_id() if len(files) > 1 else None
    last_job: str | None = None
    with click.progressbar(
        files, label="ingesting", file=sys.stderr, hidden=len(files) < 4
    ) as progress:
        for position, path in enumerate(progress):
            data = _read(path)
            try:
                with session_scope(engine) as session:
                    job = accept_upload(
                        session=session, data=data, filename=Path(path).name, meta=meta
                    )
                    record_batch(session, [job.id], batch_id=batch_id, first_position=position)
            except UploadRejected as exc:
                failures += 1
                click.echo(f"{path}: rejected: {exc.message}")
                continue
            outcome = process_job(
                engine=engine, job_id=job.id, keyword_limit=settings.keywords_per_article
            )
            last_job = job.id
            if outcome.state == "succeeded":
                click.echo(
                    f"{path}: issue {outcome.issue_id}, {len(outcome.article_ids)} articles"
                )
            else:
                failures += 1
                click.echo(f"{path}: failed ({outcome.error_code})")
    if last_job is not None:
        for article_id in join_batch_of_job(
            engine=engine, job_id=last_job, keyword_limit=settings.keywords_per_article
        ):
            click.echo(f"article {article_id}: joined with its continuation in another file")
    if failures:
        raise SystemExit(1)


_REINDEX_BATCH = 200


@main.command(name="compile")
def compile_parser() -> None:
    """Compile the parser with mypyc (about two minutes; nothing to do when it is built).

    The build is used only while the parser's sources are exactly those it was built from
    (shared/compiled_parser.py): after an edit, processes parse from the sources until this
    runs again. `make run` and `make test` run it.
    """
    from shared import compiled_parser

    try:
        target = compiled_parser.build_dir()
    except OSError as exc:
        raise click.ClickException(f"cannot read the parser's sources: {exc}") from exc
    again = False
    if target.is_dir():
        if compiled_parser.build_loads():
            click.echo(f"the parser is compiled already: {target}")
            return
        click.echo(f"the build at {target} does not load; building it again", err=True)
        again = True
    click.echo("compiling the parser with mypyc …", err=True)
    started = time.monotonic()
    try:
        compiled_parser.build(again=again)
    except compiled_parser.CompileError as exc:
        raise click.ClickException(f"compiling the parser failed:\n{exc}") from exc
    except OSError as exc:
        raise click.ClickException(f"cannot write the compiled parser: {exc}") from exc
    click.echo(f"compiled the parser in {time.monotonic() - started:.0f} s: {target}")


@main.command()
def reindex() -> None:
    """Analyse every stored article again and rebuild the search index.

    Run it after changing a user dictionary (BAOKAN_JIEBA_USERDICT): keywords, people, places,
    organisations and search terms are recomputed. Each batch of articles is its own
    transaction, so searches keep working while it runs.
    """
    from shared.search.index import article_ids_to_index, reindex_articles
    from shared.segmenter import load_jieba

    settings = _settings()
    engine = get_engine(settings.database_url)
    load_jieba(settings.jieba_userdicts)
    with session_scope(engine) as session:
        ids = article_ids_to_index(session=session)
    done = 0
    with click.progressbar(length=len(ids), label="reindexing", file=sys.stderr) as progress:
        for start in range(0, len(ids), _REINDEX_BATCH):
            batch = ids[start : start + _REINDEX_BATCH]
            with session_scope(engine) as session:
                done += reindex_articles(
                    session=session, article_ids=batch, keyword_limit=settings.keywords_per_article
                )
            progress.update(len(batch))
    click.echo(f"reindexed {done} articles")


@main.command()
@click.option(
    "--output", "-o", default="-", show_default=True,
    help="File to write (- for standard output).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
    help="JSON Lines (one article per line) or CSV (UTF-8 with a BOM, for Excel).",
)
@click.option("--newspaper", help="Only this newspaper's issues.")
@click.option("--from", "date_from", help="Only issues dated on or after YYYY-MM-DD.")
@click.option("--to", "date_to", help="Only issues dated on or before YYYY-MM-DD.")
def export(
    output: str, fmt: str, newspaper: str | None, date_from: str | None, date_to: str | None
) -> None:
    """Write every stored article (or those of the chosen issues) as JSON Lines or CSV.

    Articles come in issue and page order, read in batches; each record is the article as the
    API answers it plus its issue's newspaper and date. A progress bar goes to standard error.
    """
    from datetime import date

    from shared.browse import IssueFilter
    from shared.export import count_articles, csv_header, csv_rows, export_batches, jsonl_line

    def day(raw: str | None, name: str) -> date | None:
        try:
            return date.fromisoformat(raw) if raw else None
        except ValueError:
            message = f"{raw!r} is not a date as YYYY-MM-DD"
            raise click.BadParameter(message, param_hint=name) from None

    where = IssueFilter(
        newspaper=newspaper, date_from=day(date_from, "--from"), date_to=day(date_to, "--to")
    )
    engine = get_engine(_settings().database_url)
    written = 0
    with (
        click.open_file(output, "wb") as out,
        session_scope(engine) as session,
    ):
        total = count_articles(session=session, where=where)
        if fmt == "csv":
            out.write(csv_header().encode("utf-8"))
        with click.progressbar(
            length=total, label="exporting", file=sys.stderr, hidden=total == 0
        ) as progress:
            for batch in export_batches(session=session, where=where):
                if fmt == "csv":
                    text = csv_rows(batch, header=False)
                else:
                    text = "".join(jsonl_line(record) for record in batch)
                out.write(text.encode("utf-8"))
                written += len(batch)
                progress.update(len(batch))
    click.echo(f"exported {written} articles", err=True)


def web_command(settings: Settings, host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "gunicorn", "web.wsgi:app",
        "--bind", f"{host}:{port}", "--workers", str(workers),
        # Threads let a worker process take the next upload while one waits on the database
        # or Redis; the app keeps no per-thread state beyond its request.
        "--worker-class", "gthread", "--threads", "4",
        "--access-logfile", "-", "--graceful-timeout", "10",
    ]


def worker_command(settings: Settings, concurrency: int) -> list[str]:
    # -OO: a worker never reads a docstring, and those of the modules it imports (Celery,
    # redis-py's command reference, SQLAlchemy) take about 7 MiB in each of its three
    # processes. Their bytecode is compiled at install time (Makefile, Dockerfile); where it is
    # missing, Python compiles the sources as usual and the saving is smaller.
    # `python -m worker` rather than `celery -A worker.celery_app worker`: Celery's umbrella
    # command imports all its subcommands (about 8 MiB in each process; worker/__main__.py).
    return [
        sys.executable, "-OO", "-m", "worker",
        "--queues", settings.queue_name, "--concurrency", str(concurrency),
        "--loglevel", "INFO", "--without-gossip", "--without-mingle",
    ]


@main.command()
@click.option("--host", default=None, help="Address to listen on (BAOKAN_WEB_HOST).")
@click.option("--port", type=int, default=None, help="Port to listen on (BAOKAN_WEB_PORT).")
@click.option("--workers", type=int, default=None, help="gunicorn worker processes.")
def web(host: str | None, port: int | None, workers: int | None) -> None:
    """Serve the web front end and API with gunicorn."""
    settings = _settings()
    get_engine(settings.database_url)
    command = web_command(
        settings, host or settings.web_host, port or settings.web_port,
        workers or settings.web_workers,
    )
    os.execv(command[0], command)


@main.command()
@click.option("--concurrency", type=int, default=None, help="Worker processes.")
def worker(concurrency: int | None) -> None:
    """Run a Celery worker that processes queued jobs."""
    settings = _settings()
    _require_redis(settings)
    command = worker_command(settings, concurrency or settings.worker_concurrency)
    os.execv(command[0], command)


@main.command()
@click.option("--host", default=None, help="Address to listen on (BAOKAN_WEB_HOST).")
@click.option("--port", type=int, default=None, help="Port to listen on (BAOKAN_WEB_PORT).")
@click.option("--concurrency", type=int, default=None, help="Worker processes.")
def up(host: str | None, port: int | None, concurrency: int | None) -> None:
    """Run the web front end and a worker together on this machine until interrupted."""
    settings = _settings()
    _require_redis(settings)
    get_engine(settings.database_url)
    host = host or settings.web_host
    port = port or settings.web_port
    children = [
        subprocess.Popen(worker_command(settings, concurrency or settings.worker_concurrency)),
        subprocess.Popen(web_command(settings, host, port, settings.web_workers)),
    ]
    click.echo(f"baokan is up: open http://{host}:{port}/ (Ctrl-C stops it)", err=True)

    def _stop(signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    exit_code = 0
    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        exit_code = 1
        click.echo("baokan: a process stopped on its own; stopping the others", err=True)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
    raise SystemExit(exit_code)


if __name__ == "__main__":  # python -m shared.cli, as the baokan command
    main()
