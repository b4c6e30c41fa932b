"""Admin forms for the editorial side of the site."""

from django import forms

from core.models import ReviewerProfile


class ReviewerProfileForm(forms.ModelForm):
    """A reviewer's public name and credentials, as they fill them in themselves."""

    class Meta:
        model = ReviewerProfile
        fields = ["display_name", "credentials"]
