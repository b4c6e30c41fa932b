"""Drawn page parts are read from this process's copies once read: no round trip to the
shared cache for them, within a bound, and only for text."""

import pytest

from django.core.cache import caches

from core.fragment_cache import LocalCopiesCache
from core.site_cache import LocalCopies


@pytest.fixture
def fragments():
    backend = LocalCopiesCache("", {"OPTIONS": {"SHARED": "default", "LOCAL_BYTES": 4096}})
    yield backend
    backend.clear()


def test_a_part_read_once_is_served_without_the_shared_cache(fragments):
    caches["default"].set("part:v1", "<p>drawn</p>")
    assert fragments.get("part:v1") == "<p>drawn</p>"
    caches["default"].delete("part:v1")  # what another process or an eviction might do
    assert fragments.get("part:v1") == "<p>drawn</p>"
    assert fragments.get_many(["part:v1", "absent"]) == {"part:v1": "<p>drawn</p>"}


def test_what_is_set_goes_to_the_shared_cache_for_every_other_process(fragments):
    fragments.set("card:abc", "<li>card</li>", 60)
    fragments.set_many({"card:def": "<li>other</li>"}, 60)
    assert caches["default"].get_many(["card:abc", "card:def"]) == {
        "card:abc": "<li>card</li>",
        "card:def": "<li>other</li>",
    }


def test_only_text_is_copied_into_the_process(fragments):
    fragments.set("rows", ["a", "list"], 60)
    caches["default"].delete("rows")
    assert fragments.get("rows") is None


def test_a_missing_part_is_the_default_and_is_not_copied(fragments):
    assert fragments.get("never-drawn", "default") == "default"
    caches["default"].set("never-drawn", "<p>drawn later</p>")
    assert fragments.get("never-drawn") == "<p>drawn later</p>"


def test_deleting_a_part_drops_this_processs_copy_too(fragments):
    fragments.set("part", "<p>old</p>", 60)
    fragments.delete("part")
    assert fragments.get("part") is None


def test_the_copies_are_bounded_by_bytes_the_oldest_read_going_first():
    copies = LocalCopies(100, max_bytes=300)
    copies.put("a", "x" * 100)
    copies.put("b", "y" * 100)
    copies.get("a")  # read recently, so kept
    copies.put("c", "z" * 100)
    assert (copies.get("a"), copies.get("b"), copies.get("c")) == ("x" * 100, None, "z" * 100)
    copies.put("huge", "h" * 1000)  # larger than the whole bound: never kept
    assert copies.get("huge") is None
    assert copies.get("a") == "x" * 100


def test_the_template_fragments_and_the_directorys_cards_use_it():
    """Django's {% cache %} tag takes the cache named template_fragments when there is one."""
    assert isinstance(caches["template_fragments"], LocalCopiesCache)


def test_a_shared_cache_that_answers_none_from_set_many_is_understood(fragments, monkeypatch):
    """django-redis answers None where Django's own caches list the keys that failed."""
    shared = caches["default"]
    original = shared.set_many

    def set_many(data, timeout=None, version=None):
        original(data, timeout, version=version)

    monkeypatch.setattr(shared, "set_many", set_many)
    assert fragments.set_many({"card:1": "<li>one</li>"}, 60) == []
    shared.delete("card:1")
    assert fragments.get("card:1") == "<li>one</li>"
