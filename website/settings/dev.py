"""Local development: debug on, a throwaway key, any host."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env("SECRET_KEY", default="django-insecure-development-only-key")  # noqa: F405
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])  # noqa: F405

# Only the dev server creates the development superuser (see `make run`).
DEV_SUPERUSER = True
