"""The REST API under /api/v1/, described by OpenAPI from its types."""

from ninja import NinjaAPI

from coffee.network.api import router as network_router
from coffee.people.api import router as people_router
from coffee.skills.api import router as catalogue_router
from coffee.skills.api_profiles import router as profiles_router

api = NinjaAPI(
    title="COFFEE API",
    version="1",
    description="Public data of the COFFEE network and a member's own data.",
    urls_namespace="api-v1",
)
api.add_router("/spaces", network_router)
api.add_router("/me", people_router)
api.add_router("/catalogue/profiles", profiles_router)
api.add_router("/catalogue", catalogue_router)
