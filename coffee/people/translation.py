"""Member-written text in fr, nl and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from coffee.people.models import Profile


@register(Profile)
class ProfileTranslation(TranslationOptions):
    fields = ("headline", "bio")
