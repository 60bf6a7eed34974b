"""Why a person matches, as one translated sentence in the reader's language."""

from __future__ import annotations

from collections.abc import Sequence

from babel.lists import format_list
from django.utils.translation import ngettext

from coffee.core.locale import reader_locale


def languages_text(codes: Sequence[str]) -> str:
    """Language codes as the reader lists them: "FR et NL", "FR en NL", "FR and NL"."""
    return format_list([code.upper() for code in codes], locale=reader_locale())


def explain(
    *,
    skill_labels: Sequence[str],
    sought_count: int,
    languages: Sequence[str],
    seeker_has_languages: bool,
) -> str:
    """ "Offers 3 of your 4 sought skills: web development, SEO, UX design; speaks FR and NL."

    The count of sought skills chooses the plural form; a seeker with no language on record
    gets the sentence without languages.
    """
    values = {
        "count": len(skill_labels),
        "total": sought_count,
        "skills": ", ".join(skill_labels),
        "languages": languages_text(languages),
    }
    if not seeker_has_languages:
        sentence = ngettext(
            "Offers the skill you are looking for: %(skills)s.",
            "Offers %(count)s of your %(total)s sought skills: %(skills)s.",
            sought_count,
        )
    elif languages:
        sentence = ngettext(
            "Offers the skill you are looking for: %(skills)s; speaks %(languages)s.",
            "Offers %(count)s of your %(total)s sought skills: %(skills)s; speaks %(languages)s.",
            sought_count,
        )
    else:
        sentence = ngettext(
            "Offers the skill you are looking for: %(skills)s; speaks none of your languages.",
            "Offers %(count)s of your %(total)s sought skills: %(skills)s; "
            "speaks none of your languages.",
            sought_count,
        )
    return sentence % values
