"""gunicorn for production, configured from the environment.

    gunicorn -c deploy/gunicorn.conf.py

Sync workers, one request each at a time, behind nginx (deploy/nginx/milk.conf). nginx
reads a request whole before handing it over and takes the response as fast as gunicorn
writes it, so no worker ever waits on a visitor's slow connection; without nginx, as many
slow clients as there are workers hold every worker until `timeout` and the site stalls.
gunicorn must therefore listen only where nginx can reach it (loopback or a unix socket):
Django believes the X-Forwarded-Proto and X-Real-IP headers that nginx sets.
"""

import multiprocessing
import os
from pathlib import Path

wsgi_app = "website.wsgi:application"
chdir = str(Path(__file__).resolve().parent.parent)

# Comma-separated addresses, e.g. "127.0.0.1:8000" or "unix:/run/milk/gunicorn.sock".
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")


def _reachable_only_by_nginx(address: str) -> bool:
    """A unix socket, or a loopback address (IPv4 127.x or IPv6 ::1), with a port."""
    if address.startswith("unix:"):
        return True
    host = address.rsplit(":", 1)[0].strip("[]")
    return host == "localhost" or host == "::1" or host.startswith("127.")


# A sync worker waits on a slow client (a body shorter than its Content-Length holds it for
# `timeout`), so gunicorn refuses to listen where visitors could reach it without nginx.
# GUNICORN_ALLOW_PUBLIC_BIND=1 overrides this for a proxy that buffers requests as nginx
# does (say so in the deployment notes if you use it).
_public = [address for address in bind if not _reachable_only_by_nginx(address)]
if _public and os.environ.get("GUNICORN_ALLOW_PUBLIC_BIND") != "1":
    raise SystemExit(
        f"gunicorn would listen on {', '.join(_public)}, where clients can reach it without "
        "nginx: bind to 127.0.0.1 or a unix socket (GUNICORN_BIND), or set "
        "GUNICORN_ALLOW_PUBLIC_BIND=1 behind another buffering proxy."
    )
# gunicorn's own advice: two workers per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A worker silent for this long is killed and replaced; nginx's proxy_read_timeout is longer.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Recycle workers now and then, so a slow leak in any library never grows for weeks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
# The heartbeat file lives in memory where there is /dev/shm, so a busy disk cannot stall it.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Privacy: no access log, so the places parents search for are never written down.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "milk-supply-help"

# gunicorn's runtime control socket (`gunicornc`) only when a path for it is given; its
# default, one path per user, would be shared by every gunicorn that user runs.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
