"""Admin template tags that offer each role only what it can use."""

from django import template
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets.button import Button, ButtonWithDropdown, ListingButton
from wagtail.models import Page

from core.admin_roles import bulk_action_permitted

register = template.Library()

# As Wagtail's own bulk_action_choices: the first four as buttons, the rest under "More".
BULK_BUTTONS_SHOWN = 4


@register.simple_tag(takes_context=True)
def user_can_search_pages(context):
    """Whether the dashboard's "Search all pages" leads anywhere for this user."""
    return user_has_any_page_permission(context["request"].user)


@register.filter
def content_kind(obj):
    """'Page: Article' or 'Snippet: Practical insight', for a row in a mixed list."""
    if isinstance(obj, Page):
        kind = obj.specific_class or type(obj)
        return _("Page: %(kind)s") % {"kind": capfirst(kind._meta.verbose_name)}
    return _("Snippet: %(kind)s") % {"kind": capfirst(obj._meta.verbose_name)}


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name):
    """Wagtail's bulk action buttons, leaving out those this user would be refused."""
    user = context["request"].user
    actions = sorted(
        (
            action
            for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
            if bulk_action_permitted(
                user=user,
                app_label=app_label,
                model_name=model_name,
                action_type=action.action_type,
            )
        ),
        key=lambda action: action.action_priority,
    )

    def url(action):
        return reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type])

    buttons = [
        ListingButton(
            action.display_name,
            url(action),
            attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
            priority=action.action_priority,
            classname=" ".join(action.classes | {"bulk-action-btn"}),
        )
        for action in actions[:BULK_BUTTONS_SHOWN]
    ]
    if actions[BULK_BUTTONS_SHOWN:]:
        buttons.append(
            ButtonWithDropdown(
                label=_("More"),
                attrs={"title": _("More bulk actions")},
                classname="button button-secondary button-small",
                buttons=[
                    Button(
                        label=action.display_name,
                        url=url(action),
                        attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                        priority=action.action_priority,
                    )
                    for action in actions[BULK_BUTTONS_SHOWN:]
                ],
            )
        )
    return {"buttons": buttons}
