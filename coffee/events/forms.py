"""Forms of the agenda: the filters, and an event as its organisers describe it."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coffee.core.admin import managed_ids, sees_everything
from coffee.events.models import Audience, Event, EventKind
from coffee.events.selectors import AgendaFilters
from coffee.events.services import EventData
from coffee.network.models import LANGUAGE_CHOICES, TIME_ZONE_CHOICES, Organisation
from coffee.network.selectors import country_codes

CONTENT_LANGUAGES = [code for code, _name in settings.LANGUAGES]
LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class AgendaFilterForm(forms.Form):
    """Filters of the agenda; unknown values are refused with a message and ignored."""

    space = forms.ChoiceField(label=_("Space"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *EventKind.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *LANGUAGE_CHOICES],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        spaces = Organisation.objects.active().order_by("name").values_list("slug", "name")
        self._choice("space").choices = [("", _("All spaces")), *spaces]
        self._choice("country").choices = [("", _("All countries"))] + [
            (code, countries.name(code)) for code in country_codes()
        ]

    def _choice(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def filters(self) -> AgendaFilters:
        """The filters to apply: none when the form is invalid."""
        if not self.is_valid():
            return AgendaFilters()
        return AgendaFilters(**self.cleaned_data)


def local_datetime_field(label: Any, *, required: bool = True, help_text: Any = "") -> Any:
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT)
    return forms.DateTimeField(label=label, required=required, widget=widget, help_text=help_text)


FIELDSETS = [
    (_("What"), ["kind", *(f"title_{c}" for c in CONTENT_LANGUAGES)]),
    (_("Description"), [f"description_{c}" for c in CONTENT_LANGUAGES]),
    (_("Hosts"), ["host", "co_hosts"]),
    (_("When"), ["time_zone", "starts_at", "ends_at"]),
    (_("Where"), ["place", "online_url"]),
    (_("For whom"), ["audience", "languages", "capacity", "price"]),
    (_("Only if enough people sign up"), ["minimum_participants", "decision_deadline"]),
]


class EventForm(forms.Form):
    """An event as its organisers see it: times are local times in the event's time zone."""

    kind = forms.ChoiceField(label=_("Type"), choices=EventKind.choices)
    host: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Host space"), queryset=Organisation.objects.none()
    )
    co_hosts: forms.ModelMultipleChoiceField[Organisation] = forms.ModelMultipleChoiceField(
        label=_("Other host spaces"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For an event run together by several spaces, across the border or not."),
    )
    title_fr = forms.CharField(label=_("Title in French"), max_length=200, required=False)
    title_nl = forms.CharField(label=_("Title in Dutch"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    description_fr = forms.CharField(
        label=_("Description in French"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    description_nl = forms.CharField(
        label=_("Description in Dutch"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    description_en = forms.CharField(
        label=_("Description in English"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        required=False,
        choices=[("", _("The host space's time zone")), *TIME_ZONE_CHOICES],
        help_text=_("Start and end are read as local times in this zone."),
    )
    starts_at = local_datetime_field(_("Start"))
    ends_at = local_datetime_field(_("End"))
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=10_000)
    price = forms.DecimalField(
        label=_("Price in euros"), min_value=0, max_digits=8, decimal_places=2, initial=0
    )
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    minimum_participants = forms.IntegerField(
        label=_("Minimum number of participants"),
        min_value=1,
        required=False,
        help_text=_("Leave empty unless the event happens only if enough people sign up."),
    )
    decision_deadline = local_datetime_field(
        _("Decision deadline"),
        required=False,
        help_text=_("If the minimum is not reached by then, the event is cancelled with notice."),
    )

    def __init__(self, *args: Any, user: Any, event: Event | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        if event is not None and not kwargs.get("data"):
            kwargs["initial"] = initial_from_event(event)
        super().__init__(*args, **kwargs)
        hosts = Organisation.objects.select_related("region").order_by("name")
        if not sees_everything(user):
            hosts = hosts.filter(pk__in=managed_ids(user))
        cast(forms.ModelChoiceField, self.fields["host"]).queryset = hosts
        if event is None and len(hosts) == 1:
            self.fields["host"].initial = hosts[0].pk
        co_hosts = Organisation.objects.active().select_related("region").order_by("name")
        cast(forms.ModelMultipleChoiceField, self.fields["co_hosts"]).queryset = co_hosts

    def fieldsets(self) -> list[tuple[Any, list[forms.BoundField]]]:
        """The fields in groups, as the page shows them."""
        return [(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def full_clean(self) -> None:
        # Local times typed in the form are read in the event's zone, not the visitor's.
        with timezone.override(self.event_zone()):
            super().full_clean()

    def event_zone(self) -> zoneinfo.ZoneInfo:
        """The zone chosen, or else the lead host's zone, or else the site's default zone."""
        chosen = self.data.get("time_zone", "") if self.is_bound else ""
        if chosen in dict(TIME_ZONE_CHOICES):
            return zoneinfo.ZoneInfo(chosen)
        host_id = str(self.data.get("host", "")) if self.is_bound else ""
        if host_id.isdigit():
            hosts = Organisation.objects.select_related("region")
            organisation = hosts.filter(pk=int(host_id)).first()
            if organisation is not None:
                return organisation.tzinfo
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def to_data(self) -> EventData:
        """The cleaned form as the services take it (call after is_valid)."""
        data = self.cleaned_data
        host = data["host"]
        return EventData(
            kind=data["kind"],
            hosts=[host, *(o for o in data["co_hosts"] if o.pk != host.pk)],
            titles={code: data[f"title_{code}"] for code in CONTENT_LANGUAGES},
            descriptions={code: data[f"description_{code}"] for code in CONTENT_LANGUAGES},
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            time_zone=data["time_zone"],
            place=data["place"],
            online_url=data["online_url"],
            capacity=data["capacity"],
            price=data["price"],
            audience=data["audience"],
            languages=data["languages"],
            minimum_participants=data["minimum_participants"],
            decision_deadline=data["decision_deadline"],
        )


def initial_from_event(event: Event) -> dict[str, Any]:
    """The form's initial values: naive local times in the event's zone."""
    hosts = event.host_organisations

    def local(moment: dt.datetime | None) -> dt.datetime | None:
        return timezone.make_naive(moment, event.tzinfo) if moment else None

    initial: dict[str, Any] = {
        "kind": event.kind,
        "host": hosts[0].pk if hosts else None,
        "co_hosts": [host.pk for host in hosts[1:]],
        "time_zone": event.time_zone,
        "starts_at": local(event.starts_at),
        "ends_at": local(event.ends_at),
        "decision_deadline": local(event.decision_deadline),
        "languages": [language.code for language in event.languages.all()],
    }
    for name in ("place", "online_url", "capacity", "price", "audience", "minimum_participants"):
        initial[name] = getattr(event, name)
    for code in CONTENT_LANGUAGES:
        initial[f"title_{code}"] = getattr(event, f"title_{code}") or ""
        initial[f"description_{code}"] = getattr(event, f"description_{code}") or ""
    return initial
