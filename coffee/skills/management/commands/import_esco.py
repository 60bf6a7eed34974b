"""`manage.py import_esco PATH [PATH ...]`: the official ESCO CSV files, all or nothing."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coffee.skills.esco_import import EscoImportError, EscoImportReport, esco_import


class Command(BaseCommand):
    help = (
        "Import skills and occupations from the official ESCO CSV download (skills_xx.csv, "
        "occupations_xx.csv and the *Collection_xx.csv files, xx = fr, nl or en; a folder stands "
        "for the concept files in it). Labels are merged by concept URI. If any file has a "
        "problem, every problem is listed as file:line and nothing is imported. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="CSV files or folders.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the files and count, write nothing."
        )
        parser.add_argument("--quiet", action="store_true", help="Print only the problems.")

    def handle(
        self, *args: Any, paths: list[str], dry_run: bool, quiet: bool, **options: Any
    ) -> None:
        started = time.perf_counter()
        try:
            report = esco_import(
                paths=paths, dry_run=dry_run, progress=None if quiet else self.stdout.write
            )
        except EscoImportError as exc:
            for problem in exc.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(exc.problems)} problem(s) found: nothing was imported."
            ) from exc
        if not quiet:
            self._summary(report, time.perf_counter() - started)

    def _summary(self, report: EscoImportReport, elapsed: float) -> None:
        created, updated = ("to create", "to update") if report.dry_run else ("created", "updated")
        self.stdout.write(
            f"{report.concepts} concepts: {report.created} {created}, {report.updated} {updated}, "
            f"{report.unchanged} unchanged ({elapsed:.1f} s)."
        )
        if report.dry_run:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
        else:
            self.stdout.write(self.style.SUCCESS("ESCO import done."))
