"""A member's own data: GET /api/v1/me, the same content as the downloadable export."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.security import django_auth

from coffee.people.privacy import user_export

router = Router(tags=["me"])


@router.get(
    "",
    auth=django_auth,
    response=dict[str, Any],
    summary="My own data (the logged-in member's export)",
)
def me(request: HttpRequest) -> dict[str, Any]:
    return user_export(user=request.user)  # type: ignore[arg-type]
