"""The agenda: events hosted by spaces, registrations with a waiting list, calendar tokens."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coffee.core.models import TimeStampedModel
from coffee.network.models import LANGUAGE_CHOICES, TIME_ZONE_CHOICES, Organisation


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    SPEED_NETWORKING = "speed-networking", _("Speed networking")
    SEMINAR = "seminar", _("Seminar")
    VISIT = "visit", _("Visit")
    ONLINE = "online", _("Online session")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    MEMBERS = "members", _("Members of the network")
    JOB_SEEKERS_STUDENTS = "job-seekers-students", _("Job seekers and students")
    ENTREPRENEURS = "entrepreneurs", _("Founders and freelancers")
    COMPANIES = "companies", _("Companies")
    MANAGERS = "managers", _("Space managers")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class CancellationReason(models.TextChoices):
    NONE = "", _("Not cancelled")
    ORGANISER = "organiser", _("Cancelled by the organisers")
    MINIMUM_NOT_REACHED = "minimum-not-reached", _("Not enough participants")


class Event(TimeStampedModel):
    """Something that happens at one or several spaces (or online), on a date, for some people."""

    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    hosts = models.ManyToManyField(
        Organisation, through="EventHost", verbose_name=_("host spaces"), related_name="events"
    )
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    time_zone = models.CharField(_("time zone"), max_length=64, choices=TIME_ZONE_CHOICES)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    confirmed_count = models.PositiveIntegerField(_("confirmed participants"), default=0)
    price = models.DecimalField(
        _("price"),
        max_digits=8,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    audience = models.CharField(
        _("audience"), max_length=30, choices=Audience.choices, default=Audience.EVERYONE
    )
    minimum_participants = models.PositiveIntegerField(
        _("minimum participants"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    decision_deadline = models.DateTimeField(_("decision deadline"), null=True, blank=True)
    minimum_reached_at = models.DateTimeField(_("minimum reached"), null=True, blank=True)
    cancellation_reason = models.CharField(
        _("reason for cancelling"),
        max_length=30,
        choices=CancellationReason.choices,
        default=CancellationReason.NONE,
        blank=True,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_capacity_positive"),
            models.CheckConstraint(
                condition=Q(confirmed_count__lte=F("capacity")),
                name="event_seats_within_capacity",
            ),
            models.CheckConstraint(condition=Q(price__gte=0), name="event_price_not_negative"),
            models.CheckConstraint(
                condition=~Q(place="", online_url=""), name="event_has_place_or_link"
            ),
            models.CheckConstraint(
                condition=Q(minimum_participants__isnull=True, decision_deadline__isnull=True)
                | Q(minimum_participants__isnull=False, decision_deadline__isnull=False),
                name="event_minimum_with_deadline",
            ),
            models.CheckConstraint(
                condition=Q(minimum_participants__isnull=True)
                | Q(minimum_participants__lte=F("capacity")),
                name="event_minimum_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(decision_deadline__isnull=True)
                | Q(decision_deadline__lte=F("starts_at")),
                name="event_decision_before_start",
            ),
        ]

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("events:event-detail", kwargs={"pk": self.pk})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_starts_at(self) -> dt.datetime:
        return timezone.localtime(self.starts_at, self.tzinfo)

    @property
    def local_ends_at(self) -> dt.datetime:
        return timezone.localtime(self.ends_at, self.tzinfo)

    @property
    def local_day(self) -> dt.date:
        return self.local_starts_at.date()

    @property
    def host_organisations(self) -> list[Organisation]:
        """The host spaces, lead host first (from the prefetched rows when there are some)."""
        return [host.organisation for host in self.event_hosts.all()]

    @property
    def is_cross_border(self) -> bool:
        """Hosts, or participants, from more than one country (counted by the selectors)."""
        hosts = getattr(self, "host_country_count", 0)
        participants = getattr(self, "participant_country_count", 0)
        return hosts > 1 or participants > 1

    @property
    def is_free(self) -> bool:
        return self.price == 0

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.confirmed_count >= self.capacity

    @property
    def has_minimum(self) -> bool:
        return self.minimum_participants is not None

    @property
    def is_waiting_for_minimum(self) -> bool:
        """A threshold event whose minimum is not reached yet (it may still be cancelled)."""
        return self.has_minimum and self.minimum_reached_at is None and self.is_published

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_draft(self) -> bool:
        return self.status == EventStatus.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED


class EventHost(models.Model):
    """A space hosting an event; position 0 is the lead host, whose zone is the default."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_hosts")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("space"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("host space")
        verbose_name_plural = _("host spaces")
        ordering = ["event", "position"]
        constraints = [
            models.UniqueConstraint(fields=["event", "organisation"], name="event_host_unique"),
            models.UniqueConstraint(
                fields=["event", "position"], name="event_host_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.organisation_id}"


class EventLanguage(models.Model):
    """A language spoken at an event (a row each, so that the agenda filters on every database)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)

    class Meta:
        verbose_name = _("language of an event")
        verbose_name_plural = _("languages of events")
        ordering = ["event", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="event_language_unique"),
        ]

    def __str__(self) -> str:
        return self.code


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(TimeStampedModel):
    """One person's place at an event: a seat, a place in the queue, or a cancelled request."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    waiting_position = models.PositiveIntegerField(
        _("position on the waiting list"), null=True, blank=True
    )
    attended = models.BooleanField(_("attended"), default=False)
    promoted_at = models.DateTimeField(_("taken off the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="registration_one_active_per_person",
            ),
            models.UniqueConstraint(
                fields=["event", "waiting_position"],
                condition=Q(waiting_position__isnull=False),
                name="registration_unique_waiting_position",
            ),
            models.CheckConstraint(
                condition=Q(status="waiting", waiting_position__isnull=False)
                | (~Q(status="waiting") & Q(waiting_position__isnull=True)),
                name="registration_position_only_when_waiting",
            ),
            models.CheckConstraint(
                condition=Q(attended=False) | Q(status="confirmed"),
                name="registration_attendance_only_when_confirmed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.event_id} ({self.status})"

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING


class CalendarToken(TimeStampedModel):
    """The private token of one person's calendar feed; regenerating it revokes the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(_("token"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.token[:6]}…"
