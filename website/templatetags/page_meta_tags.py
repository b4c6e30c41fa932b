"""The page's description and type for base.html (website/page_meta.py)."""

from django import template

from website.page_meta import page_description, page_type_class

register = template.Library()
register.filter("page_description", page_description)
register.filter("page_type_class", page_type_class)
