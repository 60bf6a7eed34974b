"""Template filters: money and languages in the reader's locale (see coffee.core.locale)."""

from __future__ import annotations

from django import template

from coffee.core import locale

register = template.Library()
register.filter("money", locale.format_money)
register.filter("language_name", locale.language_name)
