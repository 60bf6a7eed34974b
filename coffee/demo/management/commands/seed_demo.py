"""`manage.py seed_demo`: the demo network, demo accounts and synthetic members, idempotent."""

from __future__ import annotations

import argparse
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser, DjangoHelpFormatter

from coffee.demo.people import DEMO_PASSWORD, demo_accounts
from coffee.demo.services import SeedReport, demo_seed


def _accounts_text() -> str:
    lines = [f"  {account.email:<48} {account.label}" for account in demo_accounts()]
    return "\n".join(lines)


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Keeps the line breaks of the description, so the accounts list stays readable."""


def _non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


class Command(BaseCommand):
    help = (
        "Build the demo network of the source documents (regions, amenities, coworking spaces and "
        "competence centres with hours, closures and resources), demo accounts and synthetic "
        "members. Safe to run again: it only adds what is missing, all or nothing.\n\n"
        f"Demo accounts (password {DEMO_PASSWORD!r}, local demo only):\n{_accounts_text()}"
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--members", type=_non_negative, default=300, help="Synthetic members (default 300)."
        )
        parser.add_argument(
            "--seed", type=int, default=2016, help="Seed of the made-up names (default 2016)."
        )

    def handle(self, *args: Any, members: int, seed: int, **options: Any) -> None:
        started = time.perf_counter()
        report = demo_seed(members=members, seed=seed)
        self._print_report(report)
        self.stdout.write(f"\nDemo accounts (password {DEMO_PASSWORD!r}, local demo only):")
        self.stdout.write(_accounts_text())
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"\nDemo data ready in {elapsed:.1f} s."))

    def _print_report(self, report: SeedReport) -> None:
        width = max(len(what) for what in report.counts)
        for what, (created, existing) in report.counts.items():
            self.stdout.write(
                f"  {what:<{width}}  {created:>4} created, {existing:>4} already there"
            )
        if not report.created:
            self.stdout.write("Nothing new: the demo data was already there.")
