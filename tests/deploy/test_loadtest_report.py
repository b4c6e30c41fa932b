"""`make loadtest` reports what each request costs the server, not just how many it served."""

import os
import random
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

from benchmarks import loadtest
from help_contacts.web.forms import coordinate_text


def result(rps, **extra):
    return {"rps": rps, "p50_ms": 10.0, "p99_ms": 30.0, "non2xx": 0, "socket_errors": 0, **extra}


def test_the_table_gives_each_target_its_ratio_to_its_ceilings_mean_and_cost():
    """Each ceiling is measured before the targets and after them; a ratio is to the mean."""
    rows = [
        ("article (static file), before the targets", "nginx", result(7000)),
        ("minimal Django view, before the targets", "gunicorn", result(1500)),
        ("article", "nginx+Varnish", result(4000)),
        ("article", "gunicorn", result(100, cpu_ms=18.5, sql_ms=3.25)),
        ("article (static file), after them", "nginx", result(9000)),
        ("minimal Django view, after them", "gunicorn", result(2500)),
    ]
    lines = loadtest.table_lines(rows)
    assert lines[4] == "| article | nginx+Varnish | 4000 | 0.500× | 10.0 | 30.0 |  |  | 0 |"
    assert lines[5] == "| article | gunicorn | 100 | 0.050× | 10.0 | 30.0 | 18.5 | 3.2 | 0 |"
    assert lines[2].startswith(
        "| article (static file), before the targets | nginx | 7000 | 0.875× "
    )


def test_the_cpu_time_of_a_masters_workers_is_counted():
    """A child that burns about half a second of CPU shows up under its parent's pid."""
    child = subprocess.Popen(
        [sys.executable, "-c", "import time\nend = time.process_time() + 0.5\n"
         "while time.process_time() < end: pass\ntime.sleep(5)"]
    )  # fmt: skip
    try:
        # This process is the child's parent, as the gunicorn master is its workers'.
        seconds = 0.0
        for _ in range(40):
            seconds = loadtest.workers_cpu_seconds(os.getpid())
            if seconds >= 0.4:
                break
            subprocess.run(["sleep", "0.1"], check=True)
        assert seconds >= 0.4, seconds
    finally:
        child.kill()
        child.wait()


def test_every_search_the_load_test_sends_is_answered_without_a_redirect():
    """Coordinates spelled as the directory spells them: "-111.0" would be redirected to
    "-111", and the load test counts the 302 as a failure (it did, eight times in a run)."""
    rng = random.Random(1)
    for name, (centre, spread, filters) in loadtest.SEARCHES.items():
        for path in loadtest.search_paths("/find-support/", centre, spread, filters, rng):
            query = parse_qs(urlsplit(path).query)
            for axis in ("lat", "lon"):
                (text,) = query[axis]
                assert text == coordinate_text(float(text)), (name, path)
    assert loadtest.coordinate_text(-111.0) == coordinate_text(-111.0) == "-111"
