"""The seating of a speed-networking event: settings, rounds already held, the plan itself."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from coffee.core.models import TimeStampedModel
from coffee.events.models import Event

# The planner's limits (issue: tables of 2 to 6); forms and the database use them too.
MIN_TABLE_SIZE = 2
MAX_TABLE_SIZE = 6
MAX_ROUNDS = 30


class NetworkingPlan(TimeStampedModel):
    """Who sits at which table in every round; rounds before ``rounds_held`` never change.

    ``plan`` holds rounds -> tables -> user ids as strings (the planner's ids), ``quality``
    the planner's figures for the whole plan, ``departed`` the ids of people who left early.
    ``revision`` grows with every write, so that a re-plan computed from a stale state is
    refused instead of overwriting a newer one.
    """

    event = models.OneToOneField(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="networking_plan"
    )
    table_size = models.PositiveSmallIntegerField(_("people per table"))
    rounds = models.PositiveSmallIntegerField(_("rounds"))
    seed = models.PositiveIntegerField(_("draw number"), default=1)
    rounds_held = models.PositiveSmallIntegerField(_("rounds held"), default=0)
    plan = models.JSONField(_("seating"), default=list, blank=True)
    quality = models.JSONField(_("quality"), default=dict, blank=True)
    departed = models.JSONField(_("left early"), default=list, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("speed-networking plan")
        verbose_name_plural = _("speed-networking plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(table_size__gte=MIN_TABLE_SIZE, table_size__lte=MAX_TABLE_SIZE),
                name="networking_plan_table_size_2_to_6",
            ),
            models.CheckConstraint(
                condition=Q(rounds__gte=1), name="networking_plan_at_least_one_round"
            ),
            models.CheckConstraint(
                condition=Q(rounds_held__lte=F("rounds")),
                name="networking_plan_held_within_rounds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} ({self.rounds_held}/{self.rounds})"

    @property
    def next_round(self) -> int | None:
        """Number (from 1) of the next round to be held, or None when all are over."""
        return self.rounds_held + 1 if self.rounds_held < self.rounds else None

    @property
    def is_over(self) -> bool:
        return self.rounds_held >= self.rounds

    def seated_ids(self, *, from_round: int = 0) -> set[str]:
        """Ids seated in any round from ``from_round`` (0-based) onwards."""
        return {pid for tables in self.plan[from_round:] for table in tables for pid in table}
