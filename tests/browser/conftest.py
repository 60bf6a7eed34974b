"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One browser for all of them; each test gets a fresh context (French-speaking Belgium, a laptop
screen) that only reaches the live server, so a missing internet connection changes nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize
    from pytest_django.live_server_helper import LiveServer

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium's own background connections make the live server's ones refused.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
TIMEOUT_MS = 5_000


def _unavailable(reason: str) -> None:
    """Skip browser tests on a workstation without Chromium; fail them where they are required."""
    if os.environ.get("COFFEE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (COFFEE_REQUIRE_BROWSER=1 makes this an error)", pytrace=False)
    pytest.skip(reason)


# Package scope, not session: while Playwright runs, this thread has a running event loop, and
# pytest-django runs the tests without a database after these. Closing it with the last browser
# test keeps DJANGO_ALLOW_ASYNC_UNSAFE out of the other tests (and of the subprocesses they start).
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's Chromium (CHROMIUM_PATH, /usr/bin/chromium by default), headless."""
    executable = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    if not executable.exists():
        _unavailable(
            f"Chromium not found at {executable}: install it (apt-get install chromium) "
            "or point CHROMIUM_PATH at it"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed (pip install -e '.[dev]')")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the tests
    # (factories, assertions) would otherwise be refused as "called from an async context".
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(executable), args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Start each test with an empty cache."""
    # allauth keeps its rate limits there (one confirmation e-mail per address every 3 minutes).
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A page in a fresh French-Belgian context, 1280x900, that only reaches the live server."""
    context = browser.new_context(base_url=live_server.url, locale="fr-BE", viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)
    # Map tiles and anything else from the internet: refused at once, as on a machine offline.
    local = re.compile("^" + re.escape(live_server.url) + "(/|$)")
    context.route(lambda url: not local.match(url), lambda route: route.abort())
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    yield page
    context.close()
    assert not errors, f"JavaScript errors in the pages: {errors}"


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[Page, str], Path]:
    """Save a full-page screenshot as test-artifacts/screenshots/<test>-<step>.png."""
    folder = Path(request.config.rootpath) / "test-artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^A-Za-z0-9_-]+", "-", request.node.name).strip("-")
    for stale in folder.glob(f"{test_name}-*.png"):  # steps of an earlier run of this test
        stale.unlink()

    def save(page: Page, step: str) -> Path:
        path = folder / f"{test_name}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
