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
