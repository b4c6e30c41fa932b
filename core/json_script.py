"""JSON placed inside a <script> element, such as a page's JSON-LD."""

import json

from django.utils.safestring import SafeString, mark_safe

# As Django's json_script: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_for_script(data) -> SafeString:
    """`data` as JSON, safe inside any <script> element (JSON-LD too, which Django's
    `json_script` cannot write: it fixes the element's type). The one home of this rule."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))
