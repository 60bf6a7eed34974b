"""Pages about one's own account: settings, privacy (export, erasure), photos, companies."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coffee.core.admin import sees_everything
from coffee.core.http import AuthenticatedHttpRequest
from coffee.people import privacy
from coffee.people.errors import CompanyError
from coffee.people.forms import AccountSettingsForm, CompanyForm, EraseForm
from coffee.people.models import Company, Profile, Role, Visibility
from coffee.people.photos import photo_content_type
from coffee.people.services import company_create, company_update, user_update_settings


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
    roles = user.roles.select_related("organisation", "company").all()
    return render(request, "people/account.html", {"form": form, "roles": roles})


def _privacy_page(request: AuthenticatedHttpRequest, form: EraseForm) -> HttpResponse:
    choices = dict(Visibility.choices)
    consents = [
        (consent, choices.get(consent.value, consent.value))
        for consent in request.user.consents.all()[:20]
    ]
    context = {
        "form": form,
        "consents": consents,
        "profile": Profile.objects.filter(user=request.user).first(),
    }
    return render(request, "people/privacy.html", context)


@login_required
def privacy_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Download one's data, see one's consents, erase one's account."""
    return _privacy_page(request, EraseForm(request.user))


@login_required
def export_zip(request: AuthenticatedHttpRequest) -> HttpResponse:
    """All of one's data: a ZIP holding the JSON file and a CSV of one's skills."""
    privacy.user_export_record(user=request.user)
    response = HttpResponse(privacy.user_export_zip(user=request.user), "application/zip")
    name = f"coffee-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    """All of one's data as one JSON file."""
    privacy.user_export_record(user=request.user)
    data = privacy.user_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"indent": 2, "ensure_ascii": False})
    name = f"coffee-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def erase(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Erase one's account, once the password is confirmed."""
    form = EraseForm(request.user, request.POST)
    if not form.is_valid():
        return _privacy_page(request, form)
    privacy.user_erase(user=request.user, actor=request.user)
    logout(request)
    messages.success(request, _("Your account and your personal data have been erased."))
    return redirect("home")


def photo(request: HttpRequest, pk: int) -> FileResponse:
    """A profile's photo, for those allowed to see the profile, never sniffed as anything else."""
    profile: Profile = get_object_or_404(Profile.objects.select_related("user"), pk=pk)
    if not profile.photo or not privacy.profile_visible_to(profile, request.user):
        raise Http404
    name = str(profile.photo.name)
    try:
        handle = profile.photo.storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    extension = name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle, content_type=photo_content_type(name), filename=f"profile-{pk}.{extension}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=300"
    return response


def _next_url(request: HttpRequest) -> str | None:
    url = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure())
    return url if url and safe else None


def _company_saved(request: HttpRequest, company: Company, message: str) -> HttpResponse:
    messages.success(request, message)
    next_url = _next_url(request)
    return redirect(next_url) if next_url else redirect("people:company-edit", pk=company.pk)


@login_required
def company_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Register one's company and become its contact."""
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            company = company_create(**form.cleaned_data, creator=request.user)
        except CompanyError as error:
            form.add_domain_error(error)
        else:
            return _company_saved(request, company, _("Your company has been registered."))
    context = {"form": form, "company": None, "next": _next_url(request)}
    return render(request, "people/company_form.html", context)


def _may_edit(user: Any, company: Company) -> bool:
    contact = Role.objects.filter(user=user, role=Role.Kind.COMPANY_CONTACT, company=company)
    return sees_everything(user) or contact.exists()


@login_required
def company_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A company's contact (or a coordinator) changes its details."""
    company = get_object_or_404(Company, pk=pk)
    if not _may_edit(request.user, company):
        raise PermissionDenied
    form = CompanyForm(request.POST or None, initial=CompanyForm.initial_for(company))
    if request.method == "POST" and form.is_valid():
        try:
            company_update(company=company, actor=request.user, **form.cleaned_data)
        except CompanyError as error:
            form.add_domain_error(error)
        else:
            return _company_saved(request, company, _("The company has been saved."))
    context = {"form": form, "company": company, "next": _next_url(request)}
    return render(request, "people/company_form.html", context)
