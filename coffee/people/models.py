"""People: the user (e-mail login), their roles and the spaces a manager runs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coffee.core.models import TimeStampedModel


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
                fields=["user", "role"],
                condition=Q(organisation__isnull=True),
                name="role_unique_networkwide",
            ),
        ]

    def __str__(self) -> str:
        if self.organisation_id:
            return f"{self.get_role_display()} ({self.organisation})"
        return str(self.get_role_display())
