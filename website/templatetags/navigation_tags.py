"""The site's main navigation, built from the pages editors mark 'show in menus'."""

from django import template

from wagtail.models import Site

from core import site_cache

register = template.Library()


def _menu_items(site, request):
    return [
        {"url": page.get_url(request), "title": page.title, "url_path": page.url_path}
        for page in site.root_page.get_children().live().public().in_menu()
    ]


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    # The menu is the same on every page of a site; only which item is current differs.
    items = (
        site_cache.site_cached(f"main-nav:{site.pk}", lambda: _menu_items(site, request))
        if site
        else []
    )
    current = context.get("page")
    current_path = getattr(current, "url_path", "") or ""
    return {
        "items": [
            {
                **item,
                "current": "page"
                if item["url_path"] == current_path
                else ("true" if current_path.startswith(item["url_path"]) else ""),
            }
            for item in items
        ],
        "request": request,
    }


@register.simple_tag(takes_context=True)
def site_fragment_key(context):
    """What a `{% cache %}`d header or footer fragment varies on; see `core.site_cache`."""
    return site_cache.fragment_key(context.get("request"))
