"""A frontend-cache backend that records what it is asked to purge, for tests."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend


class RecordingBackend(BaseBackend):
    """Keeps every purged URL and site in class-level lists, which a fixture empties."""

    urls: list[str] = []
    sites: list[str] = []

    def purge(self, url):
        self.urls.append(url)

    def purge_site(self, hostname):
        self.sites.append(hostname)

    @classmethod
    def reset(cls):
        cls.urls.clear()
        cls.sites.clear()

    @classmethod
    def paths(cls):
        """The purged URLs without scheme and host, as a set."""
        return {"/" + url.split("://", 1)[-1].split("/", 1)[-1] for url in cls.urls}
