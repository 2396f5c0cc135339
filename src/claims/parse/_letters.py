"""Letters folded for reading, with where each folded character came from, so that what a
reader finds in the folded words points back at the source's own.

Folding collapses runs of white space to one space and writes the same letter one way:
Arabic short vowels, shadda and tatweel are dropped (قُتِلَ reads as قتل); hamza on or under
alef, madda and wasla are plain alef; alef maqsura is ya (إحدى, احدي); ta marbuta is ha
(ثلاثة, ثلاثه); Persian yeh and keheh are Arabic ya and kaf; the Arabic comma, semicolon,
thousands and decimal separators are "," ";" "," "."; curly apostrophes are straight. Digits
of every script stay as they are: Python reads ٤ and ۴ as 4.
"""

from __future__ import annotations

import re

import attrs

_DROPPED = frozenset({*map(chr, range(0x064B, 0x0653)), "\u0670", "\u0640"})
"""Arabic short vowels, tanween, shadda, sukun, maddah and hamza above or below as marks, the
superscript alef, and tatweel."""
_SAME = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك",
    "٬": ",", "٫": ".", "،": ",", "؛": ";", "؟": "?", "’": "'", "‘": "'", "ʼ": "'",
})
_ARABIC = re.compile("[\u0600-\u06ff]")


@attrs.frozen
class Folded:
    """A text folded for reading, and for each of its characters where it came from."""

    text: str
    origin: tuple[int, ...]
    """``origin[i]`` is where the folded character ``i`` lies in the original; one more entry
    holds the original's end."""
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the folded characters ``start`` to ``end`` lie in the original, with any
        marks that were dropped after the last of them (the tanween of "مدنياً")."""
        first = self.origin[start]
        last = self.origin[end] if end < len(self.text) else len(self.original)
        while last > first and self.original[last - 1].isspace():
            last -= 1
        return first, last


_TABLE = str.maketrans({**dict.fromkeys(_DROPPED),
                        **{chr(k): v for k, v in _SAME.items() if isinstance(v, str)}})
_SPACES = re.compile(r"\s+")
_RUNS = re.compile("[^\\s" + "".join(sorted(_DROPPED)) + "]+|\\s+")
"""Runs of letters kept, or of white space; what lies between them is dropped."""


_UNEVEN = re.compile("[" + "".join(sorted(_DROPPED)) + "]|\\s{2,}|[^\\S ]|^\\s|\\s$")
"""What keeps a text from folding letter for letter: a mark to drop, or white space to
collapse."""


def fold(text: str) -> Folded:
    """``text`` folded for reading (see the module's note), in time linear in its length."""
    if _UNEVEN.search(text) is None:
        return Folded(text.translate(_SAME), tuple(range(len(text) + 1)), text)
    characters: list[str] = []
    origin: list[int] = []
    for run in _RUNS.finditer(text):
        start = run.start()
        if text[start].isspace():
            if characters and characters[-1] != " ":
                characters.append(" ")
                origin.append(start)
        else:
            characters.append(run.group().translate(_SAME))
            origin.extend(range(start, run.end()))
    if characters and characters[-1] == " ":
        characters.pop()
        origin.pop()
    origin.append(len(text))
    return Folded("".join(characters), tuple(origin), text)


def fold_words(text: str) -> str:
    """Only the folded text, without the map back: for the words of a table, or a reader
    that needs no offsets."""
    translated = text.translate(_TABLE)
    if _UNEVEN.search(translated) is None:
        return translated
    return _SPACES.sub(" ", translated).strip()


FULL_STOP = (r"(?<!\b[A-Za-z])(?<!\b(?:Mr|Dr|Lt|St|No|Jr|Sr|Co))"
             r"(?<!\b(?:Col|Gen|Sgt|Maj|Mrs|Inc))(?<!\bCapt)[.?!]+(?=\s|$)")
"""A full stop, question or exclamation mark that ends a sentence or clause: not the dots of
"U.S." or "Col."."""
COMMA = r"(?<!\d),|,(?!\d{3}(?!\d))"
"""A comma, but not the one inside "1,200"."""


def is_arabic(text: str) -> bool:
    """Whether ``text`` holds Arabic script."""
    return _ARABIC.search(text) is not None
