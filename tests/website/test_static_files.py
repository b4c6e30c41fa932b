"""WhiteNoise reads the static files once per process: Wagtail builds the middleware again
for every preview an editor opens, and reading them each time was a third of its cost."""

from whitenoise import base

from website.static_files import WhiteNoiseMiddleware


def test_the_second_middleware_serves_the_same_files_without_reading_the_disk(
    tmp_path, settings, monkeypatch
):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body { color: black }")
    settings.STATIC_ROOT = str(tmp_path)
    settings.STATIC_URL = "/static/"
    settings.WHITENOISE_AUTOREFRESH = False
    reads = []
    original = base.scantree
    monkeypatch.setattr(base, "scantree", lambda root: reads.append(root) or original(root))

    first = WhiteNoiseMiddleware(lambda request: None, settings=settings)
    read_by_the_first = list(reads)
    second = WhiteNoiseMiddleware(lambda request: None, settings=settings)

    assert read_by_the_first and reads == read_by_the_first  # the second read nothing
    assert "/static/css/site.css" in first.files
    assert second.files["/static/css/site.css"] is first.files["/static/css/site.css"]
