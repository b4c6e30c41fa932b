"""Production settings for the app server the probe tests start, with plain static files.

Everything is `website.settings.production` (its HTTPS redirect and ALLOWED_HOSTS
included) except the hashed static files, whose manifest only exists after collectstatic.
"""

from website.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
