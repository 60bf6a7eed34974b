"""The catalogue search page: results live as one types (htmx asks for the results fragment)."""

from __future__ import annotations

from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from coffee.core.http import HtmxHttpRequest
from coffee.skills.search import search_profiles
from coffee.skills.search.facets import facet_title
from coffee.skills.search.query import DEFAULT_PAGE_SIZE, search_query_from_params

RESULTS_TEMPLATE = "skills/partials/_search_results.html"


@require_GET
@vary_on_headers("HX-Request")
def search(request: HtmxHttpRequest) -> HttpResponse:
    """Search profiles by words and facets; the whole page, or only the results for htmx."""
    query = search_query_from_params(request.GET, page_size=DEFAULT_PAGE_SIZE)
    result = search_profiles(query, viewer=request.user)
    context = {
        "query": query,
        "result": result,
        "facets": [(name, facet_title(name), values) for name, values in result.facets.items()],
        "previous_url": _page_url(request.GET, result.page - 1) if result.has_previous else "",
        "next_url": _page_url(request.GET, result.page + 1) if result.has_next else "",
    }
    partial = request.htmx and not request.htmx.history_restore_request
    return render(request, RESULTS_TEMPLATE if partial else "skills/search.html", context)


def _page_url(params: QueryDict, page: int) -> str:
    changed = params.copy()
    changed["page"] = str(page)
    return "?" + changed.urlencode()
