"""Notices other apps listen to, sent only after the transaction commits.

The search index (skills app) sits above people in the import graph, so people
cannot call it; it tells it instead. These notices are side effects, never the
core flow: the change itself is already committed when they are sent.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

# Sent with `profile_id` when anything shown in a profile's search entry changed.
profile_changed = Signal()
# Sent with `profile_id` when a profile was erased or deleted.
profile_removed = Signal()


def notify_profile_changed(profile_id: int) -> None:
    """Tell listeners, once the current transaction commits, that a profile changed."""
    transaction.on_commit(lambda: profile_changed.send(sender=None, profile_id=profile_id))


def notify_profile_removed(profile_id: int) -> None:
    """Tell listeners, once the current transaction commits, that a profile is gone."""
    transaction.on_commit(lambda: profile_removed.send(sender=None, profile_id=profile_id))
