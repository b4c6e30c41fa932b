"""How typed place names are compared: one normal form for what parents type and what we store."""

import re
import unicodedata

ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")
# Abbreviations people type either way round; the key always holds the short form.
WORD_SHORT_FORMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
COUNTRY_ALIASES = {
    "US": {"usa", "us", "united states of america"},
    "GB": {"uk", "england", "scotland", "wales", "northern ireland", "great britain"},
}


def place_key(text: str) -> str:
    """Lower case, accents and punctuation gone, so 'St. Louis' and 'saint louis' meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"[.'’]", "", plain)
    words = re.sub(r"[^\w,]+", " ", plain).replace(",", " , ").split()
    return " ".join(WORD_SHORT_FORMS.get(word, word) for word in words).replace(" , ", ", ")
