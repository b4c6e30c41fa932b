"""Admin forms for the editorial side of the site."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from core.background import run_in_background
from core.models import ReviewerProfile


class ReviewerProfileForm(forms.ModelForm):
    """A reviewer's public name and credentials, as they fill them in themselves."""

    class Meta:
        model = ReviewerProfile
        fields = ["display_name", "credentials"]


class UploadedImageField(WagtailImageField):
    """Wagtail's image field, for files that are broken or hostile as well as real pictures.

    Wagtail opens the upload with Willow, then reads its size and frame count; a truncated
    GIF, PNG or JPEG passes the first step and then makes Pillow raise whatever its decoder
    raises (OSError "image file is truncated", SyntaxError, ValueError, struct.error…),
    which was a 500. Any failure to read the picture is a form error instead.
    """

    default_error_messages = {
        "unreadable_image": _(
            "This file is damaged or is not a picture we can read. Save it again as a PNG or "
            "JPEG and upload that."
        )
    }

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:
            raise ValidationError(
                self.error_messages["unreadable_image"], code="unreadable_image"
            ) from error


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): every upload screen, single
    and multiple, reads the file with `UploadedImageField`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            given = self.fields["file"]
            self.fields["file"] = UploadedImageField(
                label=given.label, required=given.required, widget=given.widget
            )


class QuietPasswordResetForm(PasswordResetForm):
    """The admin's password reset, answering a known and an unknown address alike.

    Rendering and sending the email happen after the answer (`core.background`), so how long
    the answer takes says nothing about whether the address has an account.
    """

    def send_mail(self, *args, **kwargs):
        run_in_background(lambda: super(QuietPasswordResetForm, self).send_mail(*args, **kwargs))
