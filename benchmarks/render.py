"""`python -m benchmarks.render`: what each uncached page costs to render, in process.

Renders the load test's targets (the article as kept whole and drawn afresh, a factor page,
a listing, the three directory searches, the API and site search) through Django's own
WSGI handler, under production settings on the load test's database and Redis (`make
loadtest` builds them), and prints the CPU milliseconds each request takes (process time,
median of `--runs`). `--profile` adds the functions that take the most time, from
cProfile, for one target (`--only article`). It finds where time goes; `make loadtest`
says what a server carries.

    .venv/bin/python -m benchmarks.render [--runs 200] [--only article] [--profile]
"""

import argparse
import cProfile
import io
import os
import pstats
import secrets
import statistics
import sys
import time

from benchmarks.loadtest import DATABASE_URL, REDIS_URL, SEARCH_WORDS, SEARCHES
from benchmarks.machine import machine_speed_ms


def environment():
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "WAGTAILADMIN_BASE_URL": "https://localhost",
            "DATABASE_URL": DATABASE_URL,
            "CONN_MAX_AGE": "600",
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": f"render-{secrets.token_hex(4)}",
            "STATIC_ROOT": "/tmp/milk-render-static",
        }
    )
    os.environ.setdefault("EMAIL_URL", "smtp://127.0.0.1:1")


def django_ready():
    """Django set up, with the static files collected (pages name them from the manifest)."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def targets() -> dict[str, list[str]]:
    from urllib.parse import urlencode

    from factors.models import FactorPage
    from help_contacts.models import Consultant, DirectoryPage
    from website.models import ArticlePage

    directory = DirectoryPage.objects.live().first()
    article = ArticlePage.objects.live().public().first().url
    listing = Consultant.objects.filter(live=True).order_by("pk").first()
    found = {
        "article": [article],
        "article, drawn": [f"{article}?ref={n}" for n in range(200)],
        "factor page": [FactorPage.objects.live().public().first().url],
        "listing page": [directory.listing_url(listing.slug)],
    }

    def points(prefix, centre, step, filters):
        return [
            f"{prefix}?"
            + urlencode(
                {"lat": round(centre[0] + n * step, 3), "lon": round(centre[1], 3), **filters},
                doseq=True,
            )
            for n in range(50)
        ]

    for name, (centre, spread, filters) in SEARCHES.items():
        found[name] = points(directory.url, centre, spread / 50, filters)
    centre, _, filters = SEARCHES["directory: dense"]
    found["directory API"] = points("/api/v1/directory/", centre, 0.001, filters)
    found["site search"] = [
        f"/search/?{urlencode({'q': f'{a} {b}'})}" for a in SEARCH_WORDS for b in SEARCH_WORDS
    ]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--only", help="one target, by name")
    parser.add_argument("--profile", action="store_true", help="cProfile the target(s)")
    parser.add_argument(
        "--admin", action="store_true", help="the article's edit screen and draft view instead"
    )
    arguments = parser.parse_args()
    environment()
    if arguments.admin:
        admin_main(arguments.runs)
        return

    django_ready()
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    handler = WSGIHandler()
    factory = RequestFactory()

    def get(path):
        path, _, query = path.partition("?")
        environ = factory._base_environ(
            PATH_INFO=path,
            QUERY_STRING=query,
            REQUEST_METHOD="GET",
            HTTP_HOST="localhost",
            HTTP_X_FORWARDED_PROTO="https",
            SERVER_PORT="443",
            **{"wsgi.url_scheme": "https"},
        )
        status = []
        body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
        if not status[0].startswith("2"):
            raise SystemExit(f"{path}?{query}: {status[0]}")
        return body

    print(f"Machine speed (reference loop, lower is faster): {machine_speed_ms():.1f} ms")  # noqa: T201
    for name, paths in targets().items():
        if arguments.only and name != arguments.only:
            continue
        for path in paths[:5]:  # warm: caches filled, connections open
            get(path)
        timings = []
        profiler = cProfile.Profile() if arguments.profile else None
        for number in range(arguments.runs):
            path = paths[number % len(paths)]
            started = time.process_time()
            if profiler:
                profiler.enable()
            body = get(path)
            if profiler:
                profiler.disable()
            timings.append((time.process_time() - started) * 1000)
        print(  # noqa: T201
            f"{name:22} {statistics.median(timings):6.2f} ms CPU (median of {len(timings)}), "
            f"{len(body) / 1024:.0f} kB"
        )
        if profiler:
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(25)
            sys.stdout.write(out.getvalue())


def admin_main(runs: int):
    """What an editor's screens for the article cost, beside a reader's render of it.

    Signed in as a throwaway superuser (removed afterwards), with the second factor
    switched off for this process only: it is one check per request, not the screens'
    cost."""
    django_ready()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    from website.models import ArticlePage

    settings.ADMIN_SECOND_FACTOR_REQUIRED = False
    article = ArticlePage.objects.live().first()
    user = get_user_model().objects.create_superuser(
        f"render-benchmark-{secrets.token_hex(4)}", password=secrets.token_urlsafe(20)
    )
    reader, editor = Client(HTTP_X_FORWARDED_PROTO="https"), Client(HTTP_X_FORWARDED_PROTO="https")
    editor.force_login(user)
    # What a preview has to do for a reader's page: draw it from the content, with none of
    # the render caches (core/page_cache.py, the card's and the review's cached parts).
    undrawn = f"{article.url}?fresh="
    screens = {
        "article, a reader": (reader, article.url),
        "article, a reader, no render cache": (reader, undrawn),
        "article, edit screen": (editor, f"/admin/pages/{article.pk}/edit/"),
        "article, draft view": (editor, f"/admin/pages/{article.pk}/view_draft/"),
    }
    print(f"Machine speed (reference loop, lower is faster): {machine_speed_ms():.1f} ms")  # noqa: T201
    try:
        for name, (client, path) in screens.items():
            for _ in range(3):
                response = client.get(path, HTTP_HOST="localhost", secure=True)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: {response.status_code}")
            timings = []
            with override_settings(RENDER_CACHE=path != undrawn and settings.RENDER_CACHE):
                for number in range(runs):
                    fresh = f"{path}{number}" if path == undrawn else path
                    started = time.process_time()
                    client.get(fresh, HTTP_HOST="localhost", secure=True)
                    timings.append((time.process_time() - started) * 1000)
            print(f"{name:36} {statistics.median(timings):6.2f} ms CPU (median of {runs})")  # noqa: T201
    finally:
        user.delete()


if __name__ == "__main__":
    main()
