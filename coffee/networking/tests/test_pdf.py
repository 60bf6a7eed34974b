"""The PDFs, read back with a real PDF parser: a page per table, a page per participant in
that participant's language."""

from __future__ import annotations

import io

import pytest
from django.test import RequestFactory
from django.utils import formats, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from coffee.networking import pdf
from coffee.networking.models import NetworkingPlan
from coffee.networking.selectors import networking_people
from coffee.networking.services import networking_plan_create
from coffee.networking.tests.factories import participants

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(event, manager) -> NetworkingPlan:
    participants(event, 9, languages=("fr", "nl", "en"))
    return networking_plan_create(event=event, table_size=3, rounds=4, seed=1, actor=manager)


def pages_of(content: bytes) -> list[str]:
    """The text of each page without white space (extraction splits kerned pairs: "T est")."""
    reader = PdfReader(io.BytesIO(content))
    return [squeezed(page.extract_text() or "") for page in reader.pages]


def squeezed(text: str) -> str:
    """Without white space nor case (headings are upper-cased by the stylesheet)."""
    return "".join(str(text).split()).casefold()


def request_for(user):  # type: ignore[no-untyped-def]
    request = RequestFactory().get("/")
    request.user = user
    return request


def local_day(event, language: str) -> str:  # type: ignore[no-untyped-def]
    """The event's day as the sheets write it (weekday and month in ``language``)."""
    with translation.override(language):
        starts = event.starts_at.astimezone(event.tzinfo)
        return formats.date_format(starts, "l j F Y")


def test_the_table_sheets_have_a_page_per_table_listing_every_round(event, manager, plan) -> None:
    people = networking_people(event=event)
    html = pdf.table_sheets_html(
        request=request_for(manager), event=event, plan=plan, people=people
    )
    pages = pages_of(pdf.pdf_from_html(html))
    assert len(pages) == 3
    for number, text in enumerate(pages, start=1):
        assert squeezed(gettext("Table %(number)s") % {"number": number}) in text
        for round_number, tables in enumerate(plan.plan, start=1):
            names = [squeezed(people[pid].name) for pid in tables[number - 1]]
            assert all(name in text for name in names), (round_number, names)


def test_the_participant_sheets_have_a_page_per_person_each_in_their_language(
    event, manager, plan
) -> None:
    people = networking_people(event=event)
    html = pdf.participant_sheets_html(
        request=request_for(manager), event=event, plan=plan, people=people
    )
    pages = pages_of(pdf.pdf_from_html(html))
    by_name = list(people.values())  # by last name, then first name
    assert len(pages) == 9
    for person, text in zip(by_name, pages, strict=True):
        assert squeezed(person.name) in text
        assert squeezed(local_day(event, person.language)) in text
        with translation.override(person.language):
            assert squeezed(event.title) in text
            first = gettext("Round %(round)s: table %(table)s") % {"round": 1, "table": ""}
            assert squeezed(first) in text
        others = {"fr", "nl", "en"} - {person.language}
        assert not any(squeezed(local_day(event, language)) in text for language in others)


def test_each_page_names_the_table_mates_of_every_round(event, manager, plan) -> None:
    people = networking_people(event=event)
    html = pdf.participant_sheets_html(
        request=request_for(manager), event=event, plan=plan, people=people
    )
    pages = dict(
        zip(
            list(people),
            pages_of(pdf.pdf_from_html(html)),
            strict=True,
        )
    )
    for tables in plan.plan:
        for table in tables:
            for pid in table:
                assert all(squeezed(people[q].name) in pages[pid] for q in table)


def test_one_participant_gets_one_page_in_the_language_they_asked_for(event, manager, plan) -> None:
    people = networking_people(event=event)
    me = next(p for p in people.values() if p.language == "fr")
    html = pdf.participant_sheets_html(
        request=request_for(manager),
        event=event,
        plan=plan,
        people=people,
        only=me.id,
        language="nl",
    )
    pages = pages_of(pdf.pdf_from_html(html))
    assert len(pages) == 1
    assert squeezed(me.name) in pages[0]
    assert squeezed(local_day(event, "nl")) in pages[0]


def test_the_sheets_reach_for_nothing_outside(event, manager, plan, monkeypatch) -> None:
    asked: list[str] = []
    refuse = pdf._fetch_nothing

    def recording(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        asked.append(url)
        return refuse(url)

    monkeypatch.setattr(pdf, "_fetch_nothing", recording)
    people = networking_people(event=event)
    html = pdf.table_sheets_html(
        request=request_for(manager), event=event, plan=plan, people=people
    )
    injected = html.replace("</body>", '<img src="http://example.org/x.png"></body>')
    assert pages_of(pdf.pdf_from_html(injected))  # rendered all the same, image left out
    assert asked == ["http://example.org/x.png"]
