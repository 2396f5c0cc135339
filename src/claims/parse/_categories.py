"""Categories from the nouns sources use: a vocabulary's category names in every form (label,
plural, aliases; English singulars of plurals; Arabic without its clitics), and the category
a noun phrase names. English puts the head noun last ("Iran-backed Iraqi militia fighters"),
Arabic first ("عناصر من الميليشيات")."""

from __future__ import annotations

import re

import attrs

from claims.model import Vocabulary
from claims.parse._letters import fold_words, is_arabic

_SINGULAR = ((re.compile(r"men$"), "man"), (re.compile(r"children$"), "child"),
             (re.compile(r"people$"), "person"), (re.compile(r"ies$"), "y"),
             (re.compile(r"s$"), ""))


def _forms(words: str) -> set[str]:
    folded = " ".join(fold_words(words).casefold().replace("-", " ").split())
    forms = {folded}
    for pattern, singular in _SINGULAR:
        if pattern.search(folded):
            forms.add(pattern.sub(singular, folded))
    return forms


@attrs.frozen
class CategoryNames:
    """Every form of every category's label, plural and aliases, folded, with its category;
    and how many words the longest has."""

    names: dict[str, str]
    longest: int


def category_names(vocabulary: Vocabulary) -> CategoryNames:
    """The names a vocabulary's categories go by, for :func:`category_of`."""
    names: dict[str, str] = {}
    for category in vocabulary.categories:
        for name in (category.label, category.plural, *category.aliases):
            if name:
                for form in _forms(name):
                    names.setdefault(form, category.id)
    return CategoryNames(names, max((len(name.split()) for name in names), default=0))


_ARABIC_PREFIX = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال|ل)?")
_ARABIC_SUFFIX = re.compile(r"(?:ها|هم|هن|ه|نا)$")
"""An Arabic noun's clitics: "والمدنيين" (and the civilians), "عناصرها" (its members)."""


def arabic_forms(word: str) -> list[str]:
    """A folded Arabic word and the same word without its clitics, the word itself first."""
    forms = [word]
    bare = _ARABIC_PREFIX.sub("", word)
    for form in (bare, word[1:] if word.startswith("و") else word):
        if len(form) > 1 and form not in forms:
            forms.append(form)
    for form in list(forms):
        stem = _ARABIC_SUFFIX.sub("", form)
        if len(stem) > 2 and stem not in forms:
            forms.append(stem)
    return forms


def category_of(noun: str, names: CategoryNames) -> str | None:
    """The category a noun phrase names. English ends with its head ("Iran-backed Iraqi
    militia fighters": the longest name that ends it); Arabic starts with it ("عناصر من
    الميليشيات": the longest name that starts it, "من" skipped inside, clitics dropped)."""
    words = fold_words(noun).split()
    if not words:
        return None
    if is_arabic(words[0]):
        return _arabic_category(words, names.names)
    for start in range(max(0, len(words) - names.longest), len(words)):  # no longer than a name
        for form in _forms(" ".join(words[start:])):
            if form in names.names:
                return names.names[form]
    return None


def _arabic_category(words: list[str], names: dict[str, str]) -> str | None:
    inner = [words[0], *(w for w in words[1:3] if w != "من")]  # "عناصر من الشرطة"
    for phrase in (words[:3], words[:2], inner[:3], inner[:2]):
        if len(phrase) > 1 and " ".join(phrase) in names:
            return names[" ".join(phrase)]
    for form in arabic_forms(words[0]):
        if form in names:
            return names[form]
    return None
