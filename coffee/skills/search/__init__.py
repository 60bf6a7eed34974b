"""The catalogue search: one interface over SQLite FTS5 and PostgreSQL full-text search.

    from coffee.skills.search import SearchQuery, search_profiles
    result = search_profiles(SearchQuery(text="webontwikkelaar", country="BE"), viewer=request.user)

See docs/search.md for the design and its trade-offs.
"""

from coffee.skills.search.engine import search_profiles
from coffee.skills.search.query import SearchQuery
from coffee.skills.search.results import FacetValue, Hit, SearchResult

__all__ = ["FacetValue", "Hit", "SearchQuery", "SearchResult", "search_profiles"]
