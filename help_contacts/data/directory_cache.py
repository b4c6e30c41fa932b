"""What the directory keeps between searches until any listing changes.

The longest home-visit radius among published listings, and each region's video and phone
helpers in the order shown, are asked by every search and only change when a listing
does. They are kept in one `VersionedCache`, and every write to a listing replaces its
version: the model's signals for a save, a delete, a publish or an unpublish
(`help_contacts/data/signals.py`), and `ConsultantQuerySet` itself for writes no signal
sees (`update`, `bulk_create`, `bulk_update`), so a new way of writing cannot forget it.
As with every `VersionedCache`, a value computed from rows that a concurrent write then
changes is kept under a version already replaced, and never read.

That holds across server processes when they share one cache (Redis, as in
`core/site_cache.py`); with the local-memory default a process sees another's change only
after `DIRECTORY_CACHE_TIMEOUT`.
"""

from collections.abc import Callable
from typing import TypeVar

from django.db import transaction

from core.site_cache import VersionedCache

DIRECTORY_CACHE_TIMEOUT = 60 * 60  # a backstop for processes that do not share a cache
T = TypeVar("T")
_directory = VersionedCache("directory:listings", timeout=DIRECTORY_CACHE_TIMEOUT)


def directory_cached(name: str, compute: Callable[[], T]) -> T:
    """`compute()`, or what it gave before since the last change to any listing."""
    return _directory.get(name, compute)


def directory_cache_clear() -> None:
    """Forget what the directory keeps, now and again once the current transaction commits.

    Again at the commit: a search that read the old rows between the first clear and the
    commit may have kept them."""
    _directory.clear()
    transaction.on_commit(_directory.clear)
