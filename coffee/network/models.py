"""The network: regions, organisations (spaces and centres), their hours and resources."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from coffee.core.models import TimeStampedModel

LANGUAGE_CHOICES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("ar", _("Arabic")),
]
TIME_ZONE_CHOICES = [
    ("Europe/Brussels", "Europe/Brussels"),
    ("Europe/Paris", "Europe/Paris"),
    ("Europe/Amsterdam", "Europe/Amsterdam"),
    ("Europe/Luxembourg", "Europe/Luxembourg"),
    ("Europe/Berlin", "Europe/Berlin"),
]


class Region(TimeStampedModel):
    """A region of the network (Wallonia, Flanders, Hauts-de-France, ...): data, never code."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    country = CountryField(_("country"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=TIME_ZONE_CHOICES, default="Europe/Brussels"
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "name"]

    def __str__(self) -> str:
        return str(self.name)


class Amenity(models.Model):
    """Something a space offers (wifi, kitchen, parking, ...)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    icon = models.CharField(_("icon"), max_length=8, blank=True, help_text=_("An emoji."))

    class Meta:
        verbose_name = _("amenity")
        verbose_name_plural = _("amenities")
        ordering = ["name"]

    def __str__(self) -> str:
        return str(self.name)


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def active_on(self, day: dt.date) -> OrganisationQuerySet:
        """Organisations that were part of the network on that day."""
        return self.filter(joined_on__lte=day).filter(Q(left_on__isnull=True) | Q(left_on__gt=day))

    def active(self) -> OrganisationQuerySet:
        return self.active_on(timezone.localdate())


class Organisation(TimeStampedModel):
    """A coworking space or a competence centre of the network."""

    class Kind(models.TextChoices):
        COWORKING = "coworking", _("Coworking space")
        COMPETENCE_CENTRE = "competence_centre", _("Competence centre")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), unique=True, max_length=150)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="organisations"
    )
    city = models.CharField(_("city"), max_length=100)
    street = models.CharField(_("street and number"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=12)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    amenities = models.ManyToManyField(
        Amenity, verbose_name=_("amenities"), blank=True, related_name="organisations"
    )
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="organisations/", blank=True)
    joined_on = models.DateField(_("date of joining the network"))
    left_on = models.DateField(_("date of leaving the network"), null=True, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gt=models.F("joined_on")),
                name="organisation_leaves_after_joining",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organisation-detail", kwargs={"slug": self.slug})

    @property
    def country(self) -> str:
        return str(self.region.country)

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.region.time_zone)

    def is_member_on(self, day: dt.date) -> bool:
        """Whether the organisation was part of the network on that day."""
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)

    @property
    def has_left(self) -> bool:
        return self.left_on is not None and self.left_on <= timezone.localdate()

    @property
    def is_coworking(self) -> bool:
        return self.kind == self.Kind.COWORKING


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """One opening period on a weekday, in the organisation's local time."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opening time"))
    closes = models.TimeField(_("closing time"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="opening_hours_close_after_opening"
            ),
            models.UniqueConstraint(
                fields=["organisation", "weekday", "opens"], name="opening_hours_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class Closure(models.Model):
    """An exceptional closure (holidays, works), first and last day included."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="closures"
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="closure_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on} - {self.ends_on}"


class Resource(TimeStampedModel):
    """Something a space offers to its members: desks, rooms, zones."""

    class Kind(models.TextChoices):
        OPEN_DESKS = "open_desks", _("Open-space desks")
        DEDICATED_DESK = "dedicated_desk", _("Dedicated desk")
        MEETING_ROOM = "meeting_room", _("Meeting room")
        EVENT_ROOM = "event_room", _("Event room")

    class Zone(models.TextChoices):
        FREE = "free", _("Free zone")
        PAID = "paid", _("Paid zone")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="resources",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    zone = models.CharField(_("zone"), max_length=4, choices=Zone.choices, default=Zone.PAID)
    quantity = models.PositiveIntegerField(
        _("quantity"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many desks of this kind (1 for a room)."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many people a room seats."),
    )
    price_per_hour = models.DecimalField(
        _("price per hour"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    price_per_day = models.DecimalField(
        _("price per day"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    is_active = models.BooleanField(_("currently offered"), default=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["organisation", "kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_per_hour__isnull=True) | Q(price_per_hour__gte=0),
                name="resource_price_per_hour_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(price_per_day__isnull=True) | Q(price_per_day__gte=0),
                name="resource_price_per_day_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} - {self.name}"

    @property
    def is_room(self) -> bool:
        return self.kind in {self.Kind.MEETING_ROOM, self.Kind.EVENT_ROOM}
