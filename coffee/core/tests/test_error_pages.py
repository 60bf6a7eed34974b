"""The 404, 403 and 500 pages exist and speak the reader's language."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_error_pages_render_in_each_language(language: str) -> None:
    request = RequestFactory().get(f"/{language}/nowhere/")
    request.user = AnonymousUser()
    with translation.override(language):
        pages = [
            defaults.page_not_found(request, Http404()),
            defaults.permission_denied(request, PermissionDenied()),
            defaults.server_error(request),
        ]
    assert [page.status_code for page in pages] == [404, 403, 500]
    for page in pages:
        assert f'lang="{language}"' in page.content.decode()
        assert "COFFEE" in page.content.decode()
