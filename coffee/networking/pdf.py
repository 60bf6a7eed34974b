"""Printable sheets: a page per table, a page per participant in that person's language.

The same HTML serves the print view and the PDF (WeasyPrint renders it for print media);
its stylesheet is inlined, so WeasyPrint never fetches anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString
from weasyprint import HTML
from weasyprint.urls import URLFetchingError

from coffee.events.models import Event
from coffee.networking.models import NetworkingPlan
from coffee.networking.selectors import (
    ParticipantSheet,
    Person,
    participant_sheets,
    table_sheets,
)


def table_sheets_html(
    *, request: HttpRequest, event: Event, plan: NetworkingPlan, people: Mapping[str, Person]
) -> str:
    """A page per table listing who sits there in every round, in the reader's language."""
    context = {"event": event, "plan": plan, "sheets": table_sheets(plan=plan, people=people)}
    return render_to_string("networking/table_sheets.html", context, request=request)


def participant_sheets_html(
    *,
    request: HttpRequest,
    event: Event,
    plan: NetworkingPlan,
    people: Mapping[str, Person],
    only: str | None = None,
    language: str | None = None,
) -> str:
    """A page per participant, each in that participant's language (or all in ``language``)."""
    sheets = participant_sheets(plan=plan, people=people, only=only)
    pages = [_participant_page(event, sheet, language or sheet.person.language) for sheet in sheets]
    context = {"event": event, "plan": plan, "pages": pages, "only": only}
    return render_to_string("networking/participant_sheets.html", context, request=request)


def _participant_page(event: Event, sheet: ParticipantSheet, language: str) -> SafeString:
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"event": event, "sheet": sheet, "language": language}
        return render_to_string("networking/partials/_participant_sheet.html", context)


def pdf_response(html: str, *, filename: str) -> HttpResponse:
    """The HTML as a PDF, shown in the browser and saved under ``filename``."""
    response = HttpResponse(pdf_from_html(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def pdf_from_html(html: str) -> bytes:
    return bytes(HTML(string=html, url_fetcher=_fetch_nothing).write_pdf())


def _fetch_nothing(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # Names on the sheets are people's input: never let the renderer reach out anywhere.
    raise URLFetchingError(f"Not fetched: {url}")
