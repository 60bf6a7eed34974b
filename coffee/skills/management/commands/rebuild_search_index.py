"""Rebuild the catalogue's search index from the profiles (after a restore, an import, a bug)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection

from coffee.skills.search import schema
from coffee.skills.search.index import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search entries of every visible profile, and repair the index objects."

    def handle(self, *args: Any, **options: Any) -> None:
        for name in schema.repair(connection):
            self.stdout.write(f"Recreated {name}.")
        count = rebuild_index()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} profiles."))
