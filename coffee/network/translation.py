"""Fields translated into fr, nl and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from coffee.network.models import Amenity, Closure, Organisation, Region, Resource


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Amenity)
class AmenityTranslation(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("description",)


@register(Closure)
class ClosureTranslation(TranslationOptions):
    fields = ("reason",)


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("name", "description")
