"""Crashes, restarts, duplicate deliveries and hostile input against real processes.

After each scenario every job has ended (succeeded, or failed with a reason), none is lost or
duplicated, no request got a 5xx, and the service is still ready. Each prints its figures on a
``FAULT {...}`` line (run pytest with ``-s`` to see them).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import tempfile
import time
from pathlib import Path

import pytest

from shared.queue import CeleryJobQueue
from shared.settings import Settings
from tests.faults.conftest import Ledger, unique_page
from tests.support.databases import fresh_postgres_database
from tests.support.pdf_typesetter import encrypted_pdf, scan_pdf, truncated_pdf
from tests.support.processes import (
    PostgresServer,
    RedisServer,
    Service,
    children_of,
    service_env,
)

pytestmark = [pytest.mark.faults, pytest.mark.slow]


def test_pool_processes_killed_mid_task(service: Service, reference_page: bytes) -> None:
    service.start_worker(poisoned=True)
    ledger = Ledger(service)
    slow = ledger.upload(unique_page(reference_page, "BAOKAN-TEST-SLOW-3"))[0]
    others = [ledger.upload(unique_page(reference_page))[0] for _ in range(3)]
    ledger.wait_until_state(slow, {"running"})
    killed = children_of(service.pid)
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    report = ledger.verify("sigkill-pool-processes", killed=len(killed))
    assert ledger.job(slow)["attempts"] >= 2
    assert service.worker is not None
    assert service.worker.poll() is None
    assert all(ledger.job(job_id)["state"] == "succeeded" for job_id in others)
    assert report["succeeded"] == 4


def test_whole_worker_killed_and_replaced(service: Service, reference_page: bytes) -> None:
    service.start_worker(poisoned=True)
    ledger = Ledger(service)
    slow = ledger.upload(unique_page(reference_page, "BAOKAN-TEST-SLOW-4"))[0]
    ledger.wait_until_state(slow, {"running"})
    pool = children_of(service.pid)
    for pid in [service.pid, *pool]:
        os.kill(pid, signal.SIGKILL)
    assert service.worker is not None
    service.worker.wait()
    queued_meanwhile = [ledger.upload(unique_page(reference_page))[0] for _ in range(2)]
    killed_at = time.monotonic()
    service.start_worker()
    ledger.settle()
    ledger.verify(
        "kill-whole-worker",
        recovered_after_s=round(time.monotonic() - killed_at, 1),
        lease_s=int(service.env["BAOKAN_JOB_LEASE_SECONDS"]),
    )
    assert ledger.job(slow)["attempts"] == 2
    assert all(ledger.job(j)["state"] == "succeeded" for j in queued_meanwhile)


def test_a_poison_file_among_good_ones(service: Service, reference_page: bytes) -> None:
    service.start_worker(poisoned=True)
    ledger = Ledger(service)
    good = [ledger.upload(unique_page(reference_page))[0] for _ in range(3)]
    poison = ledger.upload(unique_page(reference_page, "BAOKAN-TEST-KILL-WORKER"), poison=True)
    good += [ledger.upload(unique_page(reference_page))[0] for _ in range(3)]
    report = ledger.verify("poison-file")
    job = ledger.job(poison[0])
    assert job["error"]["code"] == "crash_loop"
    assert job["attempts"] == 3
    assert report["succeeded"] == len(good)
    assert service.worker is not None
    assert service.worker.poll() is None


def test_the_same_job_delivered_twice_at_once(service: Service, reference_page: bytes) -> None:
    service.start_worker(poisoned=True, concurrency=2)
    ledger = Ledger(service)
    job_id = ledger.upload(unique_page(reference_page, "BAOKAN-TEST-SLOW-1"))[0]
    CeleryJobQueue(Settings.from_env(service.env)).enqueue(job_id)  # a second delivery
    report = ledger.verify("duplicate-delivery")
    assert report["succeeded"] == 1


def test_redis_killed_with_uploads_queued(
    service: Service, redis_server: RedisServer, reference_page: bytes
) -> None:
    ledger = Ledger(service)
    queued = [ledger.upload(unique_page(reference_page))[0] for _ in range(4)]
    redis_server.kill()  # it kept nothing on disk: the queued messages are gone
    redis_server.start()
    service.start_worker()
    report = ledger.verify("redis-lost-queued-messages")
    assert report["succeeded"] == len(queued)


def test_redis_down_during_uploads(
    service: Service, redis_server: RedisServer, reference_page: bytes
) -> None:
    service.start_worker()
    ledger = Ledger(service)
    redis_server.kill()
    during = [ledger.upload(unique_page(reference_page))[0] for _ in range(4)]
    assert all(ledger.job(j)["state"] == "queued" for j in during)
    time.sleep(2)
    redis_server.start()
    report = ledger.verify("redis-down-during-uploads")
    assert report["succeeded"] == len(during)


@pytest.mark.skipif(PostgresServer.binaries() is None, reason="PostgreSQL server binaries")
def test_postgresql_restarted_mid_processing(
    redis_server: RedisServer, reference_page: bytes, tmp_path: Path
) -> None:
    # Not under tmp_path: the cluster runs as the postgres user, who cannot enter root's
    # private pytest folders.
    postgres = PostgresServer(folder=Path(tempfile.mkdtemp(prefix="baokan-pg-")))
    postgres.init()
    postgres.pg_ctl("start")
    try:
        with fresh_postgres_database(postgres.url) as url:
            from tests.faults.conftest import FAST_RECOVERY

            service = Service(env=service_env(url, redis_server.url, **FAST_RECOVERY),
                              logs=tmp_path)
            try:
                service.start_web()
                service.start_worker(poisoned=True)
                ledger = Ledger(service)
                slow = [
                    ledger.upload(unique_page(reference_page, "BAOKAN-TEST-SLOW-2"))[0]
                    for _ in range(4)
                ]
                ledger.wait_until_state(slow[0], {"running"})
                # Down for longer than the parse takes: the running jobs reach the database
                # while it is gone and must retry with backoff, not fail.
                postgres.pg_ctl("stop")
                time.sleep(4)
                postgres.pg_ctl("start")
                report = ledger.verify("postgresql-restart", down_s=4)
                assert report["succeeded"] == len(slow)
            finally:
                service.stop()
                service.print_logs()
    finally:
        postgres.pg_ctl("stop")
        shutil.rmtree(postgres.folder, ignore_errors=True)


def _raw_request(port: int, head: bytes, body: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head + body)
        answer = sock.recv(4096)
    return int(answer.split(b" ", 2)[1])


def test_oversized_malformed_and_hostile_uploads(service: Service, reference_page: bytes) -> None:
    service.start_worker()
    ledger = Ledger(service)
    port = int(service.env["BAOKAN_WEB_PORT"])
    statuses: dict[str, int] = {}

    limit = Settings.from_env(service.env).max_upload_bytes
    head = (
        b"POST /api/issues HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
        b"boundary=b\r\nContent-Length: " + str(limit * 2).encode() + b"\r\n\r\n"
    )
    statuses["oversized"] = _raw_request(port, head, b"--b\r\n")
    bad = b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"
    head = (
        b"POST /api/issues HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
        b"boundary=b\r\nContent-Length: " + str(len(bad)).encode() + b"\r\n\r\n"
    )
    statuses["truncated-multipart"] = _raw_request(port, head, bad)
    head = (
        b"POST /api/issues HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data\r\n"
        b"Content-Length: 5\r\n\r\n"
    )
    statuses["no-boundary"] = _raw_request(port, head, b"hello")
    hostile = {
        "binary": os.urandom(4096),
        "nul-bytes": b"\x00" * 2048,
        "elf": b"\x7fELF" + os.urandom(1024),
        "zip": b"PK\x03\x04" + os.urandom(1024),
        "one-long-line": "长".encode() * 400_000,
    }
    for name, content in hostile.items():
        ledger_status = 202 if name == "one-long-line" else 415
        if ledger_status == 202:
            ledger.upload(content)
            statuses[name] = 202
        else:
            ledger.upload(content, expect_status=415)
            statuses[name] = 415
    # Accepted as PDFs by their content; each must fail its job with a reason, worker alive.
    for pdf in (encrypted_pdf(), truncated_pdf(), scan_pdf(), b"%PDF-1.7\n" + os.urandom(4096)):
        ledger.upload(pdf, poison=True)
    ledger.upload(unique_page(reference_page))
    assert statuses["oversized"] == 413
    assert statuses["truncated-multipart"] == 400
    assert statuses["no-boundary"] == 400
    ledger.verify("hostile-uploads", **statuses)
    assert service.worker is not None
    assert service.worker.poll() is None
