"""Varnish in front of gunicorn: anonymous pages come from the cache, and publishing an
insight makes the article and every factor page that shows it fresh within a second,
purging nothing else.

The insight is edited and published with Wagtail's own calls (`save_revision().publish()`,
what the admin's Publish button runs) in a separate process under production settings,
as an editor's request would be on another app server.
"""

import http.client
import json
import subprocess
import sys
import threading
import time

from deploy.local_stack import ROOT, manage_run
from tests.deploy.client import fetch

INSIGHT = "Get your baby's latch checked"
NEW_TEXT = "A feeding specialist can watch a whole feed with you"
# As nginx sends requests on (deploy/nginx/milk.conf), on the site's own host name.
FROM_NGINX = {"X-Forwarded-Proto": "https", "Host": "localhost:8443", "X-Real-IP": "192.0.2.7"}

PUBLISH = """
import json, time
from factors.models import PracticalInsight
insight = PracticalInsight.objects.get(title=%r)
insight.body = "<p>%s.</p>"
started = time.time()
insight.save_revision().publish()
print(json.dumps({"started": started}))
"""

PAGES_SHOWING = """
import json
from factors.models import FactorPage, PracticalInsight
from website.models import ArticlePage
insight = PracticalInsight.objects.get(title=%r)
factors = FactorPage.objects.live().filter(insight_links__insight=insight).distinct()
others = [page.url for page in ArticlePage.objects.live()] + [
    page.url for page in FactorPage.objects.live().exclude(pk__in=factors)
]
print(json.dumps({"factors": [page.url for page in factors], "pages": others}))
"""


def varnish_get(port, path, headers=FROM_NGINX):
    return fetch(http.client.HTTPConnection("127.0.0.1", port, timeout=10), path, headers=headers)


def test_anonymous_pages_are_served_from_the_cache(varnish, production_site):
    for name in ("home", "article", "factor", "directory search", "listing", "directory API"):
        path = production_site.urls[name]
        first = varnish_get(varnish, path)
        assert first.status == 200, (name, first.text[:300])
        second = varnish_get(varnish, path)
        assert second.headers["X-Cache"] == "HIT", name
        assert second.body == first.body, name


def test_forms_and_the_admin_are_never_cached(varnish, production_site):
    for path in ("/find-support/suggest-a-listing/", "/admin/login/"):
        varnish_get(varnish, path)
        again = varnish_get(varnish, path)
        assert again.headers["X-Cache"] == "MISS", path
        assert "csrftoken" in again.headers.get("Set-Cookie", ""), path


def test_a_visitor_cannot_purge_through_nginx(varnish, production_site):
    path = production_site.urls["factor index"]
    varnish_get(varnish, path)
    assert varnish_get(varnish, path).headers["X-Cache"] == "HIT"
    response = fetch(
        http.client.HTTPConnection("127.0.0.1", varnish, timeout=10),
        path,
        method="PURGE",
        headers={"Host": "localhost", "X-Real-IP": "192.0.2.7"},
    )
    assert response.status == 405
    assert varnish_get(varnish, path).headers["X-Cache"] == "HIT"


def test_a_published_insight_is_public_within_a_second_and_nothing_else_is_purged(
    varnish, production_site
):
    env = production_site.env
    layout = json.loads(manage_run("shell", "--no-imports", "-c", PAGES_SHOWING % INSIGHT, env=env))
    showing = [production_site.urls["article"], *layout["factors"]]
    assert len(layout["factors"]) >= 2
    untouched = [
        path
        for path in {
            *layout["pages"],
            production_site.urls["home"],
            production_site.urls["factor index"],
            production_site.urls["directory search"],
            production_site.urls["listing"],
            production_site.urls["directory API"],
            production_site.urls["search"],
        }
        if path not in showing
    ]
    for path in showing + untouched:
        varnish_get(varnish, path)
        cached = varnish_get(varnish, path)
        assert cached.headers["X-Cache"] == "HIT", path
        assert NEW_TEXT not in cached.text

    # The editor's publish runs in its own process while this one watches Varnish: each
    # page's new text must appear within a second of the publish starting.
    publisher = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PUBLISH % (INSIGHT, NEW_TEXT)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first_seen = {}

    def watch(path):
        # One watcher per page, so one page's render never delays noticing another's.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if NEW_TEXT in varnish_get(varnish, path).text:
                first_seen[path] = time.time()
                return
            time.sleep(0.01)

    watchers = [threading.Thread(target=watch, args=(path,)) for path in showing]
    for watcher in watchers:
        watcher.start()
    for watcher in watchers:
        watcher.join()
    output, errors = publisher.communicate(timeout=60)
    assert publisher.returncode == 0, errors
    started = json.loads(output)["started"]
    assert set(first_seen) == set(showing), "some pages never showed the new insight"
    for path, seen in first_seen.items():
        assert seen - started < 1, f"{path} took {seen - started:.2f} s"
    for path in untouched:
        assert varnish_get(varnish, path).headers["X-Cache"] == "HIT", f"{path} was purged"
