"""One's own account page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coffee.people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_account_page_requires_logging_in(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(reverse("people:account"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_member_changes_their_name_and_language(client) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("people:account"),
        {"first_name": "Lotte", "last_name": "Peeters", "language": "nl"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.language) == ("Lotte", "Peeters", "nl")


def test_an_empty_name_is_refused_with_a_french_message(client) -> None:  # type: ignore[no-untyped-def]
    user = UserFactory(first_name="Camille")
    client.force_login(user)
    response = client.post(
        reverse("people:account"), {"first_name": "", "last_name": "X", "language": "fr"}
    )
    assert response.status_code == 200
    assert "Ce champ est obligatoire" in response.content.decode()
    user.refresh_from_db()
    assert user.first_name == "Camille"


def test_signing_up_sends_a_confirmation_email_and_does_not_log_in(client, mailoutbox) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nouvelle@example.org",
            "password1": "un mot de passe solide",
            "password2": "un mot de passe solide",
            "first_name": "Nour",
            "last_name": "Exemple",
        },
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "nouvelle@example.org" in mailoutbox[0].to
    assert client.get(reverse("people:account")).status_code == 302


def test_logging_in_before_confirming_the_email_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    UserFactory(email="pending@example.org")
    response = client.post(
        reverse("account_login"),
        {"login": "pending@example.org", "password": "correct horse battery"},
    )
    # allauth sends to the "verification sent" page instead of logging in.
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
