"""Real processes for the end-to-end and fault suites: Redis, PostgreSQL, web and worker.

Everything listens on 127.0.0.1 only, on free ports, and is stopped by the fixtures that start it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.http import multipart, request_json

BIN = Path(sys.executable).parent
BAOKAN = str(BIN / "baokan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(what: str, ready: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with suppress(OSError):
            if ready():
                return
        time.sleep(0.1)
    raise TimeoutError(f"{what} not ready after {timeout} s")


def stop(process: subprocess.Popen[bytes] | None, sig: int = signal.SIGTERM) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def children_of(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(line) for line in found.stdout.split()]


@dataclass
class RedisServer:
    """A private redis-server that a test may kill and start again."""

    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for("redis", self._answers)

    def _answers(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    def kill(self) -> None:
        stop(self.process, signal.SIGKILL)


@dataclass
class PostgresServer:
    """A private PostgreSQL cluster that a test may restart."""

    folder: Path
    port: int = field(default_factory=free_port)

    @staticmethod
    def binaries() -> Path | None:
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        return versions[-1].parent if versions else None

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        binaries = self.binaries()
        assert binaries is not None
        self.data = self.folder / "pgdata"
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            self.folder.chmod(0o700)
        self._run(
            str(binaries / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
        )

    def pg_ctl(self, action: str) -> None:
        binaries = self.binaries()
        assert binaries is not None
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-m",
            "fast",
            "-l",
            str(self.folder / "log"),
            action,
        )


def _ready_lines(log: Path) -> int:
    """How many times a worker writing to ``log`` has said it is ready."""
    try:
        return log.read_bytes().count(b" ready.")
    except FileNotFoundError:
        return 0


@dataclass
class Service:
    """A gunicorn web server and a Celery worker (or a test's stand-in for one)."""

    env: dict[str, str]
    logs: Path
    web: subprocess.Popen[bytes] | None = None
    worker: subprocess.Popen[bytes] | None = None
    statuses: list[int] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.env['BAOKAN_WEB_PORT']}"

    def start_web(self) -> None:
        with (self.logs / "web.log").open("ab") as out:
            self.web = subprocess.Popen(
                [BAOKAN, "web", "--workers", "2"], env=self.env, stdout=out, stderr=out
            )
        wait_for("web", lambda: request_json("GET", f"{self.base}/healthz")[0] == 200)

    def start_worker(self, *, poisoned: bool = False, concurrency: int = 2) -> None:
        command = (
            [sys.executable, "-m", "tests.support.poisoned_worker", str(concurrency)]
            if poisoned
            else [BAOKAN, "worker", "--concurrency", str(concurrency)]
        )
        log = self.logs / "worker.log"
        readies = _ready_lines(log)
        with log.open("ab") as out:
            self.worker = subprocess.Popen(
                command,
                env=self.env,
                stdout=out,
                stderr=out,
                cwd=Path(__file__).resolve().parents[2],
            )
        wait_for("worker pool", lambda: len(children_of(self.pid)) >= concurrency)
        # Celery's "ready." line: the consumer is up and the parent has done what it does once
        # its pool runs (worker/celery_app.py), so what is measured now is the worker at rest.
        wait_for("worker", lambda: _ready_lines(log) > readies)

    @property
    def pid(self) -> int:
        assert self.worker is not None
        return self.worker.pid

    def call(
        self, method: str, path: str, body: bytes | None = None, content_type: str | None = None
    ) -> Any:
        status, answer = request_json(method, self.base + path, body, content_type)
        self.statuses.append(status)
        return status, answer

    def upload(self, content: bytes, name: str, **fields: str) -> dict[str, Any]:
        """Upload one file and wait for its job to end; the job's status."""
        body, content_type = multipart(fields, [(name, content)])
        status, answer = self.call("POST", "/api/issues", body, content_type)
        assert status == 202, answer
        return self.wait(answer["jobs"][0]["status_url"])

    def wait(self, status_url: str, timeout: float = 120) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            status, job = self.call("GET", status_url)
            assert status == 200, job
            if job["state"] in ("succeeded", "failed"):
                result: dict[str, Any] = job
                return result
            if time.monotonic() > deadline:
                raise TimeoutError(f"job still {job['state']} after {timeout} s")
            time.sleep(0.2)

    def stop(self) -> None:
        stop(self.web)
        stop(self.worker)

    def print_logs(self) -> None:
        for name in ("worker.log", "web.log"):
            path = self.logs / name
            if path.exists():
                print(f"--- {name} (tail)\n{path.read_text(errors='replace')[-3000:]}")


def service_env(database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        BAOKAN_DATABASE_URL=database_url,
        BAOKAN_REDIS_URL=redis_url,
        BAOKAN_QUEUE=f"baokan-fault-{os.getpid()}-{free_port()}",
        BAOKAN_WEB_PORT=str(free_port()),
        BAOKAN_UPLOAD_RATE_LIMIT="off",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    env.update(extra)
    return env


@contextmanager
def started_service(env: dict[str, str], logs: Path, *, concurrency: int = 1) -> Iterator[Service]:
    """A web server and a worker on ``env``, stopped (and their logs printed) afterwards."""
    service = Service(env=env, logs=logs)
    try:
        service.start_web()
        service.start_worker(concurrency=concurrency)
        yield service
    finally:
        service.stop()
        service.print_logs()
