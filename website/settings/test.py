"""The test suite: fast hashing, in-memory email and cache, no debug."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "template_fragments": FRAGMENT_CACHE,  # noqa: F405
}
RENDER_CACHE = True  # one process: the tests prove a change shows on the next request
STORAGES["default"] = {"BACKEND": "django.core.files.storage.InMemoryStorage"}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The browser tests' live server is http://localhost:<port> (core/passkeys.py allows the
# request's own origin on the passkeys' domain).
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = "localhost", ["http://localhost"]
# Tests sign users in with force_login or Client.login, which passes no request, and
# django-axes needs one; the lockout tests switch it back on with the real backends.
AXES_ENABLED = False
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "axes.W003"]  # noqa: F405 (on purpose, above)
