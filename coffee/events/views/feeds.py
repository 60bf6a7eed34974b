"""iCalendar feeds, outside the language prefix: ?lang=nl picks the language of the texts."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _

from coffee.events.feeds import calendar_build
from coffee.events.models import EventKind
from coffee.events.selectors import feed_events, feed_events_for_token, registrations_of
from coffee.network.models import Organisation

CONTENT_TYPE = "text/calendar; charset=utf-8"


def ics_response(body: bytes, filename: str, *, private: bool = False) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store" if private else "public, max-age=900"
    return response


def feed_language(request: HttpRequest, default: str = "") -> str:
    languages = dict(settings.LANGUAGES)
    asked = request.GET.get("lang", "")
    if asked in languages:
        return asked
    return default if default in languages else settings.LANGUAGE_CODE


def network_feed(request: HttpRequest) -> HttpResponse:
    """Every published (or cancelled) event of the network."""
    with translation.override(feed_language(request)):
        body = calendar_build(events=feed_events(), name=_("COFFEE network agenda"))
    return ics_response(body, "coffee-events.ics")


def space_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """The events one space hosts (alone or with others)."""
    space = get_object_or_404(Organisation, slug=slug)
    with translation.override(feed_language(request)):
        name = _("Agenda of %(space)s") % {"space": space.name}
        body = calendar_build(events=feed_events(space=slug), name=name)
    return ics_response(body, f"coffee-{slug}.ics")


def type_feed(request: HttpRequest, kind: str) -> HttpResponse:
    """The events of one type (trainings, visits, ...)."""
    if kind not in EventKind.values:
        raise Http404
    with translation.override(feed_language(request)):
        name = _("COFFEE agenda: %(type)s") % {"type": EventKind(kind).label}
        body = calendar_build(events=feed_events(kind=kind), name=name)
    return ics_response(body, f"coffee-{kind}.ics")


def personal_feed(request: HttpRequest, token: str) -> HttpResponse:
    """One's registrations, behind a private token; waiting-list places are tentative."""
    user, events = feed_events_for_token(token=token)
    statuses = {pk: r.status for pk, r in registrations_of(user=user, events=events).items()}
    with translation.override(feed_language(request, default=user.language)):
        name = _("My COFFEE agenda")
        body = calendar_build(events=events, name=name, registrations=statuses)
    return ics_response(body, "coffee-me.ics", private=True)
