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
