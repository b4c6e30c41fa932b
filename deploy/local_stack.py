"""Run the production stack on this machine, on loopback ports, as a deployment would.

    make serve-production        # python -m deploy.local_stack

collectstatic under production settings, gunicorn with deploy/gunicorn.conf.py, and nginx
(Debian's package) with deploy/nginx/milk.conf in front, terminating TLS with a throwaway
self-signed certificate. nginx runs from a scratch directory with its own pid file, logs
and temp files, never as a system service. tests/deploy starts the same stack.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.nginx_config import local_config_render, site_config_render
from deploy.varnish_config import vcl_render

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage_run(*args: str, env: Mapping[str, str]) -> str:
    """Run a management command; its output, or an error carrying all of it."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def certificate_create(*, directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1, valid for a week."""
    certificate, key = directory / "localhost.crt", directory / "localhost.key"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "7",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],  # fmt: skip
        check=True,
        capture_output=True,
    )
    return certificate, key


def port_wait(*, port: int, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    """Return once something accepts connections on the port; fail if the process dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited:\n{log.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s:\n{log.read_text()}")


def process_stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def gunicorn_running(
    *, directory: Path, env: Mapping[str, str], port: int, workers: int = 2
) -> Iterator[subprocess.Popen]:
    """gunicorn with deploy/gunicorn.conf.py and the given production environment."""
    log_path = directory / "gunicorn.log"
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONFIG)],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        port_wait(port=port, process=process, log=log_path)
        yield process
    finally:
        process_stop(process)


@dataclass
class NginxFront:
    """nginx with the shipped site file, on loopback, in front of gunicorn."""

    https_port: int
    http_port: int
    certificate: Path
    process: subprocess.Popen

    @property
    def base_url(self) -> str:
        return f"https://localhost:{self.https_port}"


@contextmanager
def nginx_running(
    *,
    directory: Path,
    static_root: Path,
    media_root: Path,
    upstream_port: int,
    https_port: int,
    http_port: int,
    connections_per_address: int = 20,
    requests_per_second: int = 20,
) -> Iterator[NginxFront]:
    """nginx from a scratch directory with deploy/nginx/milk.conf rendered for this machine."""
    (directory / "temp").mkdir(parents=True, exist_ok=True)
    certificate, key = certificate_create(directory=directory)
    site_config = directory / "milk.conf"
    site_config.write_text(
        site_config_render(
            server_name="localhost 127.0.0.1",
            static_root=str(static_root),
            media_root=str(media_root),
            upstream=f"127.0.0.1:{upstream_port}",
            https_listen=f"127.0.0.1:{https_port}",
            http_listen=f"127.0.0.1:{http_port}",
            tls_certificate=str(certificate),
            tls_certificate_key=str(key),
            access_log=str(directory / "access.log"),
            connections_per_address=connections_per_address,
            requests_per_second=requests_per_second,
        )
    )
    nginx_config = directory / "nginx.conf"
    nginx_config.write_text(local_config_render(prefix=directory, site_config=site_config))
    log_path = directory / "error.log"
    log_path.touch()
    process = subprocess.Popen(
        [NGINX, "-p", str(directory), "-c", str(nginx_config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_wait(port=https_port, process=process, log=log_path)
        yield NginxFront(
            https_port=https_port, http_port=http_port, certificate=certificate, process=process
        )
    finally:
        process_stop(process)


@contextmanager
def varnish_running(
    *, directory: Path, backend_ports: list[int], port: int, memory: str = "256m"
) -> Iterator[subprocess.Popen]:
    """varnishd (Debian's package) with deploy/varnish/milk.vcl, in front of gunicorn.

    It runs in the foreground from a scratch working directory, not as a system service.
    """
    directory.mkdir(parents=True, exist_ok=True)
    vcl = directory / "milk.vcl"
    vcl.write_text(vcl_render(backends=[f"127.0.0.1:{port}" for port in backend_ports]))
    log_path = directory / "varnishd.log"
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-f",
                str(vcl),
                "-a",
                f"127.0.0.1:{port}",
                "-n",
                str(directory / "work"),
                "-s",
                f"malloc,{memory}",
                "-T",
                "none",
                # As root, varnishd would switch to its own user, which cannot read here.
                *(["-j", "none"] if os.geteuid() == 0 else []),
            ],  # fmt: skip
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        port_wait(port=port, process=process, log=log_path)
        yield process
    finally:
        process_stop(process)


def main() -> None:
    """`make serve-production`: the dev database behind the production stack."""
    directory = ROOT / ".prod-local"
    static_root = directory / "static"
    media_root = Path(os.environ.get("MEDIA_ROOT", ROOT / "media"))
    https_port = int(os.environ.get("HTTPS_PORT", "8443"))
    env = {
        # What production insists on, with local stand-ins a real environment overrides.
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "EMAIL_URL": "smtp://127.0.0.1:1025",
        "WAGTAILADMIN_BASE_URL": f"https://localhost:{https_port}",
        # A browser remembers HSTS per host name; do not pin localhost to HTTPS for a year.
        "SECURE_HSTS_SECONDS": "0",
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(media_root),
    }
    # Ctrl-C, or a TERM from a process manager, unwinds the `with` below and stops both.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    directory.mkdir(exist_ok=True)
    media_root.mkdir(parents=True, exist_ok=True)
    print("collectstatic (production settings) ...", flush=True)  # noqa: T201
    manage_run("collectstatic", "--noinput", env=env)
    gunicorn_port = int(os.environ.get("GUNICORN_PORT", "8001"))
    workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
    with (
        gunicorn_running(directory=directory, env=env, port=gunicorn_port, workers=workers) as app,
        nginx_running(
            directory=directory,
            static_root=static_root,
            media_root=media_root,
            upstream_port=gunicorn_port,
            https_port=https_port,
            http_port=int(os.environ.get("HTTP_PORT", "8080")),
        ) as front,
    ):
        print(  # noqa: T201
            f"Serving {front.base_url}/ (nginx, self-signed certificate) in front of gunicorn "
            f"on 127.0.0.1:{gunicorn_port}; logs in {directory}. Ctrl-C stops both.",
            flush=True,
        )
        try:
            while app.poll() is None and front.process.poll() is None:
                time.sleep(1)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
