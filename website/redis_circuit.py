"""A Redis client that stops waiting on a Redis that is down or hung.

The cache (django-redis, `website/settings/base.py`) ignores Redis errors, so a page whose
cache calls fail is built from the database instead. But a page makes a dozen cache calls,
and against a hung Redis each one waits the whole socket timeout. After a connection error
or a timeout, this client therefore fails every call at once for `REDIS_RETRY_AFTER`
seconds, then lets the next call try Redis again: while Redis is unreachable, one request
every few seconds pays the timeout and the rest pay nothing.

(pybreaker does the same, but holds one process-wide lock for the length of every guarded
call, which would queue every thread's Redis commands behind each other.)
"""

import logging
import time

from redis import Redis
from redis.exceptions import ConnectionError, TimeoutError

from django.conf import settings

logger = logging.getLogger(__name__)


class RedisCircuit:
    """Whether Redis failed recently, for this process: one instance, shared by its threads."""

    def __init__(self):
        self.open_until = 0.0

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, error: Exception) -> None:
        retry_after = settings.REDIS_RETRY_AFTER
        if not self.open_until:
            logger.warning(
                "Redis is unreachable (%s: %s); pages are built from the database, and Redis "
                "is tried again every %s s.",
                type(error).__name__,
                error,
                retry_after,
            )
        self.open_until = time.monotonic() + retry_after

    def close(self) -> None:
        if self.open_until:
            self.open_until = 0.0
            logger.warning("Redis is reachable again.")


circuit = RedisCircuit()


class CircuitBreakerRedis(Redis):
    """redis-py's client, failing fast while `circuit` is open (see the module docstring)."""

    def execute_command(self, *args, **options):
        if circuit.is_open:
            raise ConnectionError("Redis failed moments ago; not waiting on it again yet.")
        try:
            result = super().execute_command(*args, **options)
        except (ConnectionError, TimeoutError) as error:
            circuit.trip(error)
            raise
        circuit.close()
        return result
