"""Writes about the private token of one's calendar feed."""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction

from coffee.core.audit import log_action
from coffee.events.models import CalendarToken


@transaction.atomic
def calendar_token_regenerate(*, user: Any) -> CalendarToken:
    """Give the person a new private feed address; the old one stops working at once."""
    token, _created = CalendarToken.objects.update_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    log_action(actor=user, action="events.calendar_token.regenerated", target=token)
    return token


@transaction.atomic
def calendar_token_revoke(*, user: Any) -> None:
    """Switch the private feed off."""
    deleted, _rows = CalendarToken.objects.filter(user=user).delete()
    if deleted:
        log_action(actor=user, action="events.calendar_token.revoked", target=user)
