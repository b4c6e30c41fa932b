"""Fixed vocabularies shared by the directory, its filters and the factor pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Specialty(models.TextChoices):
    """What a consultant has particular experience with."""

    PREMATURE = "premature", _("Premature and NICU babies")
    LOW_SUPPLY = "low-supply", _("Low or delayed milk supply")
    MATERNAL_CONDITIONS = "maternal-conditions", _("Diabetes, PCOS and other conditions")
    BREAST_SURGERY = "breast-surgery", _("Previous breast surgery")
    MEDICATIONS = "medications", _("Medications while breastfeeding")
    LATCH = "latch", _("Latch and tongue-tie")
    MULTIPLES = "multiples", _("Twins and multiples")
    PUMPING = "pumping", _("Expressing and pumping")
    PERINATAL_WELLBEING = "wellbeing", _("Stress, sleep and wellbeing")


class ContactKind(models.TextChoices):
    """The kind of help a support contact offers."""

    DOCTOR = "doctor", _("Doctor")
    MIDWIFE = "midwife", _("Midwife")
    HEALTH_VISITOR = "health-visitor", _("Health visitor or nurse")
    LACTATION_CONSULTANT = "lactation-consultant", _("Lactation consultant")
    PEER_SUPPORTER = "peer-supporter", _("Peer supporter")
    HELPLINE = "helpline", _("Helpline")
    EMERGENCY = "emergency", _("Emergency care")


class Credential(models.TextChoices):
    """A qualification a directory listing can show."""

    IBCLC = "ibclc", _("IBCLC (International Board Certified Lactation Consultant)")
    CLC = "clc", _("CLC (Certified Lactation Counselor)")
    BREASTFEEDING_COUNSELLOR = "counsellor", _("Breastfeeding counsellor")
    PEER_SUPPORTER = "peer-supporter", _("Breastfeeding peer supporter")
    MIDWIFE = "midwife", _("Midwife")
    NURSE = "nurse", _("Nurse or health visitor")
    DOCTOR = "doctor", _("Doctor")


class Service(models.TextChoices):
    """How a consultant sees families."""

    HOME_VISITS = "home-visits", _("Home visits")
    CLINIC = "clinic", _("Clinic appointments")
    HOSPITAL = "hospital", _("Hospital-based support")
    VIDEO = "video", _("Video consultations")
    PHONE = "phone", _("Phone consultations")
    SUPPORT_GROUP = "support-group", _("Support groups")


class Cost(models.TextChoices):
    """What a family pays, and who may pay for them."""

    FREE = "free", _("Free")
    SLIDING_SCALE = "sliding-scale", _("Sliding scale")
    PRIVATE_FEE = "private-fee", _("Private fee")
    MEDICAID = "medicaid", _("Medicaid")
    INSURANCE_MOST = "insurance-most", _("Most insurance plans")
    INSURANCE = "insurance", _("Named insurance plans")
    WIC = "wic", _("WIC peer counselling (free if eligible)")
    NHS = "nhs", _("NHS (free)")


class Language(models.TextChoices):
    """Languages a consultant works in, by ISO 639-1 code, shown by name."""

    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")
    ITALIAN = "it", _("Italian")
    PORTUGUESE = "pt", _("Portuguese")
    DUTCH = "nl", _("Dutch")
    POLISH = "pl", _("Polish")
    ROMANIAN = "ro", _("Romanian")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    URDU = "ur", _("Urdu")
    HINDI = "hi", _("Hindi")
    BENGALI = "bn", _("Bengali")
    PUNJABI = "pa", _("Punjabi")
    TAMIL = "ta", _("Tamil")
    CHINESE = "zh", _("Chinese")
    VIETNAMESE = "vi", _("Vietnamese")
    TAGALOG = "tl", _("Tagalog")
    KOREAN = "ko", _("Korean")
    JAPANESE = "ja", _("Japanese")
    RUSSIAN = "ru", _("Russian")
    UKRAINIAN = "uk", _("Ukrainian")
    SOMALI = "so", _("Somali")
    SWAHILI = "sw", _("Swahili")
    AMHARIC = "am", _("Amharic")
    MAORI = "mi", _("Māori")
    FARSI = "fa", _("Persian (Farsi)")
    SIGN_LANGUAGE = "sgn", _("Sign language")


class ListingSource(models.TextChoices):
    EDITOR = "editor", _("Added by an editor")
    SUGGESTION = "suggestion", _("Suggested through the website")
    DEMO = "demo", _("Demo listing")


class PlaceKind(models.TextChoices):
    POSTCODE = "postcode", _("Postcode or ZIP code")
    PLACE = "place", _("Town or city")
