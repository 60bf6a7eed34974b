"""Write the audit trail: `<app>.<entity>.<event>` actions with who and what."""

from __future__ import annotations

from typing import Any

from django.db import models

from coffee.core.models import AuditEntry


def log_action(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record one action; `actor` may be None for the system."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=target._meta.label_lower if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        data=data or {},
    )
