"""A per-client limit on uploads, counted in Redis so every web process shares it."""

from __future__ import annotations

import logging
import time

import redis
from flask import request

from shared.settings import RateLimit
from web.app import services
from web.errors import ApiError

log = logging.getLogger(__name__)


class RateLimited(ApiError):
    def __init__(self, retry_after: int, limit: RateLimit) -> None:
        super().__init__(
            429,
            "rate_limited",
            f"more than {limit.count} uploads in {limit.seconds} s from this client; "
            f"try again in {retry_after} s",
        )
        self.retry_after = retry_after


def check_upload_rate() -> None:
    """Count this upload against its client's window; raise :class:`RateLimited` past the limit.

    A fixed window per client address. If Redis does not answer, uploads are let through: the
    limit protects the service, it must not stop it from accepting work.
    """
    limit = services().settings.upload_rate_limit
    if limit is None:
        return
    now = int(time.time())
    window = now // limit.seconds
    key = f"baokan:upload-rate:{request.remote_addr or 'unknown'}:{window}"
    try:
        pipe = services().redis.pipeline()
        pipe.incr(key)
        pipe.expire(key, limit.seconds + 1)
        count = int(pipe.execute()[0])
    except (redis.RedisError, OSError) as exc:
        log.warning("upload rate limit not checked, Redis did not answer: %s", exc)
        return
    if count > limit.count:
        raise RateLimited(retry_after=(window + 1) * limit.seconds - now, limit=limit)
