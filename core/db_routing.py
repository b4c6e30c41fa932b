"""Read replicas: the public directory's searches read from a replica when one is set up.

`DATABASE_REPLICA_URLS` (see settings) names streaming replicas of the primary; each
becomes a database alias listed in `DATABASE_READ_REPLICAS`. `ReadReplicaRouter` sends a
read to one of them only when all of these hold:

- the code asked for it, inside `replica_reads()` (the directory's search page and its
  JSON API: public, anonymous, read-only, and answered many times for each write);
- the model's app is in `DATABASE_REPLICA_APPS` (the directory's listings, places and
  helplines, never pages, users or settings);
- no transaction is open on the primary (a read inside one must see its own writes);
- the replica answered the last time it was asked: one that cannot be reached is left
  alone for `DATABASE_REPLICA_RETRY_AFTER` seconds and its reads go to the primary, so a
  dead replica slows no search by more than one connect timeout per period.

Everything else (the admin, every write, every page, every form) uses the primary. A
replica may lag its primary by a moment: a search read from it can miss a change made a
moment earlier, which is why no read that follows a write in the same request goes there.
"""

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

_replica_reads = ContextVar("replica_reads", default=False)
_down_until: dict[str, float] = {}  # per process: alias -> monotonic time to try it again


@contextmanager
def replica_reads() -> Iterator[None]:
    """Reads of the replica apps' models inside this block may go to a read replica."""
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def reads_from_replica(view: Callable) -> Callable:
    """A view whose reads of the replica apps' models may go to a read replica."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped


def replica_reachable(alias: str) -> bool:
    """Whether the replica answers; one that did not is skipped for a while."""
    if _down_until.get(alias, 0.0) > time.monotonic():
        return False
    connection = connections[alias]
    try:
        connection.close_if_health_check_failed()  # a replica that died since last time
        connection.ensure_connection()  # nothing to do while connected
    except DatabaseError:
        _down_until[alias] = time.monotonic() + settings.DATABASE_REPLICA_RETRY_AFTER
        return False
    _down_until.pop(alias, None)
    return True


class ReadReplicaRouter:
    """Sends the directory's marked reads to a reachable replica, everything else to the
    primary; migrations run on the primary only (the replicas copy it)."""

    def db_for_read(self, model, **hints):
        replicas = settings.DATABASE_READ_REPLICAS
        if not replicas or not _replica_reads.get():
            return None
        if model._meta.app_label not in settings.DATABASE_REPLICA_APPS:
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return None
        reachable = [alias for alias in replicas if replica_reachable(alias)]
        return random.choice(reachable) if reachable else None

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias holds the same data, so rows read from a replica relate to any row.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db not in settings.DATABASE_READ_REPLICAS
