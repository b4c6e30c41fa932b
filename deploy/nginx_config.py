"""Render deploy/nginx/milk.conf, the site's nginx configuration, for one machine.

    python -m deploy.nginx_config --server-name milk.example.org \\
        --static-root /srv/milk/static --media-root /srv/milk/media \\
        > /etc/nginx/sites-available/milk

The same function renders it for `make serve-production` and tests/deploy, so what is
tested is what is shipped.
"""

import argparse
import re
import sys
from pathlib import Path

NGINX_DIR = Path(__file__).resolve().parent / "nginx"
SITE_TEMPLATE = NGINX_DIR / "milk.conf"
LOCAL_TEMPLATE = NGINX_DIR / "local.conf"
PLACEHOLDER = re.compile(r"@([A-Z_]+)@")


def template_render(*, template: Path, values: dict[str, str]) -> str:
    """Fill in every @NAME@ in the template; a missing or unused value is an error."""
    text = template.read_text()
    wanted = set(PLACEHOLDER.findall(text))
    if missing := wanted - values.keys():
        raise ValueError(f"{template.name} needs {', '.join(sorted(missing))}")
    if unused := values.keys() - wanted:
        raise ValueError(f"{template.name} has no {', '.join(sorted(unused))}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def site_config_render(
    *,
    server_name: str,
    static_root: str,
    media_root: str,
    upstream: str = "127.0.0.1:8000",
    https_listen: str = "443",
    http_listen: str = "80",
    tls_certificate: str = "",
    tls_certificate_key: str = "",
    access_log: str = "/var/log/nginx/milk.access.log",
    connections_per_address: int = 20,
    requests_per_second: int = 20,
) -> str:
    """The site file, with Let's Encrypt's certificate paths unless others are given.

    The per-address limits suit visitors; a load test from one address raises them."""
    https_port = https_listen.rsplit(":", 1)[-1]
    first_name = server_name.split()[0]
    return template_render(
        template=SITE_TEMPLATE,
        values={
            "SERVER_NAME": server_name,
            "STATIC_ROOT": str(Path(static_root).resolve()),
            "MEDIA_ROOT": str(Path(media_root).resolve()),
            "UPSTREAM": upstream,
            "HTTPS_LISTEN": https_listen,
            "HTTP_LISTEN": http_listen,
            "HTTPS_PORT_SUFFIX": "" if https_port == "443" else f":{https_port}",
            "TLS_CERTIFICATE": tls_certificate
            or f"/etc/letsencrypt/live/{first_name}/fullchain.pem",
            "TLS_CERTIFICATE_KEY": tls_certificate_key
            or f"/etc/letsencrypt/live/{first_name}/privkey.pem",
            "ACCESS_LOG": access_log,
            "CONNECTIONS_PER_ADDRESS": str(connections_per_address),
            "REQUESTS_PER_SECOND": str(requests_per_second),
            "REQUEST_BURST": str(requests_per_second * 2),
        },
    )


def local_config_render(*, prefix: Path, site_config: Path) -> str:
    """A whole nginx.conf that runs the site file from a scratch directory."""
    return template_render(
        template=LOCAL_TEMPLATE,
        values={
            "PREFIX": str(prefix),
            "SITE_CONFIG": str(site_config),
            "MIME_TYPES": "/etc/nginx/mime.types",
        },
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server-name", required=True, help="e.g. milk.example.org")
    parser.add_argument("--static-root", required=True, help="STATIC_ROOT")
    parser.add_argument("--media-root", required=True, help="MEDIA_ROOT")
    parser.add_argument(
        "--upstream", default="127.0.0.1:8000", help="where gunicorn listens (GUNICORN_BIND)"
    )
    parser.add_argument("--tls-certificate", default="")
    parser.add_argument("--tls-certificate-key", default="")
    parser.add_argument("--access-log", default="/var/log/nginx/milk.access.log")
    args = parser.parse_args(argv)
    sys.stdout.write(
        site_config_render(
            server_name=args.server_name,
            static_root=args.static_root,
            media_root=args.media_root,
            upstream=args.upstream,
            tls_certificate=args.tls_certificate,
            tls_certificate_key=args.tls_certificate_key,
            access_log=args.access_log,
        )
    )


if __name__ == "__main__":
    main()
