"""Check wire_corpus.jsonl against wire_vocabulary.json (standard library only).

    python3 tests/data/check_wire_corpus.py

Checks that every line is a JSON object of the documented shape; that each claim's `words`
occurs exactly once in its `text` (and `attributed_to` occurs in it); that categories and
actors exist in the vocabulary; that each bound has the numbers it needs (approximately: the
+-10% band, or the "nearly" band, or "a dozen"; vague: the vague word's reading); that digits
and number words in `words` agree with the numbers given; and prints the counts per language.
Exits 1 on any problem, listing them all.

Conventions of the corpus beyond the claim fields themselves:
- `words` is the figure with its bound or vague words ("at least nine", "نحو ٣٠"), without the
  noun, except where the figure is an article, a zero or fused with its noun ("a child",
  "no injuries", "any civilians", "قتيلان", "طفل"); a bound word after the noun makes the
  words run from the figure to it ("٩ عناصر على الأقل"). An attached Arabic "و" (and) is left out.
- `actor` is the group the counted people belong to, as the figure's noun phrase names it
  ("fighters from Iran-backed militias", "four of its members"), never who struck.
- `category` is the category of the figure's head noun; "N dead", "قتلى", "martyrs" and nouns
  outside the vocabulary ("men", "suspects") give null.
- "more than N" / "over N" / "أكثر من N" is `more_than` (low N + 1, no high) and "fewer than N"
  / "less than N" / "under N" / "أقل من N" is `fewer_than` (low 0, high N - 1), as the library's
  `Count.more_than` and `Count.fewer_than` read them: the number said is kept in the bound.
- `best` is given for approximately: N for "about N", N - 1 for "nearly N", 12 for "a dozen".
- `part_of` is the index, in the same entry, of the total a part belongs to ("including three
  children", "nine of them", "بينهم").
- `attributed_to` (free text, as written) names a third party inside the sentence that the
  figure, denial or non-disclosure comes from; `revision: true` marks a toll that "rose to".
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "wire_corpus.jsonl"
VOCABULARY = HERE / "wire_vocabulary.json"

SLUG = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
ENTRY_ID = re.compile(r"^(en|ar)-\d{3}$")
LANGS = ("en", "ar")
MINIMUM = {"en": 160, "ar": 65}
PREDICATES = {"killed", "injured", "detained"}
BOUNDS = {"exact", "at_least", "at_most", "more_than", "fewer_than", "between", "approximately",
          "vague"}
HEDGES = {None, "reportedly", "presumably", "allegedly", "claimed", "said_to", "according_to",
          "unconfirmed", "confirmed"}
STATUSES = {"asserted", "denied", "not_disclosed"}
ENTRY_KEYS = {"id", "lang", "text", "claims"}
ENTRY_OPTIONAL = {"note"}
CLAIM_KEYS = {"predicate", "low", "high", "bound", "category", "actor", "hedge", "status", "words"}
CLAIM_OPTIONAL = {"best", "attributed_to", "revision", "part_of"}

# vague word -> (low, high); matched case-insensitively at a word start in `words`
VAGUE = {
    "a few": (2, 9), "few": (2, 9), "several": (3, None), "many": (2, None),
    "numerous": (2, None), "dozens": (12, None), "scores": (20, None), "tens": (10, None),
    "hundreds": (100, None), "thousands": (1000, None),
    "عشرات": (10, None), "مئات": (100, None), "آلاف": (1000, None), "عدد من": (2, None),
    "العديد من": (2, None), "بضعة": (2, 9),
}
ZERO = r"(?:no|none|لم|عدم)(?!\w)"  # "no one", "none", "لم يُصب أحد" (no one was hurt)
MORE_THAN = ("more than", "over", "in excess of", "أكثر من")  # more_than: low N + 1, no high
FEWER_THAN = ("fewer than", "less than", "under", "أقل من")  # fewer_than: low 0, high N - 1

_EN_UNITS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen"))}
_EN_TENS = {w: 10 * i for i, w in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}
_AR_UNITS = {"واحد": 1, "واحدة": 1, "أحد": 1, "إحدى": 1, "اثنان": 2, "اثنين": 2, "اثنا": 2,
             "اثني": 2, "اثنتان": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5,
             "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8,
             "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10}
_AR_TENS = {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
            "خمسون": 50, "خمسين": 50}


def fold_name(name: str) -> str:
    """As the library folds names: case, accents, spaces, apostrophes and hyphens dropped."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name)
                    if not unicodedata.combining(c))
    return re.sub("[\\s'\u2018\u2019\u02bc\u02be\u02bf`\u00b4\\-_.]+", "", plain.casefold())


def digit_numbers(words: str) -> list[int]:
    """Numbers written in digits of any script (Western, Arabic-Indic, Persian), with ',' or
    the Arabic thousands separator between groups."""
    found = []
    for match in re.finditer(r"\d+(?:[,\u066c]\d{3})*", words):
        found.append(int("".join(str(unicodedata.digit(c)) for c in match.group()
                             if c.isdigit())))
    return found


def english_number(words: str) -> int | None:
    """One number in English words ("twenty-four", "one hundred and ten"), else None."""
    tokens = [t for t in re.findall(r"[a-z]+", words.casefold())]
    total, current, seen = 0, 0, False
    for token in tokens:
        if token in _EN_UNITS:
            current += _EN_UNITS[token]
        elif token in _EN_TENS:
            current += _EN_TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif token == "dozen":
            current += 12
        elif token == "and" and seen:
            continue
        else:
            continue
        seen = True
    return total + current if seen else None


def arabic_number(words: str) -> int | None:
    """One number in Arabic words ("أحد عشر", "أربعة وعشرون"), else None."""
    tokens = words.split()
    values: list[int] = []
    for token in tokens:
        bare = token[1:] if token.startswith("و") and token[1:] in {**_AR_UNITS, **_AR_TENS} \
            else token
        if bare in _AR_UNITS:
            values.append(_AR_UNITS[bare])
        elif bare in _AR_TENS:
            values.append(_AR_TENS[bare])
    if not values:
        return None
    if len(values) == 2 and values[1] == 10 and values[0] < 10:  # أحد عشر, اثنا عشر
        return values[0] + 10
    return sum(values)


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    # -- the vocabulary ------------------------------------------------------------------------

    def vocabulary(self, vocabulary: object) -> dict[str, set[str]]:
        ids: dict[str, set[str]] = {"categories": set(), "actors": set(), "places": set()}
        if not isinstance(vocabulary, dict):
            self.fail("vocabulary", "not a JSON object")
            return ids
        for key in set(vocabulary) - set(ids):
            self.fail("vocabulary", f"unexpected section {key!r}")
        shapes = {
            "categories": ({"id", "label"}, {"plural", "parent", "aliases", "summary"}, "parent"),
            "actors": ({"id", "name"}, {"aliases", "parent"}, "parent"),
            "places": ({"id", "name"}, {"within", "aliases"}, "within"),
        }
        for section, (required, optional, up) in shapes.items():
            items = vocabulary.get(section, [])
            links = {}
            for index, item in enumerate(items):
                where = f"vocabulary.{section}[{index}]"
                if not isinstance(item, dict):
                    self.fail(where, "not an object")
                    continue
                for key in required - set(item):
                    self.fail(where, f"missing {key!r}")
                for key in set(item) - required - optional:
                    self.fail(where, f"unexpected key {key!r}")
                ident = item.get("id")
                if not isinstance(ident, str) or not SLUG.match(ident):
                    self.fail(where, f"id is not a slug: {ident!r}")
                    continue
                if ident in ids[section]:
                    self.fail(where, f"duplicate id {ident!r}")
                ids[section].add(ident)
                links[ident] = item.get(up)
                for name in (item.get("label") or item.get("name"), item.get("plural"),
                             *item.get("aliases", [])):
                    if name is not None and (not isinstance(name, str) or not name.strip()):
                        self.fail(where, f"empty or non-text name {name!r}")
                if "summary" in item and not isinstance(item["summary"], bool):
                    self.fail(where, "'summary' must be true or false")
            for ident, parent in links.items():
                if parent is not None and parent not in ids[section]:
                    self.fail(f"vocabulary.{section}", f"{ident!r}: unknown {up} {parent!r}")
                seen, node = set(), ident
                while node is not None and node in links:
                    if node in seen:
                        self.fail(f"vocabulary.{section}", f"a cycle through {ident!r}")
                        break
                    seen.add(node)
                    node = links[node]
            self._names_unique(section, items)
        return ids

    def _names_unique(self, section: str, items: list[dict]) -> None:
        owner: dict[str, str] = {}
        for item in items:
            if not isinstance(item, dict):
                continue
            names = [item.get("id"), item.get("label"), item.get("name"), item.get("plural"),
                     *item.get("aliases", [])]
            for name in {fold_name(n) for n in names if isinstance(n, str)}:
                if name in owner and owner[name] != item.get("id"):
                    self.fail(f"vocabulary.{section}",
                              f"the name {name!r} means both {owner[name]!r} and {item['id']!r}")
                owner.setdefault(name, item.get("id"))

    # -- the corpus ----------------------------------------------------------------------------

    def entry(self, line_number: int, line: str, ids: dict[str, set[str]],
              seen: set[str]) -> dict | None:
        where = f"line {line_number}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            self.fail(where, f"invalid JSON: {error}")
            return None
        if not isinstance(entry, dict):
            self.fail(where, "not a JSON object")
            return None
        where = f"line {line_number} ({entry.get('id')})"
        for key in ENTRY_KEYS - set(entry):
            self.fail(where, f"missing {key!r}")
        for key in set(entry) - ENTRY_KEYS - ENTRY_OPTIONAL:
            self.fail(where, f"unexpected key {key!r}")
        ident, lang, text = entry.get("id"), entry.get("lang"), entry.get("text")
        if not isinstance(ident, str) or not ENTRY_ID.match(ident):
            self.fail(where, f"bad id {ident!r}")
        elif ident in seen:
            self.fail(where, f"duplicate id {ident!r}")
        else:
            seen.add(ident)
            if lang in LANGS and not ident.startswith(lang + "-"):
                self.fail(where, f"id {ident!r} does not start with its language {lang!r}")
        if lang not in LANGS:
            self.fail(where, f"lang must be one of {LANGS}: {lang!r}")
        if not isinstance(text, str) or not text.strip():
            self.fail(where, "empty text")
            return None
        if lang == "ar" and not re.search("[\u0600-\u06ff]", text):
            self.fail(where, "an Arabic entry with no Arabic script")
        if "note" in entry and (not isinstance(entry["note"], str) or not entry["note"].strip()):
            self.fail(where, "'note' must be non-empty text")
        claims = entry.get("claims")
        if not isinstance(claims, list):
            self.fail(where, "'claims' must be a list")
            return None
        for index, claim in enumerate(claims):
            self.claim(f"{where} claims[{index}]", claim, text, claims, index, ids)
        return entry

    def claim(self, where: str, claim: object, text: str, claims: list, index: int,
              ids: dict[str, set[str]]) -> None:
        if not isinstance(claim, dict):
            self.fail(where, "not an object")
            return
        for key in CLAIM_KEYS - set(claim):
            self.fail(where, f"missing {key!r}")
        for key in set(claim) - CLAIM_KEYS - CLAIM_OPTIONAL:
            self.fail(where, f"unexpected key {key!r}")
        if claim.get("predicate") not in PREDICATES:
            self.fail(where, f"unknown predicate {claim.get('predicate')!r}")
        if claim.get("hedge") not in HEDGES:
            self.fail(where, f"unknown hedge {claim.get('hedge')!r}")
        if claim.get("status") not in STATUSES:
            self.fail(where, f"unknown status {claim.get('status')!r}")
        for key, section in (("category", "categories"), ("actor", "actors")):
            value = claim.get(key)
            if value is not None and value not in ids[section]:
                self.fail(where, f"unknown {key} {value!r}")
        words = claim.get("words")
        if not isinstance(words, str) or not words.strip():
            self.fail(where, "empty 'words'")
            words = ""
        elif words not in text:
            self.fail(where, f"'words' is not in the text: {words!r}")
        elif text.count(words) > 1:
            self.fail(where, f"'words' occurs more than once in the text: {words!r}")
        elif words != words.strip():
            self.fail(where, f"'words' has spaces at an end: {words!r}")
        source = claim.get("attributed_to")
        if source is not None and (not isinstance(source, str) or source not in text):
            self.fail(where, f"'attributed_to' is not in the text: {source!r}")
        if "revision" in claim and claim["revision"] is not True:
            self.fail(where, "'revision' is given only as true")
        if "part_of" in claim:
            self._part(where, claim, claims, index)
        if claim.get("status") == "not_disclosed":
            for key in ("low", "high", "bound", "best"):
                if claim.get(key) is not None:
                    self.fail(where, f"a not_disclosed claim has no {key!r}")
            return
        self.numbers(where, claim, words)

    def _part(self, where: str, claim: dict, claims: list, index: int) -> None:
        whole_index = claim["part_of"]
        if (not isinstance(whole_index, int) or isinstance(whole_index, bool)
                or not 0 <= whole_index < len(claims) or whole_index == index):
            self.fail(where, f"'part_of' must index another claim: {whole_index!r}")
            return
        whole = claims[whole_index]
        if not isinstance(whole, dict):
            return
        if "part_of" in whole:
            self.fail(where, "'part_of' points at a claim that is itself a part")
        if whole.get("predicate") != claim.get("predicate"):
            self.fail(where, "a part has the predicate of its whole")
        high, low = whole.get("high"), claim.get("low")
        if isinstance(high, int) and isinstance(low, int) and low > high:
            self.fail(where, f"a part ({low}) larger than its whole (at most {high})")

    def numbers(self, where: str, claim: dict, words: str) -> None:
        low, high, bound, best = (claim.get("low"), claim.get("high"), claim.get("bound"),
                                  claim.get("best"))
        if bound not in BOUNDS:
            self.fail(where, f"unknown bound {bound!r}")
            return
        for key, value in (("low", low), ("high", high), ("best", best)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                      or value < 0):
                self.fail(where, f"{key!r} must be a non-negative integer: {value!r}")
                return
        if not isinstance(low, int):
            self.fail(where, "'low' is required")
            return
        if high is not None and low > high:
            self.fail(where, f"low={low} > high={high}")
        if best is not None and bound != "approximately":
            self.fail(where, "'best' is given only for approximately")
        folded = words.casefold()
        if bound == "exact" and high != low:
            self.fail(where, f"exact needs low == high: {low}, {high}")
        elif bound in ("at_least", "more_than") and high is not None:
            self.fail(where, f"{bound} has no high")
        elif bound in ("at_most", "fewer_than") and (low != 0 or high is None):
            self.fail(where, f"{bound} needs low 0 and a high")
        elif bound in ("more_than", "fewer_than") and not folded.startswith(
                MORE_THAN if bound == "more_than" else FEWER_THAN):
            self.fail(where, f"{bound} is for words that start {bound.replace('_', ' ')!r}")
        elif bound in ("at_least", "at_most") and folded.startswith(
                MORE_THAN if bound == "at_least" else FEWER_THAN):
            self.fail(where, f"words {words!r} read as "
                             f"{'more_than' if bound == 'at_least' else 'fewer_than'}")
        elif bound == "between" and (high is None or not low < high):
            self.fail(where, "between needs low < high")
        elif bound == "approximately":
            self._approximately(where, low, high, best)
        elif bound == "vague":
            readings = [reading for word, reading in VAGUE.items()
                        if re.match(re.escape(word) + r"(?!\w)", folded)]
            if not readings:
                self.fail(where, f"no known vague word starts {words!r}")
            elif (low, high) not in readings:
                self.fail(where, f"vague {words!r} reads as {readings[0]}, not {(low, high)}")
        self._said_numbers(where, claim, folded)

    def _approximately(self, where: str, low: int, high: int | None, best: int | None) -> None:
        if high is None or best is None or not low <= best <= high:
            self.fail(where, "approximately needs low <= best <= high")
            return
        spread = max(1, math.floor(best * 0.1))
        about = (low, high) == (best - spread, best + spread)
        said = best + 1  # "nearly N": best N - 1, low N - spread(N), high N - 1
        nearly = (low, high) == (said - max(1, math.floor(said * 0.1)), said - 1)
        dozen = (low, best, high) == (10, 12, 14)
        if not (about or nearly or dozen):
            self.fail(where, f"approximately {low}-{high} (best {best}) follows no band rule")

    def _said_numbers(self, where: str, claim: dict, folded: str) -> None:
        """The number in the words, in digits or words, agrees with low/high/best."""
        low, high, bound, best = claim["low"], claim.get("high"), claim["bound"], claim.get("best")
        numbers = digit_numbers(folded)
        if not numbers and bound != "between":
            said = english_number(folded) if re.search("[a-z]", folded) else arabic_number(folded)
            numbers = [said] if said is not None else []
        if bound == "exact" and re.match(ZERO, folded):
            numbers = [0]
        if "year-old" in folded or "aged" in folded or not numbers:
            return
        said = numbers[0]
        if bound in ("exact", "at_least"):
            ok = low == said
        elif bound == "more_than":
            ok = low == said + 1
        elif bound == "at_most":
            ok = high == said
        elif bound == "fewer_than":
            ok = high == said - 1
        elif bound == "between":
            ok = len(numbers) >= 2 and (low, high) == (numbers[0], numbers[1])
        elif bound == "approximately":
            ok = best in (said, said - 1)
        else:
            ok = True
        if not ok:
            self.fail(where, f"the words say {numbers}, the claim says low={low}, high={high}"
                             f"{'' if best is None else f', best={best}'} ({bound})")


def main() -> int:
    checker = Checker()
    try:
        vocabulary = json.loads(VOCABULARY.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        print(f"{VOCABULARY.name}: {error}")
        return 1
    ids = checker.vocabulary(vocabulary)
    seen: set[str] = set()
    counts = {lang: [0, 0] for lang in LANGS}  # with claims, without
    claim_count = {lang: 0 for lang in LANGS}
    for number, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            checker.fail(f"line {number}", "empty line")
            continue
        entry = checker.entry(number, line, ids, seen)
        if entry and entry.get("lang") in LANGS and isinstance(entry.get("claims"), list):
            counts[entry["lang"]][0 if entry["claims"] else 1] += 1
            claim_count[entry["lang"]] += len(entry["claims"])
    for lang in LANGS:
        with_claims, without = counts[lang]
        total = with_claims + without
        print(f"{lang}: {total} sentences, {with_claims} with claims ({claim_count[lang]} "
              f"claims), {without} without ({100 * without / max(total, 1):.0f}%)")
        if total < MINIMUM[lang]:
            checker.fail(lang, f"{total} sentences, fewer than {MINIMUM[lang]}")
        if total and not 0.1 <= without / total <= 0.3:
            checker.fail(lang, "sentences without claims should be roughly 20%")
    for problem in checker.problems:
        print(problem)
    print(f"{len(checker.problems)} problems")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
