"""The page classes every page type of the site is built on."""

from wagtail.models import Page

from core.models.reviews import MedicallyReviewed
from core.site_cache import CachedViewRestrictionsMixin


class BasePage(CachedViewRestrictionsMixin, Page):
    """A page of this site: served without asking the database for restrictions it lacks."""

    class Meta:
        abstract = True


class HealthPage(MedicallyReviewed, BasePage):
    """A page that gives health information, so a medical reviewer checks it."""

    class Meta:
        abstract = True
