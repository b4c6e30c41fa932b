"""The cache for drawn page parts: the shared cache, with this process's copies in front.

Every part the templates and the directory keep (`{% cache %}` fragments, result cards;
docs/architecture.md, *Render caching*) is kept under a key that holds what it was drawn
from: the site cache's version, or a fingerprint of the listing's row. A key's drawing
therefore never changes, and a copy this process read once is as good as the shared
cache's, for as long as it keeps it. Reading it from here spares a round trip to Redis and
a transfer of the HTML for each part, several times a page and twenty times a directory
search.

Only text is kept here (what a template draws); anything else goes to the shared cache
alone. Copies are bounded by count and by bytes (`OPTIONS`: `LOCAL_ENTRIES`,
`LOCAL_BYTES`), the oldest read going first. Django's `{% cache %}` tag uses the cache
named `template_fragments` when there is one, so no template names this one.

Use it only for keys that hold their own version: a key whose value can change would be
served stale from a process's copy.
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

from core.site_cache import LocalCopies

_MISSING = object()


class LocalCopiesCache(BaseCache):
    """`OPTIONS["SHARED"]` (default "default"), with this process's copies of its text."""

    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.shared_alias = options.get("SHARED", "default")
        self.local = LocalCopies(
            int(options.get("LOCAL_ENTRIES", 4096)),
            max_bytes=int(options.get("LOCAL_BYTES", 16 * 1024 * 1024)),
        )

    @property
    def shared(self):
        return caches[self.shared_alias]

    def _keep(self, key, value) -> None:
        if isinstance(value, str):
            self.local.put(key, value)

    def get(self, key, default=None, version=None):
        found = self.local.get(key)
        if found is not None:
            return found
        value = self.shared.get(key, _MISSING, version=version)
        if value is _MISSING:
            return default
        self._keep(key, value)
        return value

    def get_many(self, keys, version=None):
        found, missing = {}, []
        for key in keys:
            value = self.local.get(key)
            if value is None:
                missing.append(key)
            else:
                found[key] = value
        if missing:
            fetched = self.shared.get_many(missing, version=version)
            for key, value in fetched.items():
                self._keep(key, value)
            found.update(fetched)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout=timeout, version=version)
        self._keep(key, value)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # django-redis answers None rather than the keys that failed.
        failed = self.shared.set_many(data, timeout=timeout, version=version) or []
        for key, value in data.items():
            if key not in failed:
                self._keep(key, value)
        return failed

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout=timeout, version=version)
        if added:
            self._keep(key, value)
        return added

    def delete(self, key, version=None):
        self.local.discard(key)
        return self.shared.delete(key, version=version)

    def has_key(self, key, version=None):
        return self.local.get(key) is not None or self.shared.has_key(key, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout=timeout, version=version)

    def clear(self):
        self.local.clear()
        self.shared.clear()
