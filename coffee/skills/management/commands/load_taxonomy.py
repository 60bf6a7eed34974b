"""`manage.py load_taxonomy`: add or update the starter taxonomy; never deletes, all or nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from coffee.skills.taxonomy import Tally, taxonomy_load_starter


class Command(BaseCommand):
    help = (
        "Load the starter skills taxonomy (coffee/skills/data) in French, Dutch and English: "
        "missing categories and skills are created, changed ones updated, nothing is deleted. "
        "Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = taxonomy_load_starter()
        self.stdout.write(_line("categories", result.categories))
        self.stdout.write(_line("skills", result.skills))
        for conflict in result.uri_conflicts:
            self.stderr.write(f"ESCO URI already used by another skill, not mapped: {conflict}")
        self.stdout.write(self.style.SUCCESS("Starter taxonomy loaded."))


def _line(what: str, tally: Tally) -> str:
    return (
        f"  {what:<10} {tally.created:>4} created, {tally.updated:>4} updated, "
        f"{tally.unchanged:>4} unchanged"
    )
