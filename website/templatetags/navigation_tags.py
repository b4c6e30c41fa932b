"""The site's main navigation, built from the pages editors mark 'show in menus'."""

from django import template

from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = site.root_page.get_children().live().public().in_menu() if site else []
    current = context.get("page")
    current_path = getattr(current, "url_path", "") or ""
    return {
        "items": [
            {
                "page": item,
                "current": "page"
                if item.url_path == current_path
                else ("true" if current_path.startswith(item.url_path) else ""),
            }
            for item in items
        ],
        "request": request,
    }
