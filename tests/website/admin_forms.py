"""Submit a Wagtail admin form the way a browser would: every field as rendered, a few changed."""

from html.parser import HTMLParser

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

SKIPPED_INPUT_TYPES = {"submit", "button", "image", "file", "reset"}


class _FormFields(HTMLParser):
    """Collects the fields of the form whose action is `action`."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action = action
        self.in_form = False
        self.fields = []
        self._select = None
        self._select_options = []
        self._option_value = None
        self._textarea = None
        self.stream_fields = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("action") == self.action
            return
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "div" and attrs.get("data-controller") == "w-block" and attrs.get("id"):
            # A StreamField, whose inputs the admin's JavaScript draws from this element.
            self.stream_fields.append(attrs["id"])
            return
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in SKIPPED_INPUT_TYPES:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value") or "on"))
                return
            self.fields.append((name, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = (name, "multiple" in attrs)
            self._select_options = []
        elif tag == "option" and self._select:
            self._select_options.append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            # Browsers drop the newline that Django's widget puts after <textarea>.
            self.fields.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            chosen = [value for value, selected in self._select_options if selected]
            if not chosen and not multiple and self._select_options:
                chosen = [self._select_options[0][0]]
            self.fields.extend((name, value) for value in chosen)
            self._select = None


def form_data(html: str, *, action: str, **changes) -> dict:
    """The POST data of the form posting to `action`, with `changes` replacing fields."""
    parser = _FormFields(action)
    parser.feed(html)
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    data = {name: values[0] if len(values) == 1 else values for name, values in data.items()}
    for name in parser.stream_fields:
        # Without the browser's JavaScript a StreamField is posted empty unless a test says more.
        data.setdefault(f"{name}-count", "0")
    data.update(changes)
    return data


def edit_page(client, page, *, follow=False, **changes):
    """Load the page's editor and post it back with `changes`, as the editor's browser would."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    return client.post(
        url, form_data(response.content.decode(), action=url, **changes), follow=follow
    )


def submit_page(client, page, *, follow=False, **changes):
    """Edit the page and submit it for medical review, as the "Submit" button does."""
    return edit_page(client, page, follow=follow, **{"action-submit": "1", **changes})


def insight_edit_data(insight, *, body: str, publish: bool) -> dict:
    """The POST an editor's browser sends to change an insight's text, its sources kept."""
    references = [
        ("reference", {key: "" if value is None else value for key, value in block.value.items()})
        for block in insight.references
    ]
    data = nested_form_data(
        {"title": insight.title, "body": rich_text(body), "references": streamfield(references)}
    )
    if publish:
        data["action-publish"] = "publish"
    return data
