"""The skills taxonomy (fr/nl/en, ESCO) and the skills members offer and seek."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coffee.core.models import TimeStampedModel


class SkillCategory(models.Model):
    """A family of skills (ICT, creative industries, legal, ...)."""

    key = models.SlugField(_("key"), unique=True, max_length=60)
    label = models.CharField(_("label"), max_length=120)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("skill category")
        verbose_name_plural = _("skill categories")
        ordering = ["position", "key"]

    def __str__(self) -> str:
        return str(self.label)


class Skill(TimeStampedModel):
    """One concept of the taxonomy, labelled in fr, nl and en, optionally tied to ESCO."""

    class Kind(models.TextChoices):
        SKILL = "skill", _("Skill or competence")
        KNOWLEDGE = "knowledge", _("Knowledge")
        OCCUPATION = "occupation", _("Occupation")

    class Source(models.TextChoices):
        STARTER = "starter", _("COFFEE starter taxonomy")
        ESCO = "esco", _("ESCO classification")
        NETWORK = "network", _("Added by the network")

    key = models.SlugField(_("key"), unique=True, max_length=120)
    category = models.ForeignKey(
        SkillCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="skills",
    )
    label = models.CharField(_("label"), max_length=200)
    synonyms = models.TextField(
        _("synonyms"), blank=True, help_text=_("Other names, separated by a vertical bar (|).")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SKILL)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.NETWORK
    )
    esco_uri = models.URLField(
        _("ESCO concept"), max_length=200, null=True, blank=True, unique=True
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["label"]

    def __str__(self) -> str:
        return str(self.label)

    def synonym_list(self, language: str) -> list[str]:
        raw = getattr(self, f"synonyms_{language}", "") or ""
        return [item.strip() for item in raw.split("|") if item.strip()]


class OfferedSkill(models.Model):
    """A skill a member offers, with their level (1 beginner to 4 expert)."""

    class Level(models.IntegerChoices):
        BEGINNER = 1, _("Beginner")
        INTERMEDIATE = 2, _("Intermediate")
        ADVANCED = 3, _("Advanced")
        EXPERT = 4, _("Expert")

    profile = models.ForeignKey(
        "people.Profile", on_delete=models.CASCADE, related_name="offered_skills"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="offers")
    level = models.PositiveSmallIntegerField(
        _("level"),
        choices=Level.choices,
        default=Level.INTERMEDIATE,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )

    class Meta:
        verbose_name = _("skill offered")
        verbose_name_plural = _("skills offered")
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="offered_skill_unique"),
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=4), name="offered_skill_level_1_to_4"
            ),
        ]
        indexes = [models.Index(fields=["skill", "level", "profile"], name="offered_by_skill")]

    def __str__(self) -> str:
        return f"{self.skill} ({self.level})"


class SoughtSkill(models.Model):
    """A skill a member looks for in others."""

    profile = models.ForeignKey(
        "people.Profile", on_delete=models.CASCADE, related_name="sought_skills"
    )
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="seekers")

    class Meta:
        verbose_name = _("skill sought")
        verbose_name_plural = _("skills sought")
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="sought_skill_unique"),
        ]

    def __str__(self) -> str:
        return str(self.skill)


class SearchEntry(models.Model):
    """What the catalogue search reads for one visible profile; built by `search.index` only.

    One row per profile that is not hidden. The full-text index (FTS5 on SQLite, a tsvector on
    PostgreSQL) follows this table. Skills and facets are stored as tokens (`sk12`, `cbe`, `sp3`,
    `lnl`, `stfreelancer`, `xb1`, `vpub`) so that filters are index intersections.
    """

    profile = models.OneToOneField(
        "people.Profile",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    # Facet columns first: SQLite reads a row's columns in order, and the facet counts read only
    # these; long texts at the end may spill onto overflow pages, which the counts never touch.
    skills = models.TextField(_("skills offered"), blank=True)
    strong_skills = models.TextField(_("skills offered at an advanced level"), blank=True)
    facets = models.TextField(_("facets"), blank=True)
    visibility = models.CharField(_("visibility"), max_length=10)
    country = models.CharField(_("country"), max_length=2, blank=True)
    home_space_id = models.BigIntegerField(_("home space"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, blank=True)
    open_to_cross_border = models.BooleanField(_("open to cross-border work"), default=False)
    languages = models.CharField(_("languages spoken"), max_length=100, blank=True)
    name = models.CharField(_("name"), max_length=300, blank=True)
    headline = models.TextField(_("headline"), blank=True)
    bio = models.TextField(_("about me"), blank=True)
    company = models.CharField(_("company"), max_length=200, blank=True)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return self.name


class SearchGeneration(models.Model):
    """One row, raised by database triggers whenever a search result could change.

    Cached result pages are keyed by it (see `search.generation` and `search.cache`).
    """

    value = models.BigIntegerField(_("generation"), default=0)

    class Meta:
        verbose_name = _("search generation")
        verbose_name_plural = _("search generations")

    def __str__(self) -> str:
        return str(self.value)
