"""The admin's own wording comes through translations, never by rewriting messages."""

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES"


def test_the_compiled_translations_say_what_the_source_file_says():
    entries = re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', (LOCALE / "django.po").read_text(), re.M)
    assert entries, "the .po file lists the site's wording"
    with (LOCALE / "django.mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for msgid, msgstr in entries:
        assert translations.gettext(msgid) == msgstr, "recompile: msgfmt -o django.mo django.po"
