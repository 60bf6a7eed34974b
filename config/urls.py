"""Top-level URLs: language-prefixed pages, plus the admin, the API and feeds outside the prefix."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import JavaScriptCatalog

from coffee.network import views as network_views
from config.api import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("feeds/", include("coffee.events.feed_urls")),
]

urlpatterns += i18n_patterns(
    path("", network_views.home, name="home"),
    path("spaces/", include("coffee.network.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/", include("coffee.people.urls")),
    path("catalogue/", include("coffee.skills.urls")),
    path("agenda/", include("coffee.events.urls")),
    path("networking/", include("coffee.networking.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    prefix_default_language=True,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

admin.site.site_header = "COFFEE"
admin.site.site_title = "COFFEE"
