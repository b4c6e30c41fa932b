"""Run by `manage.py shell -c` under production settings: one URL per thing to fetch.

Adds one uploaded image and a rendition of it, as an editor would, so that /media/ has
something real in it. Prints JSON.
"""

import io
import json

from PIL import Image as PILImage

from django.core.files.images import ImageFile

from wagtail.images.models import Image

from factors.models import FactorIndexPage, FactorPage
from help_contacts.models import Consultant, DirectoryPage
from website.models import ArticlePage, HomePage, StandardPage


def first_url(model):
    return model.objects.live().public().first().url


picture = io.BytesIO()
PILImage.new("RGB", (64, 48), (190, 90, 120)).save(picture, "PNG")
image = Image.objects.create(title="Deploy check", file=ImageFile(picture, name="deploy-check.png"))
directory = DirectoryPage.objects.live().first()
listing = Consultant.objects.filter(live=True).order_by("pk").first()
print(  # noqa: T201
    json.dumps(
        {
            "home": first_url(HomePage),
            "article": first_url(ArticlePage),
            "factor index": first_url(FactorIndexPage),
            "factor": first_url(FactorPage),
            "directory": directory.url,
            "directory search": f"{directory.url}?location=Leeds&radius=50",
            "listing": directory.listing_url(listing.slug),
            "standard page": first_url(StandardPage),
            "search": "/search/?q=milk",
            "sitemap": "/sitemap.xml",
            "robots": "/robots.txt",
            "admin login": "/admin/login/",
            "directory API": "/api/v1/directory/?location=Leeds&radius=50",
            "HSDS API": "/api/v1/hsds/services/",
            "original image": image.file.url,
            "rendition": image.get_rendition("fill-32x32").url,
        }
    )
)
