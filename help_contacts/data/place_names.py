"""How typed place names are compared: one normal form for what parents type and what we store."""

import re
import unicodedata

ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")
# Postcodes elsewhere (UK "SW1A 1AA" or its outward code "LS1", Canada "M5V 3L9" or "M5V"):
# letters and digits, at least one digit, an optional space before the last three.
POSTCODE_RE = re.compile(r"^(?=.*\d)[A-Za-z0-9]{2,4}(?:\s?[A-Za-z0-9]{3})?$")
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


def postcode_key(text: str) -> str:
    """'SW1A 1AA', 'sw1a1aa' and ' Sw1A 1aa ' all become 'sw1a1aa'; a US ZIP+4 its ZIP."""
    text = (text or "").strip()
    zip_match = ZIP_RE.match(text)
    if zip_match:
        return zip_match.group(1)
    return "".join(text.split()).lower()


# A UK postcode's inward part ("1AA": a digit, two letters) and its area ("SW", "B"); a
# Canadian postcode's inward part is digit, letter, digit, so it never falls back to a
# UK area.
UK_INWARD_RE = re.compile(r"^\d[a-z]{2}$")
UK_OUTWARD_RE = re.compile(r"^([a-z]{1,2})\d[a-z\d]?$")


def postcode_keys(text: str) -> list[str]:
    """The keys to look a typed postcode up by, finest first: the whole postcode, its
    outward code ("SW1A 1AA" → "sw1a", "M5V 3L9" → "m5v") and, for a UK postcode, its
    area ("sw")."""
    key = postcode_key(text)
    keys = [key]
    outward = key
    if len(key) >= 5 and not ZIP_RE.match(key):
        outward = key[:-3]
        keys.append(outward)
    uk_full = len(keys) == 2 and UK_INWARD_RE.match(key[-3:])
    area = UK_OUTWARD_RE.match(outward)
    if area and (uk_full or len(keys) == 1):
        keys.append(area.group(1))
    return keys


def looks_like_postcode(text: str) -> bool:
    text = (text or "").strip()
    return bool(ZIP_RE.match(text) or POSTCODE_RE.match(text))
