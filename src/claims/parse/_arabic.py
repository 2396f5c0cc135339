"""Arabic number words, read from folded text (see :mod:`claims.parse._letters`): the
masculine and feminine forms ("ثلاثة" and "ثلاث"), the cases ("اثنان", "اثنين"), the teens
("أحد عشر", "إحدى عشرة", "اثنا عشر"), tens joined by "و" ("أربعة وعشرون"), hundreds ("مئة",
"مئتان", "ثلاثمئة", "ثلاث مئة"), thousands and millions ("ألف", "ألفان", "ثلاثة آلاف", "أحد
عشر ألفاً"). A small grammar says where the number ends, one word at a time, as for English.

"أحد" alone is "someone" ("لم يصب أحد"), not one: it counts only in the teens.
"""

from __future__ import annotations

import re

from claims.parse._letters import fold_words


def _folded(table: dict[str, int]) -> dict[str, int]:
    return {fold_words(word): value for word, value in table.items()}


_UNITS = _folded({
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3,
    "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7,
    "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
})
_TEEN_FIRST = {**{w: v for w, v in _UNITS.items() if 3 <= v <= 9},
               **_folded({"أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2})}
_TEN = frozenset(_folded({"عشر": 10, "عشرة": 10}))
_TENS = _folded({
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
})
_HUNDRED = frozenset(_folded({"مئة": 100, "مائة": 100}))
_HUNDREDS = {
    **_folded({"مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200,
               "مائتين": 200, "مئتا": 200, "مائتا": 200}),
    **{fold_words(stem + hundred): n * 100
       for n, stems in ((3, ("ثلاث",)), (4, ("أربع",)), (5, ("خمس",)), (6, ("ست",)),
                        (7, ("سبع",)), (8, ("ثمان", "ثماني")), (9, ("تسع",)))
       for stem in stems for hundred in ("مئة", "مائة")},
}
_THOUSAND_ALONE = _folded({"ألف": 1000, "ألفا": 1000, "ألفاً": 1000, "ألفان": 2000,
                           "ألفين": 2000})
_THOUSAND_AFTER_FEW = frozenset(_folded({"آلاف": 0}))  # "ثلاثة آلاف": 3 to 10 thousands
_THOUSAND_AFTER_MANY = frozenset(_folded({"ألف": 0, "ألفا": 0}))  # "أحد عشر ألفاً"
_MILLION_ALONE = _folded({"مليون": 10**6, "مليونا": 10**6, "مليونان": 2 * 10**6,
                          "مليونين": 2 * 10**6})
_MILLION_AFTER_FEW = frozenset(_folded({"ملايين": 0}))
_MILLION_AFTER_MANY = frozenset(_folded({"مليون": 0, "مليونا": 0}))
_AND = "و"

SCALES_AFTER_DIGITS = {**_folded({"ألف": 1000, "آلاف": 1000, "ألفا": 1000, "مليون": 10**6,
                                  "ملايين": 10**6, "مليونا": 10**6, "مليار": 10**9})}
"""Scale words after digits: "٥ آلاف" is 5,000, "١٫٥ مليون" 1,500,000."""

NUMBER_WORDS = frozenset({*_UNITS, *_TEEN_FIRST, *_TENS, *_HUNDREDS, *_THOUSAND_ALONE,
                          *_MILLION_ALONE})
"""The folded Arabic words a number can start with."""


_LETTERS = re.compile(r"[^\W\d_]+")
Words = list[tuple[str, int]]
"""Words, each with where it ends in the text."""


def _split(text: str, start: int, limit: int = 12) -> Words:
    """Up to ``limit`` words from ``start``, each with where it ends, while single spaces
    join them."""
    words: Words = []
    at = start
    while len(words) < limit:
        end = at
        while end < len(text) and text[end].isalpha():
            end += 1
        if end == at:
            break
        words.append((text[at:end], end))
        if end >= len(text) or text[end] != " ":
            break
        at = end + 1
    return words


def _word(words: Words, i: int, joined: bool = False) -> str | None:
    """Word ``i``; when ``joined``, only if it starts with "و", and without it ("وعشرون")."""
    if i >= len(words):
        return None
    word = words[i][0]
    if joined:
        return word[1:] if word.startswith(_AND) and len(word) > 1 else None
    return word


def _below_hundred(words: Words, i: int, joined: bool = False) -> tuple[int, int] | None:
    """A number below a hundred at word ``i``: (value, index after it)."""
    word = _word(words, i, joined)
    if word is None:
        return None
    if word in _TENS:
        return _TENS[word], i + 1
    if word in _TEEN_FIRST and _word(words, i + 1) in _TEN:
        return _TEEN_FIRST[word] + 10, i + 2
    if word in _UNITS:
        tens = _word(words, i + 1, joined=True)
        if tens in _TENS and _UNITS[word] < 10:  # "أربعة وعشرون"
            return _UNITS[word] + _TENS[tens], i + 2
        return _UNITS[word], i + 1
    return None


def _below_thousand(words: Words, i: int, joined: bool = False) -> tuple[int, int] | None:
    word = _word(words, i, joined)
    if word is None:
        return None
    if word in _HUNDREDS:
        value, after = _HUNDREDS[word], i + 1
    elif word in _UNITS and 3 <= _UNITS[word] <= 9 and _word(words, i + 1) in _HUNDRED:
        value, after = _UNITS[word] * 100, i + 2  # "ثلاث مئة"
    else:
        return _below_hundred(words, i, joined)
    tail = _below_hundred(words, after, joined=True)  # "مئة وعشرون"
    return (value + tail[0], tail[1]) if tail else (value, after)


def _scaled(words: Words, alone: dict[str, int], after_few: frozenset[str],
            after_many: frozenset[str], size: int) -> tuple[int, int] | None:
    """A number with its scale word ("ثلاثة آلاف", "ألفان", "أحد عشر ألفاً") and what
    follows it joined by "و"; None when no scale word of this kind comes."""
    word = _word(words, 0)
    if word in alone:
        value, after = alone[word], 1
    else:
        head = _below_thousand(words, 0)
        if head is None:
            return None
        scale = _word(words, head[1])
        if not ((scale in after_few and 3 <= head[0] <= 10)
                or (scale in after_many and head[0] >= 11)):
            return None
        value, after = head[0] * size, head[1] + 1
    tail = _below_thousand(words, after, joined=True)  # "ألف ومئتان"
    return (value + tail[0], tail[1]) if tail and tail[0] < size else (value, after)


def take_arabic_number(text: str, start: int) -> tuple[int, int] | None:
    """The Arabic number words at ``start`` in folded, single-spaced ``text``: (value,
    where they end), or None when no number starts there."""
    first = _LETTERS.match(text, start)
    if first is None or first.group() not in NUMBER_WORDS:
        return None
    words = _split(text, start)
    found = (_scaled(words, _MILLION_ALONE, _MILLION_AFTER_FEW, _MILLION_AFTER_MANY, 10**6)
             or _scaled(words, _THOUSAND_ALONE, _THOUSAND_AFTER_FEW, _THOUSAND_AFTER_MANY, 1000)
             or _below_thousand(words, 0))
    if found is None:
        return None
    value, after = found
    return value, words[after - 1][1]
