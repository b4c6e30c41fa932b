"""Render deploy/varnish/milk.vcl, the site's Varnish configuration, for one machine.

    python -m deploy.varnish_config --backend 127.0.0.1:8000 > /etc/varnish/milk.vcl

`make loadtest` and tests/deploy render it the same way, so what is tested is what is shipped.
"""

import argparse
import sys
from pathlib import Path

from deploy.nginx_config import template_render

VCL_TEMPLATE = Path(__file__).resolve().parent / "varnish" / "milk.vcl"


def vcl_render(*, backend: str = "127.0.0.1:8000") -> str:
    """The VCL with gunicorn's address (host:port) as its backend."""
    host, _, port = backend.rpartition(":")
    return template_render(
        template=VCL_TEMPLATE, values={"BACKEND_HOST": host, "BACKEND_PORT": port}
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="127.0.0.1:8000", help="gunicorn's host:port")
    args = parser.parse_args(argv)
    sys.stdout.write(vcl_render(backend=args.backend))


if __name__ == "__main__":
    main()
