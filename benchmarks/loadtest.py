"""`make loadtest`: the whole production stack on this machine, under load from wrk.

PostgreSQL and Redis (already running, as in production), gunicorn with
deploy/gunicorn.conf.py under production settings, Varnish with deploy/varnish/milk.vcl in
front of it and nginx with deploy/nginx/milk.conf in front of Varnish, on a database
(LOADTEST_DATABASE_URL) with the demo content and LOADTEST_LISTINGS demo listings
(100,000). wrk, a separate process, then drives each target with 50 connections for
LOADTEST_SECONDS (default 30, after LOADTEST_WARM_UP_SECONDS of the same load, 3, not
counted), through nginx and Varnish as visitors reach the site and directly against
gunicorn, and prints requests per second, p50/p99 latency and the count of non-2xx
responses. The first target, robots.txt, is the site's floor: a few lines through every
middleware with no template or query. As ceilings, in the same run, before the targets
and again after them (each ratio is to the mean of the two): the article saved as a
static file that nginx serves, and a minimal Django view (benchmarks/minimal_wsgi.py)
under the same gunicorn configuration. LOADTEST_TARGETS="article,site search" runs only
those targets (and the ceilings), to look into one; only a run of them all is written down.

For each target straight at gunicorn it also reports what a request costs the server:
CPU milliseconds (the gunicorn workers' user and system time over the run, from
/proc/<pid>/stat; workers are not recycled during a load test) and SQL milliseconds
(PostgreSQL's `pg_stat_database.active_time` for the database over the run, read once
the backends have flushed their statistics), each divided by the requests served. The
table, with the date and the machine-speed reference, is written to
docs/measurements/loadtest-<date>.md (-2, -3 for later runs the same day).

LOADTEST_APP_SERVERS=2 starts two gunicorn instances behind Varnish sharing PostgreSQL
and Redis, and first checks that a settings change made through one is served by the
other at once.
"""

import datetime
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg

from benchmarks.machine import machine_speed_ms
from deploy.local_stack import (
    GUNICORN_CONFIG,
    ROOT,
    free_port,
    gunicorn_running,
    manage_run,
    nginx_running,
    port_wait,
    process_stop,
    varnish_running,
)

DATABASE_URL = os.environ.get(
    "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/milk_loadtest"
)
REDIS_URL = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/7")
LISTINGS = int(os.environ.get("LOADTEST_LISTINGS", "100000"))
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "50"))
APP_SERVERS = int(os.environ.get("LOADTEST_APP_SERVERS", "1"))
WORKERS = int(os.environ.get("WEB_CONCURRENCY", "5"))
WRK = shutil.which("wrk") or "/usr/bin/wrk"
LUA = Path(__file__).with_name("loadtest.lua")
FROM_NGINX = ["-H", "X-Forwarded-Proto: https", "-H", "Host: localhost"]
# Centres and spreads (degrees) of the three directory searches, with their filters.
SEARCHES = {
    "directory: dense": ((51.5074, -0.1278), 0.15, {"radius": 25}),
    "directory: sparse": ((45.6770, -111.0429), 0.5, {"radius": 100}),
    "directory: filtered": (
        (40.7128, -74.0060),
        0.15,
        {"radius": 50, "language": "es", "service": ["home-visits", "clinic"],
         "cost": ["free", "sliding-scale", "insurance"], "accepting": "1"},
    ),
}  # fmt: skip
SEARCH_WORDS = ["milk", "latch", "pump", "supply", "surgery", "stress", "premature", "feed"]
DISTINCT_PATHS = 2000


def log(message):
    print(message, file=sys.stderr, flush=True)  # noqa: T201


def database_create():
    import psycopg
    from psycopg import sql

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def paths_write(directory: Path, name: str, paths: list[str]) -> Path:
    path = directory / f"{name.replace(' ', '-').replace(':', '')}.paths"
    path.write_text("\n".join(paths) + "\n")
    return path


def coordinate_text(coordinate: float) -> str:
    """As the directory writes a coordinate in its URLs (help_contacts.web.forms, which
    this module cannot import before Django is set up): any other spelling ("-111.0") is
    redirected there, a 302 the load test would count as a failure."""
    return f"{coordinate:.3f}".rstrip("0").rstrip(".")


def search_paths(prefix: str, centre, spread, filters, rng) -> list[str]:
    """Many distinct searches around a centre: points to three decimals (about 100 m)."""
    paths = set()
    while len(paths) < DISTINCT_PATHS:
        lat = coordinate_text(centre[0] + rng.uniform(-spread, spread))
        lon = coordinate_text(centre[1] + rng.uniform(-spread, spread))
        paths.add(f"{prefix}?{urlencode({'lat': lat, 'lon': lon, **filters}, doseq=True)}")
    return sorted(paths)


# Each measured run follows this long of the same load, not counted: the workers have
# finished starting and imported what they need, Varnish and the caches hold what the
# target reads, connections are open. Without it the first target ran while five workers
# were still importing Django.
WARM_UP_SECONDS = int(os.environ.get("LOADTEST_WARM_UP_SECONDS", "3"))
# Some targets only, by name ("article,directory API"), to look into one; the ceilings are
# always measured. A run of them all is the one whose figures are reported.
ONLY = [name.strip() for name in os.environ.get("LOADTEST_TARGETS", "").split(",") if name.strip()]


def wrk_run(*, url: str, paths_file: Path, headers=()) -> dict:
    warm_up(url=url, paths_file=paths_file, headers=headers)
    return wrk_once(url=url, paths_file=paths_file, headers=headers, seconds=SECONDS)


def warm_up(**wrk_arguments) -> None:
    """`WARM_UP_SECONDS` of the load about to be measured, not counted."""
    if WARM_UP_SECONDS:
        wrk_once(**wrk_arguments, seconds=WARM_UP_SECONDS)


def wrk_once(*, url: str, paths_file: Path, headers, seconds: int) -> dict:
    result = subprocess.run(
        [
            WRK,
            "-t",
            "2",
            "-c",
            str(CONNECTIONS),
            "-d",
            f"{seconds}s",
            "--timeout",
            "10s",
            *headers,
            "-s",
            str(LUA),
            url,
            str(paths_file),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed:\n{result.stdout}{result.stderr}")
    found = json.loads(line.removeprefix("RESULT "))
    found["rps"] = found["requests"] / found["seconds"]
    return found


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# PostgreSQL flushes an idle backend's statistics at most this long after its last query.
STATS_FLUSH_SECONDS = 11


def workers_cpu_seconds(master_pid: int) -> float:
    """User and system CPU time of the gunicorn master's worker processes, so far."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone since listed
        # After the ")": state, ppid, ... utime is field 14 and stime 15 of the whole line.
        if int(fields[1]) == master_pid:
            total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS


def database_active_ms() -> float:
    """Milliseconds PostgreSQL has spent executing statements in the load-test database."""
    with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
        connection.execute("SELECT pg_stat_clear_snapshot()")
        row = connection.execute(
            "SELECT active_time FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    return float(row[0] or 0)


def server_cost_run(*, master_pid: int, **wrk_arguments) -> dict:
    """`wrk_run`, with the CPU and SQL milliseconds each request cost the server (the
    warm-up before the statistics are read, so it is not counted)."""
    warm_up(**wrk_arguments)
    time.sleep(STATS_FLUSH_SECONDS)
    cpu_before, sql_before = workers_cpu_seconds(master_pid), database_active_ms()
    result = wrk_once(**wrk_arguments, seconds=SECONDS)
    time.sleep(STATS_FLUSH_SECONDS)
    cpu_after, sql_after = workers_cpu_seconds(master_pid), database_active_ms()
    served = max(result["requests"], 1)
    result["cpu_ms"] = (cpu_after - cpu_before) * 1000 / served
    result["sql_ms"] = (sql_after - sql_before) / served
    return result


def fetch(url: str, headers: dict) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def shared_cache_check(env, ports):
    """A settings change made through one app server is served by every other at once."""
    marker = f"Loadtest helpline {secrets.token_hex(3)}"
    headers = {"X-Forwarded-Proto": "https", "Host": "localhost"}
    for port in ports:  # every server has the old settings in its cache
        fetch(f"http://127.0.0.1:{port}/", headers)
    script = (
        "from wagtail.models import Site\nfrom core.models import SiteSettings\n"
        "s = SiteSettings.for_site(Site.objects.get(is_default_site=True))\n"
        # The header shows the helpline's name only with a phone number.
        f"s.helpline_name = {marker!r}\ns.helpline_phone = s.helpline_phone or '0300 100 0212'\n"
        "s.save()\n"
    )
    manage_run("shell", "--no-imports", "-c", script, env=env)
    for port in ports:
        status, body = fetch(f"http://127.0.0.1:{port}/", headers)
        if status != 200 or marker.encode() not in body:
            raise SystemExit(f"app server on port {port} still shows the old site settings")
    log(f"Shared cache: a settings change reached all {len(ports)} app servers at once.")


def table_lines(rows) -> list[str]:
    """The results as a Markdown table: each target, its ratio to its ceiling, and for the
    targets straight at gunicorn what a request cost the server."""
    minimal, static = ceiling_rps(rows, MINIMAL), ceiling_rps(rows, STATIC)
    lines = [
        "| target | via | req/s | ratio to ceiling | p50 ms | p99 ms | CPU ms/req | SQL ms/req "
        "| non-2xx |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for target, via, result in rows:
        ceiling = minimal if via == "gunicorn" else static
        cost = (
            (f"{result['cpu_ms']:.1f}", f"{result['sql_ms']:.1f}")
            if "cpu_ms" in result
            else ("", "")
        )
        lines.append(
            f"| {target} | {via} | {result['rps']:.0f} | {result['rps'] / ceiling:.3f}× "
            f"| {result['p50_ms']:.1f} | {result['p99_ms']:.1f} | {cost[0]} | {cost[1]} "
            f"| {result['non2xx'] + result['socket_errors']} |"
        )
    return lines


def table_print(rows):
    for line in table_lines(rows):
        print(line)  # noqa: T201


def report_write(rows, *, speed_before: float, speed_after: float) -> Path:
    """docs/measurements/loadtest-<date>.md: the table, dated, with the machine's speed; a
    second run the same day is -2, and so on, so a day's earlier figures are kept."""
    today = datetime.date.today().isoformat()
    path = ROOT / "docs" / "measurements" / f"loadtest-{today}.md"
    run = 1
    while path.exists():
        run += 1
        path = path.with_name(f"loadtest-{today}-{run}.md")
    path.parent.mkdir(exist_ok=True)
    text = [
        f"# `make loadtest`, {today}",
        "",
        f"Written by `benchmarks/loadtest.py`. {LISTINGS:,} demo listings, {SECONDS} s a "
        f"target, {CONNECTIONS} connections, {WORKERS} gunicorn workers, "
        f"{os.cpu_count()} cores. Machine speed (reference loop, lower is faster): "
        f"{speed_before:.1f} ms before, {speed_after:.1f} ms after. Ceilings: the "
        "minimal Django view under the same gunicorn (targets via gunicorn) and the "
        "article as a static file from nginx (targets via nginx+Varnish), each measured "
        "before the targets and after them; a ratio is to the mean of the two.",
        "",
        *table_lines(rows),
        "",
    ]
    path.write_text("\n".join(text))
    return path


def main():
    if not Path(WRK).exists():
        raise SystemExit("wrk is not installed: `make deploy-deps` (as root) installs it")
    directory = Path(tempfile.mkdtemp(prefix="milk-loadtest-"))
    directory.chmod(0o755)
    static_root, media_root = directory / "static", directory / "media"
    media_root.mkdir()
    varnish_port = free_port()
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "EMAIL_URL": f"smtp://127.0.0.1:{free_port()}",
            "WAGTAILADMIN_BASE_URL": "https://localhost",
            "DATABASE_URL": DATABASE_URL,
            "CONN_MAX_AGE": "600",
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": f"loadtest-{secrets.token_hex(4)}",
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish_port}",
            "GUNICORN_LOG_LEVEL": "warning",
        }
    )
    env["GUNICORN_MAX_REQUESTS"] = "0"  # no recycling: the workers' CPU time is the run's
    speed_before = machine_speed_ms()
    try:
        log(f"Database {DATABASE_URL}: migrate, gazetteer, demo content, {LISTINGS:,} listings")
        database_create()
        manage_run("migrate", "--noinput", env=env)
        manage_run("load_gazetteer", env=env)
        manage_run("load_demo_content", "--listings", str(LISTINGS), env=env)
        manage_run("collectstatic", "--noinput", env=env)
        with ExitStack() as stack:
            app_ports = [free_port() for _ in range(APP_SERVERS)]
            app_processes = []
            for number, port in enumerate(app_ports):
                app_dir = directory / f"app-{number}"
                app_dir.mkdir()
                app_processes.append(
                    stack.enter_context(
                        gunicorn_running(directory=app_dir, env=env, port=port, workers=WORKERS)
                    )
                )
            if APP_SERVERS > 1:
                shared_cache_check(env, app_ports)
            stack.enter_context(
                varnish_running(
                    directory=directory / "varnish", backend_ports=app_ports, port=varnish_port
                )
            )
            https_port = free_port()
            stack.enter_context(
                nginx_running(
                    directory=directory / "nginx",
                    static_root=static_root,
                    media_root=media_root,
                    upstream_port=varnish_port,
                    https_port=https_port,
                    http_port=free_port(),
                    # wrk is one address opening CONNECTIONS connections: not a flood.
                    connections_per_address=CONNECTIONS * 4,
                    requests_per_second=1_000_000,
                )
            )
            minimal_port = free_port()
            minimal_log = directory / "minimal.log"
            with minimal_log.open("ab") as output:
                minimal = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "-c",
                        str(GUNICORN_CONFIG),
                        "benchmarks.minimal_wsgi:application",
                    ],  # fmt: skip
                    cwd=ROOT,
                    env={
                        **env,
                        "GUNICORN_BIND": f"127.0.0.1:{minimal_port}",
                        "WEB_CONCURRENCY": str(WORKERS),
                    },
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            stack.callback(process_stop, minimal)
            port_wait(port=minimal_port, process=minimal, log=minimal_log)
            rows = targets_run(
                directory=directory, env=env, https_port=https_port, app_port=app_ports[0],
                app_pid=app_processes[0].pid, minimal_port=minimal_port,
                static_root=static_root,
            )  # fmt: skip
        table_print(rows)
        if not ONLY:  # only a run of every target is written down
            report = report_write(rows, speed_before=speed_before, speed_after=machine_speed_ms())
            log(f"Written to {report.relative_to(ROOT)}")
        summary_print(rows)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def targets_run(*, directory, env, https_port, app_port, app_pid, minimal_port, static_root):
    urls = json.loads(
        manage_run(
            "shell", "--no-imports", "-c", (ROOT / "tests/deploy/site_description.py").read_text(),
            env=env,
        )
    )  # fmt: skip
    rng = random.Random(20261129)
    targets = {
        # The cheapest answer the site gives: a few lines of text through every middleware,
        # with no template, query or cache. What any page costs at the least.
        FLOOR: ["/robots.txt"],
        "article": [urls["article"]],
        # The article drawn for each request, as after a publish: a query string (here one
        # the page ignores) means it is never kept whole (core/page_cache.py).
        "article, drawn": [f"{urls['article']}?ref={n}" for n in range(DISTINCT_PATHS)],
        "factor page": [urls["factor"]],
        "listing page": [urls["listing"]],
    }
    for name, (centre, spread, filters) in SEARCHES.items():
        targets[name] = search_paths(urls["directory"], centre, spread, filters, rng)
    centre, spread, filters = SEARCHES["directory: dense"]
    targets["directory API"] = search_paths("/api/v1/directory/", centre, spread, filters, rng)
    targets["site search"] = [
        f"/search/?{urlencode({'q': f'{a} {b}'})}" for a in SEARCH_WORDS for b in SEARCH_WORDS
    ]
    if ONLY:
        unknown = set(ONLY) - set(targets)
        if unknown:
            raise SystemExit(f"LOADTEST_TARGETS: no target {', '.join(sorted(unknown))}")
        targets = {name: paths for name, paths in targets.items() if name in ONLY}
    headers = {"X-Forwarded-Proto": "https", "Host": "localhost"}
    # The article as a static file, for nginx's ceiling.
    _, article_html = fetch(f"http://127.0.0.1:{app_port}{urls['article']}", headers)
    (static_root / "loadtest").mkdir(exist_ok=True)
    (static_root / "loadtest" / "article.html").write_bytes(article_html)

    front = f"https://127.0.0.1:{https_port}"
    rows = ceilings_run(directory=directory, front=front, minimal_port=minimal_port, when=BEFORE)
    for name, paths in targets.items():
        paths_file = paths_write(directory, name, paths)
        log(f"{name} via nginx+Varnish: {len(paths)} distinct paths, {SECONDS} s")
        rows.append(
            (
                name,
                "nginx+Varnish",
                wrk_run(url=front, paths_file=paths_file, headers=["-H", "Host: localhost"]),
            )
        )
        log(f"{name} via gunicorn: {len(paths)} distinct paths, {SECONDS} s, with its cost")
        gunicorn_url = f"http://127.0.0.1:{app_port}"
        result = server_cost_run(
            master_pid=app_pid, url=gunicorn_url, paths_file=paths_file, headers=FROM_NGINX
        )
        rows.append((name, "gunicorn", result))
    rows.extend(
        ceilings_run(directory=directory, front=front, minimal_port=minimal_port, when=AFTER)
    )
    return rows


STATIC, MINIMAL = "article (static file)", "minimal Django view"
FLOOR = "robots.txt (the site's floor)"
BEFORE, AFTER = "before the targets", "after them"


def ceilings_run(*, directory, front, minimal_port, when: str) -> list:
    """The two ceilings: the article as a static file from nginx, and a minimal Django view.

    Measured before the targets and again after them; each ratio is to the mean of the
    two, so a machine whose speed drifts during the ten minutes between them does not
    flatter or wrong the targets measured near one end."""
    static_file = paths_write(directory, "static", ["/static/loadtest/article.html"])
    log(f"ceiling, {when}: the article as a static file from nginx")
    static = wrk_run(url=front, paths_file=static_file, headers=[])
    minimal_file = paths_write(directory, "minimal", ["/"])
    log(f"ceiling, {when}: a minimal Django view under the same gunicorn config")
    minimal = wrk_run(url=f"http://127.0.0.1:{minimal_port}", paths_file=minimal_file)
    return [(f"{STATIC}, {when}", "nginx", static), (f"{MINIMAL}, {when}", "gunicorn", minimal)]


def ceiling_rps(rows, name: str) -> float:
    """The mean requests a second of the ceiling `name`'s runs."""
    found = [result["rps"] for target, _, result in rows if target.startswith(f"{name}, ")]
    return sum(found) / len(found)


def summary_print(rows):
    by = {(target, via): result for target, via, result in rows}
    minimal, static = ceiling_rps(rows, MINIMAL), ceiling_rps(rows, STATIC)
    bad = sum(result["non2xx"] + result["socket_errors"] for _, _, result in rows)
    print()  # noqa: T201
    if ("article", "gunicorn") in by:
        article, app = by[("article", "nginx+Varnish")]["rps"], by[("article", "gunicorn")]["rps"]
        print(f"article through nginx+Varnish / nginx static file: {article / static:.2f}")  # noqa: T201
        print(f"article from gunicorn / minimal Django view:       {app / minimal:.2f}")  # noqa: T201
    print(f"non-2xx responses or socket errors in all runs:   {bad}")  # noqa: T201
    if bad:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
