"""Receiving uploaded files from a request, shared by the JSON API and the HTML form."""

from __future__ import annotations

from flask import Request
from sqlalchemy.exc import IntegrityError

from shared.batches import record_batch
from shared.db import session_scope
from shared.jobs import publish_job
from shared.models import utcnow
from shared.uploads import (
    AcceptedUpload,
    UploadRejected,
    accept_upload,
    display_filename,
    parse_batch,
    parse_meta,
)
from web.app import services


def receive_uploads(request: Request) -> list[AcceptedUpload]:
    """Validate every file of the request, store them all in one transaction, then enqueue.

    Either every file is accepted or none is: a bad file rejects the request naming that file.
    """
    files = [f for f in request.files.getlist("file") if f.filename or f.content_length]
    if not files:
        raise UploadRejected(400, "no_file", "send one or more files in form fields named 'file'")
    meta = parse_meta(
        request.form.get("newspaper"), request.form.get("issue_date"), request.form.get("page")
    )
    batch = parse_batch(request.form.get("batch"), request.form.get("batch_position"))
    limit = services().settings.max_upload_bytes
    uploads: list[tuple[str, bytes]] = []
    for storage in files:
        data = storage.read(limit + 1)
        name = display_filename(storage.filename)
        if len(data) > limit:
            raise UploadRejected(413, "file_too_large", f"{name}: larger than {limit} bytes")
        uploads.append((name, data))

    engine = services().engine
    for attempt in range(2):
        try:
            with session_scope(engine) as session:
                jobs = []
                for name, data in uploads:
                    try:
                        # Recorded as published in the same commit, saving a second write
                        # per upload; publish_job clears it again if the broker refuses it.
                        job = accept_upload(
                            session=session,
                            data=data,
                            filename=name,
                            meta=meta,
                            published_at=utcnow(),
                        )
                    except UploadRejected as exc:
                        message = f"{name}: {exc.message}"
                        raise UploadRejected(exc.status, exc.code, message) from exc
                    jobs.append(job)
                # The files of one upload are the pages of one issue: articles continued
                # from one to another are joined once all their jobs have ended.
                record_batch(
                    session,
                    [job.id for job in jobs],
                    batch_id=batch.batch_id if batch else None,
                    first_position=batch.first_position if batch else 0,
                )
            break
        except IntegrityError:
            # The same bytes were stored by a concurrent upload between our look-up and our
            # insert; the second attempt finds them.
            if attempt:
                raise
    for job in jobs:
        publish_job(engine=engine, queue=services().queue, job_id=job.id, recorded=True)
    return jobs
