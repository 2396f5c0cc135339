"""A vocabulary's names, indexed once for reading a quote: the categories a noun names, the
actors a phrase names (by name or alias, spelling variants folded), and which Arabic names are
singular nouns, whose dual counts two ("جنديان") and whose indefinite form counts one ("طفل")."""

from __future__ import annotations

import re

import attrs

from claims.model import Vocabulary
from claims.parse._categories import CategoryNames, arabic_forms, category_names, category_of
from claims.parse._letters import fold_words, is_arabic
from claims.parse._names import spelling_key

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,5}$")
"""A name written in capitals ("IS", "U.S.", "KSS"): matched only where written so, or "is"
would name Islamic State."""
_DUAL = (("ان", ""), ("ين", ""), ("تان", "ه"), ("تين", "ه"))
"""Arabic dual endings, and what the singular ends with instead: "طفلان" is two of "طفل",
"امرأتان" two of "امرأة"."""
_PLURAL = ("ون", "ين")
_WORD = re.compile(r"[^\W_]+(?:['.-][^\W_]+)*\.?")


@attrs.frozen
class _ActorName:
    words: tuple[str, ...]
    actor: str
    acronym: bool


@attrs.define
class Lexicon:
    """A vocabulary's names for a reader of quotes; build it once per quote or batch."""

    categories: CategoryNames
    _actors: dict[str, list[_ActorName]]  # by first word
    _singular: dict[str, str]  # folded Arabic singular noun -> category
    _sound_plural: frozenset[str]

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> Lexicon:
        actors: dict[str, list[_ActorName]] = {}
        for actor in vocabulary.actors:
            for name in (actor.name, *actor.aliases):
                words = tuple(_key(word) for word in _words(name))
                if words and any(words):
                    entry = _ActorName(words, actor.id, bool(_ACRONYM.match(name.strip())))
                    actors.setdefault(words[0], []).append(entry)
        for entries in actors.values():
            entries.sort(key=lambda entry: -len(entry.words))
        names = category_names(vocabulary)
        arabic = {name: category for name, category in names.names.items()
                  if is_arabic(name) and " " not in name}
        singular = {name: category for name, category in arabic.items()
                    if any(_dual_of(name, ending, stem) in arabic for ending, stem in _DUAL)
                    or any(name + plural in arabic for plural in _PLURAL)}
        sound = frozenset(name for name in arabic if name.endswith(_PLURAL))
        return cls(names, actors, singular, sound)

    def category(self, noun: str) -> str | None:
        """The category a noun phrase names (see :func:`claims.parse._counts.category_of`)."""
        return category_of(noun, self.categories) if noun else None

    def actor_in(self, text: str) -> str | None:
        """The actor a phrase names, the longest name first; names written in capitals
        count only where written so."""
        tokens = [(match.group(), _key(match.group())) for match in _WORD.finditer(text)]
        best: tuple[int, str] | None = None
        for index, (written, key) in enumerate(tokens):
            for forms in (_forms(key),):
                for form in forms:
                    for entry in self._actors.get(form, ()):
                        if entry.acronym and not _ACRONYM.match(written):
                            continue
                        if _matches(entry.words, tokens, index) and (
                                best is None or len(entry.words) > best[0]):
                            best = len(entry.words), entry.actor
        return best[1] if best else None

    def singular(self, word: str) -> str | None:
        """The category of a folded Arabic singular noun ("طفل", "مدني"), or None."""
        return self._singular.get(word)

    def dual(self, word: str) -> str | None:
        """The category whose singular this folded Arabic word is the dual of ("جنديان",
        "امرأتين"), or None. A "-ين" ending is dual only for a noun the vocabulary gives no
        sound plural ("مدنيين" is civilians, "جنديين" two soldiers)."""
        for ending, stem in _DUAL:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                singular = word[:-len(ending)] + stem
                if singular in self._singular:
                    if ending == "ين" and singular + "ون" in self._sound_plural:
                        return None
                    return self._singular[singular]
        return None


def _dual_of(name: str, ending: str, stem: str) -> str:
    if stem:
        return name[:-len(stem)] + ending if name.endswith(stem) else ""
    return name + ending


def _words(name: str) -> list[str]:
    return _WORD.findall(fold_words(name))


def _key(word: str) -> str:
    """A word's key for matching names: its spelling key, less a plural "s" ("militias")."""
    key = spelling_key(word)
    return key[:-1] if len(key) > 3 and key.isascii() and key.endswith("s") else key


def _forms(key: str) -> list[str]:
    """A word's key, and for Arabic the key without its clitics ("لإيران", "أمريكيان")."""
    if not is_arabic(key):
        return [key]
    forms = arabic_forms(key)
    for form in list(forms):
        for ending, _ in _DUAL:
            if form.endswith(ending) and len(form) > len(ending) + 2:
                forms.append(form[:-len(ending)])
    return forms


def _matches(words: tuple[str, ...], tokens: list[tuple[str, str]], index: int) -> bool:
    if index + len(words) > len(tokens):
        return False
    for offset, word in enumerate(words[1:], start=1):
        key = tokens[index + offset][1]
        if word != key and word not in _forms(key):
            return False
    return True
