"""Taxonomy labels and synonyms in fr, nl and en (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from coffee.skills.models import Skill, SkillCategory


@register(SkillCategory)
class SkillCategoryTranslation(TranslationOptions):
    fields = ("label",)


@register(Skill)
class SkillTranslation(TranslationOptions):
    fields = ("label", "synonyms")
