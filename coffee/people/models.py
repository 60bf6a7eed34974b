"""People: the user (e-mail login), their roles and the spaces a manager runs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from coffee.core.models import TimeStampedModel

# How a member without a name is shown.
ANONYMOUS_NAME = _("Member of the network")


def display_name(first_name: str, last_name: str) -> str:
    """How a member is named on pages: their full name, or a neutral phrase without one."""
    return f"{first_name} {last_name}".strip() or str(ANONYMOUS_NAME)


class CoffeeUserManager(UserManager["User"]):
    """Users are identified by their e-mail address, not a username."""

    use_in_migrations = True

    def _create_user_object(
        self, username: Any, email: str | None, password: str | None, **extra_fields: Any
    ) -> User:
        email = self.normalize_email(email)
        user = self.model(email=email, **extra_fields)
        user.password = ""
        if password is None:
            user.set_unusable_password()
        else:
            user.set_password(password)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        user = self._create_user_object(None, email, password, **extra_fields)
        user.save(using=self._db)
        return user

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self.create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account; the e-mail address is the login."""

    username = None  # type: ignore[assignment,misc]
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="fr"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = CoffeeUserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def has_role(self, role: str) -> bool:
        return any(r.role == role for r in self._roles())

    @property
    def is_coordinator(self) -> bool:
        return self.has_role(Role.Kind.COORDINATOR)

    def managed_organisation_ids(self) -> set[int]:
        """Ids of the organisations this person manages."""
        return {
            r.organisation_id
            for r in self._roles()
            if r.role == Role.Kind.SPACE_MANAGER and r.organisation_id is not None
        }

    def _roles(self) -> list[Role]:
        # Cached per instance: admin permission checks ask many times per request.
        if not hasattr(self, "_role_cache"):
            self._role_cache = list(self.roles.all()) if self.pk else []
        return self._role_cache


class Role(TimeStampedModel):
    """A role held by a person; a space manager's role names the space."""

    class Kind(models.TextChoices):
        MEMBER = "member", _("Member")
        SPACE_MANAGER = "space_manager", _("Space manager")
        COORDINATOR = "coordinator", _("Network coordinator")
        CONSULTANT = "consultant", _("Consultant")
        COMPANY_CONTACT = "company_contact", _("Company contact")

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("space"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="roles",
    )
    company = models.ForeignKey(
        "people.Company",
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="space_manager") | Q(organisation__isnull=False),
                name="role_space_manager_names_a_space",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                condition=Q(organisation__isnull=False),
                name="role_unique_per_space",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "company"],
                condition=Q(company__isnull=False),
                name="role_unique_per_company",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(organisation__isnull=True) & Q(company__isnull=True),
                name="role_unique_networkwide",
            ),
        ]

    def __str__(self) -> str:
        if self.organisation_id:
            return f"{self.get_role_display()} ({self.organisation})"
        if self.company_id:
            return f"{self.get_role_display()} ({self.company})"
        return str(self.get_role_display())


class Sector(models.TextChoices):
    ICT = "ict", _("Information and communication technology")
    CREATIVE = "creative", _("Cultural and creative industries")
    BUSINESS = "business", _("Business services")
    LEGAL = "legal", _("Legal and administrative services")
    MARKETING = "marketing", _("Marketing and communication")
    CRAFTS = "crafts", _("Crafts and making")
    EDUCATION = "education", _("Education and training")
    SUSTAINABILITY = "sustainability", _("Sustainability and environment")
    HEALTH = "health", _("Health and wellbeing")
    OTHER = "other", _("Other")


class Company(TimeStampedModel):
    """A company, with an enterprise or VAT number valid for its country."""

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"))
    registration_number = models.CharField(
        _("enterprise number"),
        max_length=20,
        blank=True,
        help_text=_("Belgian enterprise number, French SIREN or SIRET."),
    )
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    created_on = models.DateField(_("creation date"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "registration_number"],
                condition=~Q(registration_number=""),
                name="company_unique_registration_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone can see my profile")
    MEMBERS = "members", _("Members only: people logged in to the network")
    HIDDEN = "hidden", _("Hidden: only me and the network coordinators")


class Status(models.TextChoices):
    FREELANCER = "freelancer", _("Freelancer")
    FOUNDER = "founder", _("Founder")
    EMPLOYEE = "employee", _("Employee")
    JOB_SEEKER = "job_seeker", _("Job seeker")
    STUDENT = "student", _("Student")


class Profile(TimeStampedModel):
    """What a member shows the network: who they are, where, what they can do."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    headline = models.CharField(_("headline"), max_length=160, blank=True)
    bio = models.TextField(_("about me"), blank=True, max_length=4000)
    photo = models.ImageField(_("photo"), upload_to="profiles/", blank=True)
    home_space = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("home space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="home_profiles",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, blank=True)
    company = models.ForeignKey(
        Company,
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profiles",
    )
    links = models.JSONField(_("links"), default=list, blank=True)
    open_to_cross_border = models.BooleanField(_("open to cross-border work"), default=False)
    willing_to_travel = models.BooleanField(_("willing to travel"), default=False)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.MEMBERS
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [models.Index(fields=["visibility"])]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def display_name(self) -> str:
        return display_name(self.user.first_name, self.user.last_name)


class LanguageLevel(models.TextChoices):
    BASIC = "basic", _("Basic")
    CONVERSATIONAL = "conversational", _("Conversational")
    FLUENT = "fluent", _("Fluent")
    NATIVE = "native", _("Native")


class ProfileLanguage(models.Model):
    """A language a member speaks, with their level."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=5)
    level = models.CharField(_("level"), max_length=20, choices=LanguageLevel.choices)

    class Meta:
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="profile_language_unique")
        ]

    def __str__(self) -> str:
        return f"{self.language} ({self.level})"


class Consent(models.Model):
    """A consent given or withdrawn, with its date: what the member agreed to, and when."""

    class Purpose(models.TextChoices):
        TERMS = "terms", _("Terms of use and privacy notice")
        VISIBILITY = "visibility", _("Visibility of my profile")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    value = models.CharField(_("choice"), max_length=50)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.purpose}={self.value} @ {self.recorded_at:%Y-%m-%d}"
