"""Labels and messages of the pure (Django-free) modules in the reader's language.

The rule modules (coordination.rules, monitoring.rules, text.duplicates, cases.workflow, …) never import
Django: each label or message there is a pair, the Vietnamese text and its English twin. The interface
picks one of the two where it shows it — `twin()` for a label built once (choices, module constants),
`in_language()` at request time.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.functional import lazy


def is_english(language: str | None = None) -> bool:
    return (language or translation.get_language() or "").startswith("en")


def in_language(vi: str, en: str, language: str | None = None) -> str:
    """`en` when the active (or given) language is English, else the Vietnamese text."""
    return en if en and is_english(language) else vi


def _pair(vi: str, en: str) -> str:
    return in_language(vi, en)


# A lazy label: evaluated when shown, in the language active then (like gettext_lazy).
twin = lazy(_pair, str)


def pick(pair: tuple[str, str]) -> str:
    """The text of a (Vietnamese, English) pair in the active language."""
    return in_language(pair[0], pair[1])
