"""Background work of the agenda (django-tasks; `manage.py db_worker` runs it)."""

from __future__ import annotations

from django_tasks import task

from coffee.events.services.trainings import training_decide


@task()
def training_decide_at_deadline(event_id: int) -> str:
    """At a threshold event's decision deadline, confirm or cancel it (safe to run twice)."""
    return training_decide(event_id=event_id)
