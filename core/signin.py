"""What happens when a sign-in is complete, and only then.

A sign-in is complete after the second factor where the admin requires one, after the
password where it does not. Until then nothing about the account's protection changes:
the lockout counters are not reset (an attacker who knows one editor's password must not
clear the guesses made at another account from the same address) and the session id is not
trusted. Once complete, the session id changes and the failed attempts made against that
username, and only that username, are forgotten.
"""

from axes.utils import reset as axes_reset

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


def signin_completed(request, user) -> None:
    """The whole sign-in has succeeded: rotate the session id, forget this username's misses."""
    request.session.cycle_key()
    axes_reset(username=user.get_username())


@receiver(user_logged_in, dispatch_uid="core_signin_password_only")
def _password_accepted(sender, request, user, **kwargs):
    """With no second factor required, the password completes the sign-in."""
    if request is not None and not settings.ADMIN_SECOND_FACTOR_REQUIRED:
        signin_completed(request, user)
