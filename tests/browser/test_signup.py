"""A newcomer signs up, confirms their e-mail address and logs in; mistakes are refused."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core.mail import EmailMessage
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from coffee.people.models import User
from coffee.people.tests.factories import UserFactory

Screenshot = Callable[[Page, str], Path]

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

SIGNUP = "/fr/accounts/signup/"
LOGIN = "/fr/accounts/login/"
PASSWORD = "Un café à Tournai, 2 sucres"


def _sign_up(page: Page, *, email: str, password2: str = PASSWORD) -> None:
    page.goto(SIGNUP)
    form = page.locator(f"main form[action='{SIGNUP}']")
    form.locator("input[name=email]").fill(email)
    form.locator("input[name=first_name]").fill("Camille")
    form.locator("input[name=last_name]").fill("Dubois")
    form.locator("input[name=password1]").fill(PASSWORD)
    form.locator("input[name=password2]").fill(password2)
    form.locator("button[type=submit]").click()


def _confirmation_link(body: str, server_url: str) -> str:
    links = re.findall(r"https?://\S+/confirm-email/\S+/", body)
    assert len(links) == 1, body
    assert links[0].startswith(f"{server_url}/fr/"), links[0]
    return links[0]


def test_a_newcomer_signs_up_confirms_the_email_and_logs_in(
    page: Page, screenshot: Screenshot, mailoutbox: list[EmailMessage], live_server: LiveServer
) -> None:
    _sign_up(page, email="camille@example.org")
    expect(page.locator("main h1")).to_contain_text("Vérifiez votre adresse e-mail")
    screenshot(page, "1-check-your-email")
    user = User.objects.get(email="camille@example.org")
    assert (user.first_name, user.last_name, user.language) == ("Camille", "Dubois", "fr")
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["camille@example.org"]
    page.goto(_confirmation_link(mailoutbox[0].body, live_server.url))
    expect(page.locator("main h1")).to_contain_text("Confirmer l'adresse e-mail")
    screenshot(page, "2-confirm")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Connexion")
    assert EmailAddress.objects.get(user=user).verified

    page.goto(LOGIN)
    form = page.locator(f"main form[action='{LOGIN}']")
    form.locator("input[name=login]").fill("camille@example.org")
    form.locator("input[name=password]").fill(PASSWORD)
    screenshot(page, "3-login")
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/fr/$"))
    expect(page.locator(".mainnav a[href='/fr/account/']")).to_be_visible()
    expect(page.locator(".mainnav form[action='/fr/accounts/logout/'] button")).to_be_visible()
    expect(page.locator(f".mainnav a[href='{LOGIN}']")).to_have_count(0)
    screenshot(page, "4-logged-in")

    page.locator(".mainnav a[href='/fr/account/']").click()
    expect(page.locator("main")).to_contain_text("camille@example.org")
    expect(page.locator("input[name=first_name]")).to_have_value("Camille")
    screenshot(page, "5-account")


def test_mismatched_passwords_are_refused_in_french_and_create_nothing(
    page: Page, screenshot: Screenshot, mailoutbox: list[EmailMessage]
) -> None:
    _sign_up(page, email="camille@example.org", password2="Un café à Lille, sans sucre")
    expect(page).to_have_url(re.compile(f"{SIGNUP}$"))
    expect(page.locator("main")).to_contain_text(
        "Vous devez saisir deux fois le même mot de passe."
    )
    expect(page.locator("main input[name=email]")).to_have_value("camille@example.org")
    screenshot(page, "1-refused")
    assert not User.objects.exists()
    assert mailoutbox == []


def test_an_email_already_used_creates_nothing_and_only_its_owner_is_told(
    page: Page, screenshot: Screenshot, mailoutbox: list[EmailMessage]
) -> None:
    owner = UserFactory(email="camille@example.org")
    EmailAddress.objects.create(user=owner, email=owner.email, verified=True, primary=True)

    _sign_up(page, email="Camille@Example.org")

    # allauth prevents account enumeration: the page says the same as for a new address, and
    # the owner of the address is told by e-mail (in French) that an account already exists.
    expect(page.locator("main h1")).to_contain_text("Vérifiez votre adresse e-mail")
    screenshot(page, "1-check-your-email")
    assert list(User.objects.values_list("email", flat=True)) == ["camille@example.org"]
    assert EmailAddress.objects.count() == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["camille@example.org"]
    assert "Ce compte existe déjà" in mailoutbox[0].subject
    assert "/fr/accounts/password/reset/" in mailoutbox[0].body
