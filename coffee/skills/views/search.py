"""The catalogue search page: results live as one types (htmx asks for the results fragment)."""

from __future__ import annotations

from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from coffee.core.http import HtmxHttpRequest
from coffee.skills.search import search_profiles
from coffee.skills.search.cache import cached_html
from coffee.skills.search.facets import facet_title
from coffee.skills.search.query import DEFAULT_PAGE_SIZE, search_query_from_params

RESULTS_TEMPLATE = "skills/partials/_search_results.html"


@require_GET
@vary_on_headers("HX-Request")
def search(request: HtmxHttpRequest) -> HttpResponse:
    """Search profiles by words and facets; the whole page, or only the results for htmx."""
    query = search_query_from_params(request.GET, page_size=DEFAULT_PAGE_SIZE)
    viewer = request.user

    def results() -> str:
        result = search_profiles(query, viewer=viewer)
        context = {
            "result": result,
            "facets": [(name, facet_title(name), values) for name, values in result.facets.items()],
            "previous_url": _page_url(request.GET, result.page - 1) if result.has_previous else "",
            "next_url": _page_url(request.GET, result.page + 1) if result.has_next else "",
        }
        return render_to_string(RESULTS_TEMPLATE, context)  # no request: nothing of the reader

    members = viewer.is_authenticated
    html = cached_html(request.GET, members=members, template=RESULTS_TEMPLATE, render=results)
    if request.htmx and not request.htmx.history_restore_request:
        return HttpResponse(html)
    context = {"query": query, "results": mark_safe(html)}  # noqa: S308 (our own template's output)
    return render(request, "skills/search.html", context)


def _page_url(params: QueryDict, page: int) -> str:
    changed = params.copy()
    changed["page"] = str(page)
    return "?" + changed.urlencode()
