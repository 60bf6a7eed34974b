"""Pages about one's own account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from coffee.core.http import AuthenticatedHttpRequest
from coffee.people.forms import AccountSettingsForm
from coffee.people.services import user_update_settings


@login_required
def account_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Show and change one's name and preferred language."""
    user = request.user
    initial = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
    }
    form = AccountSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user_update_settings(user=user, **form.cleaned_data)
        translation.activate(user.language)
        messages.success(request, _("Your settings have been saved."))
        return redirect("people:account")
    roles = user.roles.select_related("organisation").all()
    return render(request, "people/account.html", {"form": form, "roles": roles})
