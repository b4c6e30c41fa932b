"""Production: everything from the environment, secure by default.

Starting without SECRET_KEY, ALLOWED_HOSTS, a mail server or the site's https address is
refused rather than guessed.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = env("SECRET_KEY", default="")  # noqa: F405
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable for production.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])  # noqa: F405
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set the ALLOWED_HOSTS environment variable for production.")

# Password resets and review requests must reach people, not a log or a test outbox.
_UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
}
if not env("EMAIL_URL", default="") or EMAIL_BACKEND in _UNDELIVERED_EMAIL_BACKENDS:  # noqa: F405
    raise ImproperlyConfigured(
        "Set the EMAIL_URL environment variable to a mail server for production, "
        "e.g. smtp+tls://user:password@smtp.example.org:587."
    )
# The address admin emails link to; the development default would send editors to localhost.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="")  # noqa: F405
if not WAGTAILADMIN_BASE_URL.startswith("https://"):
    raise ImproperlyConfigured(
        "Set the WAGTAILADMIN_BASE_URL environment variable to the site's https:// address "
        "for production, e.g. https://milk.example.org."
    )
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = passkey_relying_party(WAGTAILADMIN_BASE_URL)  # noqa: F405

# gunicorn listens on loopback behind nginx (deploy/); nginx's X-Real-IP names the visitor.
TRUSTED_PROXY_IPS = env.list("TRUSTED_PROXY_IPS", default=["127.0.0.1", "::1"])  # noqa: F405
MIDDLEWARE = ["website.request_limits.ClientAddressFromProxyMiddleware", *MIDDLEWARE]  # noqa: F405

# Every admin user signs in with a second factor; there is no switch to turn it off here.
ADMIN_SECOND_FACTOR_REQUIRED = True

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)  # noqa: F405
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)  # noqa: F405
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Wagtail's live preview shows the site's own pages in a frame inside the admin, so pages
# may be framed by the same origin only (CSP's frame-ancestors 'self' says the same).
# That is exactly what security.W019 warns about, so it is silenced on purpose.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W019"]  # noqa: F405
