"""Fields translated into fr, nl and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from coffee.events.models import Event


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description")
