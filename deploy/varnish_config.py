"""Render deploy/varnish/milk.vcl, the site's Varnish configuration, for one machine.

    python -m deploy.varnish_config --backend 127.0.0.1:8000 > /etc/varnish/milk.vcl
    python -m deploy.varnish_config --backend 10.0.0.5:8000 --backend 10.0.0.6:8000 ...

`make loadtest` and tests/deploy render it the same way, so what is tested is what is shipped.
"""

import argparse
import sys
from pathlib import Path

from deploy.nginx_config import template_render

VCL_TEMPLATE = Path(__file__).resolve().parent / "varnish" / "milk.vcl"


BACKEND = """backend app_server_{number} {{
    .host = "{host}";
    .port = "{port}";
    .connect_timeout = 5s;
    .first_byte_timeout = 35s;
    .between_bytes_timeout = 35s;
    .probe = healthz;
}}"""


def vcl_render(*, backends: list[str]) -> str:
    """The VCL with each gunicorn's address (host:port) as a backend, taken in turn."""
    if not backends:
        raise ValueError("Varnish needs at least one app server")
    blocks, members = [], []
    for number, backend in enumerate(backends):
        host, _, port = backend.rpartition(":")
        blocks.append(BACKEND.format(number=number, host=host, port=port))
        members.append(f"    app_servers.add_backend(app_server_{number});")
    return template_render(
        template=VCL_TEMPLATE,
        values={"BACKENDS": "\n\n".join(blocks), "DIRECTOR_MEMBERS": "\n".join(members)},
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--backend", action="append", help="an app server's host:port (repeat for each)"
    )
    args = parser.parse_args(argv)
    sys.stdout.write(vcl_render(backends=args.backend or ["127.0.0.1:8000"]))


if __name__ == "__main__":
    main()
