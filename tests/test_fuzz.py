"""A structure-aware mutation fuzzer for the readers: nothing crashes, nothing is lost.

Documents are the seed fixture and a few generated dossiers (``benchmarks/generate.py``),
changed one to three times each: values replaced, deleted, duplicated, borrowed from elsewhere
in the document or given another JSON type; keys added or given twice; strings made long, blank,
lone surrogates or invalid UTF-8; integers made huge; values nested thousands deep; relays
naming their own source; times at the ends of the calendar; hierarchies made deep or circular;
a byte-order mark; the file cut short. Each is read as ``.json`` and ``.jsonl``, with orjson
(where installed) and with the standard parser alone, and must:

- raise nothing but a :class:`claims.ClaimsError`, every problem with a place and a short
  message;
- read the same with and without orjson (the same dossier, or the same problems);
- where both forms hold the same document, be accepted by both or refused by both;
- once accepted, read back equal after writing in either form, stream as it loads, and
  reconcile.

``python -m tests.fuzz_campaign --documents 10000`` runs the same checks at length.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import json
import random
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

import claims
from claims.io import _builder
from claims.io._builder import ClaimBuilder
from claims.io._converter import structure_at
from claims.io._parsing import parse
from tests.conftest import ROOT, SEED

# -- documents ------------------------------------------------------------------------------


def _generate_module() -> Any:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generated(seed: int, events: int = 4, total: int = 30) -> dict[str, Any]:
    """A dossier from the benchmark generator, as the data of a ``.json`` document."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.jsonl"
        _generate_module().write(path, events, total, seed, sources=6)
        head, *lines = path.read_text(encoding="utf-8").splitlines()
    data: dict[str, Any] = json.loads(head)
    data["format"] = claims.io.FORMAT
    data["claims"] = [json.loads(line) for line in lines]
    return data


def base_documents() -> list[dict[str, Any]]:
    """The documents every mutant starts from: the seed and three generated dossiers."""
    return [json.loads(SEED.read_text(encoding="utf-8")),
            *(generated(seed) for seed in (1, 2, 3))]


# -- mutants --------------------------------------------------------------------------------


@dataclass
class Mutant:
    """A document being changed: its data, text put in place of markers in it once written,
    and changes to the bytes of each written form."""

    data: Any
    steps: list[str] = field(default_factory=list)
    payloads: dict[str, bytes] = field(default_factory=dict)
    """Marker (as it appears in the written text) -> the bytes that replace it."""
    byte_edits: list[Callable[[bytes, str], bytes]] = field(default_factory=list)
    comparable: bool = True
    """Both forms hold the same document (no edit of one form's bytes alone)."""

    def marker(self, payload: bytes, *, quoted: bool = True) -> str:
        """A string to put in the data; written, it becomes ``payload`` (a whole JSON token
        when ``quoted``, else text inside a string)."""
        name = f"@@fuzz{len(self.payloads)}@@"
        self.payloads[f'"{name}"' if quoted else name] = payload
        return name


def _places(data: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the data, the root's parent excepted."""
    found: list[tuple[Any, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            found.extend((node, key) for key in node)
            stack.extend(node.values())
        elif isinstance(node, list):
            found.extend((node, index) for index in range(len(node)))
            stack.extend(node)
    return found


def _pick(rng: random.Random, mutant: Mutant, kind: type | tuple[type, ...] = object
          ) -> tuple[Any, Any] | None:
    places = [(c, k) for c, k in _places(mutant.data) if isinstance(c[k], kind)]
    return rng.choice(places) if places else None


LEAVES: list[Any] = [None, True, False, 0, 1, -1, 9, 2.5, 1e300, 10**20, "", " ", "x", "9",
                     "Ḁ é", [], {}, ["x"], {"x": 1}, [[]], float("nan"), float("inf")]
STRINGS: list[str] = ["", "  ", "\t", "x" * 100_000, "e\u0301", "\u200b", "null",
                      "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00-14:00",
                      "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
                      "2021-06-28T00:00:00", "2021-06-28", "2021-06-28T00:00:00+23:59",
                      "2021-06-28T00:00:00+03:00", "a:b", "https://x/y?z=1:2", "at least 9"]


def replace(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant)
    if place is None:
        return "replace: nothing"
    container, key = place
    container[key] = copy.deepcopy(rng.choice(LEAVES))
    return f"replace {key!r} with {container[key]!r}"[:120]


def delete(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant)
    if place is None:
        return "delete: nothing"
    container, key = place
    del container[key]
    return f"delete {key!r}"


def duplicate(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant, list)
    if place is None or not place[0][place[1]]:
        return "duplicate: nothing"
    items = place[0][place[1]]
    items.insert(rng.randrange(len(items) + 1), copy.deepcopy(rng.choice(items)))
    return f"duplicate an item of {place[1]!r}"


def insert(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant, dict)
    if place is None:
        return "insert: nothing"
    target = place[0][place[1]]
    keys = sorted({k for c, k in _places(mutant.data) if isinstance(k, str)})
    key = rng.choice([*keys, "extra", "colour", ""])
    target[key] = copy.deepcopy(rng.choice(LEAVES))
    return f"insert {key!r} into {place[1]!r}"


def borrow(rng: random.Random, mutant: Mutant) -> str:
    """A value from elsewhere in the document: an id, a time, a whole object."""
    places = _places(mutant.data)
    if len(places) < 2:
        return "borrow: nothing"
    (container, key), (source, name) = rng.sample(places, 2)
    container[key] = copy.deepcopy(source[name])
    return f"borrow {name!r} for {key!r}"


def swap_type(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant)
    if place is None:
        return "swap: nothing"
    container, key = place
    value = container[key]
    if isinstance(value, bool | None):
        swapped: Any = int(bool(value))
    elif isinstance(value, int | float):
        swapped = rng.choice([str(value), [value], float(value), value == 1])
    elif isinstance(value, str):
        swapped = rng.choice([[value], {"id": value}, int(value) if value.isdigit() else None])
    elif isinstance(value, list):
        swapped = rng.choice([value[0] if value else None,
                              {str(i): v for i, v in enumerate(value)}])
    else:
        swapped = rng.choice([list(value.values()), list(value), None])
    container[key] = swapped
    return f"swap type of {key!r}"


def edit_string(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant, str)
    if place is None:
        return "string: nothing"
    container, key = place
    container[key] = rng.choice([*STRINGS, container[key] * 2, container[key].upper()])
    return f"string {key!r} -> {container[key][:40]!r}"


def edit_number(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant, int)
    if place is None:
        return "number: nothing"
    container, key = place
    value = container[key]
    container[key] = rng.choice([value + 1, value - 1, -value, 0, 10**30, 10**4000, True,
                                 float(value) if value.bit_length() < 1000 else 0.5])
    return f"number {key!r}"


# Text put in place of a marker: what no data can hold, or what only text can say.
TOKENS: list[tuple[str, bytes]] = [
    ("an integer of 5,000 digits", b"9" * 5000),
    ("an integer of 4,000 digits", b"8" * 4000),
    ("a negative integer of 4,301 digits", b"-" + b"7" * 4301),
    ("nesting 5,000 deep", b"[" * 5000 + b"]" * 5000),
    ("objects nesting 3,000 deep", b'{"a":' * 3000 + b"1" + b"}" * 3000),
    ("nesting 40 deep", b"[" * 40 + b"]" * 40),
    ("a lone high surrogate", b'"\\ud800"'),
    ("a lone low surrogate", b'"a\\udfff"'),
    ("an escaped surrogate pair", b'"\\ud83d\\udca5"'),
    ("an escaped backslash before u", b'"\\\\ud800"'),
    ("an escaped colon", b'"a\\u003ab"'),
    ("a raw control character", b'"a\x01b"'),
    ("NaN", b"NaN"),
    ("-Infinity", b"-Infinity"),
    ("a big float", b"1e400"),
    ("minus zero", b"-0"),
    ("an exponent", b"1E2"),
]
INSIDE: list[tuple[str, bytes]] = [
    ("an encoded surrogate", b"\xed\xa0\x80"),
    ("an overlong slash", b"\xc0\xaf"),
    ("a stray continuation byte", b"\x80"),
    ("a byte 0xff", b"\xff"),
    ("a cut multi-byte character", b"\xe2\x82"),
    ("a byte-order mark", b"\xef\xbb\xbf"),
    ("a \\u escape of a surrogate", b"\\udc00"),
    ("a NUL escape", b"\\u0000"),
]


def token(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant)
    if place is None:
        return "token: nothing"
    container, key = place
    name, payload = rng.choice(TOKENS)
    container[key] = mutant.marker(payload)
    return f"{name} at {key!r}"


def inside_string(rng: random.Random, mutant: Mutant) -> str:
    place = _pick(rng, mutant, str)
    if place is None:
        return "inside: nothing"
    container, key = place
    name, payload = rng.choice(INSIDE)
    text = container[key]
    cut = rng.randrange(len(text) + 1)
    container[key] = text[:cut] + mutant.marker(payload, quoted=False) + text[cut:]
    return f"{name} inside {key!r}"


def key_twice(rng: random.Random, mutant: Mutant) -> str:
    """A key given twice in one object (a marker key written as a copy of another)."""
    place = _pick(rng, mutant, dict)
    if place is None or not place[0][place[1]]:
        return "twice: nothing"
    target = place[0][place[1]]
    key = rng.choice(list(target))
    value = rng.choice([copy.deepcopy(target[key]), rng.choice(LEAVES)])
    target[mutant.marker(json.dumps(key).encode())] = value
    return f"key {key!r} twice"


def relay_to_self(rng: random.Random, mutant: Mutant) -> str:
    provenances = [c[k] for c, k in _places(mutant.data)
                   if k == "provenance" and isinstance(c[k], dict)]
    if not provenances:
        return "relay: nothing"
    provenance = rng.choice(provenances)
    provenance["relays"] = [{"outlet": provenance.get("source")}]
    return "a relay naming its own source"


def calendar_end(rng: random.Random, mutant: Mutant) -> str:
    """Times at the ends of the calendar, in zones far apart."""
    times = [c[k] for c, k in _places(mutant.data)
             if isinstance(c[k], dict) and "start" in c[k] and "end" in c[k]]
    if not times:
        return "calendar: nothing"
    for time_value in rng.sample(times, min(len(times), 2)):
        zone = rng.choice(["+14:00", "-14:00", "+00:00", "+23:59"])
        if rng.random() < 0.5:
            time_value["start"] = f"9999-12-31T{rng.randrange(24):02d}:00:00{zone}"
            time_value["end"] = rng.choice(["9999-12-31T23:59:59+00:00",
                                            "9999-12-31T23:59:59-14:00"])
        else:
            time_value["start"] = rng.choice(["0001-01-01T00:00:00+14:00",
                                              "0001-01-01T00:00:00+00:00"])
            time_value["end"] = f"0001-01-01T{rng.randrange(1, 24):02d}:00:00{zone}"
    return "times at the end of the calendar"


def hierarchy(rng: random.Random, mutant: Mutant) -> str:
    """A deep chain of categories (circular, sometimes), and an exclusion naming many."""
    vocabulary = mutant.data.get("vocabulary") if isinstance(mutant.data, dict) else None
    if not isinstance(vocabulary, dict):
        return "hierarchy: nothing"
    size = rng.choice([50, 500, 2000])
    chain = [{"id": f"deep-{i}", "label": "deep", **({"parent": f"deep-{i - 1}"} if i else {})}
             for i in range(size)]
    if rng.random() < 0.3:
        chain[0]["parent"] = f"deep-{size - 1}"
    categories = vocabulary.setdefault("categories", [])
    if isinstance(categories, list):
        categories.extend(chain)
    if rng.random() < 0.5 and isinstance(vocabulary.setdefault("exclusions", []), list):
        step = rng.choice([1, 2, size])
        vocabulary["exclusions"].append({"categories": [f"deep-{i}" for i in range(0, size, step)]
                                         + ["deep-0"]})
    claims_ = mutant.data.get("claims")
    if isinstance(claims_, list) and claims_ and isinstance(claims_[0], dict):
        for claim in rng.sample(claims_, min(3, len(claims_))):
            if isinstance(claim, dict):
                claim["scope"] = {"category": f"deep-{rng.randrange(size)}"}
    return f"a chain of {size} categories"


OPTIONAL = ("hedge", "note", "scope", "status", "relays", "published", "url", "language",
            "wording", "best", "high", "category", "actor", "place", "bound", "precision",
            "plural", "parent", "aliases", "summary", "within", "reason", "affiliation",
            "reliability", "time", "links", "title")


def gentle(rng: random.Random, mutant: Mutant) -> str:
    """A change a valid file could hold: an optional key dropped or null, a text or number
    changed, keys in another order."""
    place = _pick(rng, mutant)
    if place is None:
        return "gentle: nothing"
    container, key = place
    value = container[key]
    if isinstance(container, dict) and key in OPTIONAL and rng.random() < 0.5:
        if rng.random() < 0.5:
            del container[key]
            return f"drop {key!r}"
        container[key] = None
        return f"null {key!r}"
    if isinstance(value, str):
        container[key] = rng.choice([value + " (again)", value.strip() or "x", "Ḁbc", value])
    elif isinstance(value, int) and not isinstance(value, bool):
        container[key] = max(0, value + rng.choice([-1, 1, 7]))
    elif isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        container[key] = dict(items)
    return f"gently change {key!r}"


MUTATORS: list[Callable[[random.Random, Mutant], str]] = [
    replace, delete, duplicate, insert, borrow, swap_type, edit_string, edit_number, token,
    inside_string, key_twice, relay_to_self, calendar_end, hierarchy, gentle, gentle, gentle]


def bom(_: random.Random, mutant: Mutant) -> str:
    mutant.byte_edits.append(lambda raw, form: b"\xef\xbb\xbf" + raw)
    return "a byte-order mark at the start"


def truncate(rng: random.Random, mutant: Mutant) -> str:
    share = rng.random()
    mutant.byte_edits.append(lambda raw, form: raw[:int(len(raw) * share)])
    mutant.comparable = False
    return f"cut at {share:.0%}"


def stray_bytes(rng: random.Random, mutant: Mutant) -> str:
    share, payload = rng.random(), rng.choice([b for _, b in INSIDE] + [b"\n", b"\r", b"\x00"])
    mutant.byte_edits.append(
        lambda raw, form: raw[:int(len(raw) * share)] + payload + raw[int(len(raw) * share):])
    mutant.comparable = False
    return f"{payload!r} at {share:.0%}"


BYTE_MUTATORS: list[Callable[[random.Random, Mutant], str]] = [bom, truncate, stray_bytes]


def mutate(document: Any, rng: random.Random) -> Mutant:
    """A copy of ``document`` changed one to three times (a change to its bytes sometimes)."""
    mutant = Mutant(copy.deepcopy(document))
    for _ in range(rng.choice([1, 1, 2, 3])):
        mutant.steps.append(rng.choice(MUTATORS)(rng, mutant))
    if rng.random() < 0.1:
        mutant.steps.append(rng.choice(BYTE_MUTATORS)(rng, mutant))
    return mutant


# -- writing ------------------------------------------------------------------------------


def render(mutant: Mutant, form: str, rng: random.Random) -> bytes:
    """The mutant as the bytes of a ``.json`` or ``.jsonl`` file."""
    data = mutant.data
    ascii_only = rng.random() < 0.3
    if form == "json":
        text = json.dumps(data, ensure_ascii=ascii_only, indent=rng.choice([None, 1, 2]))
    elif isinstance(data, dict) and isinstance(data.get("claims"), list):
        head = {k: v for k, v in data.items() if k != "claims"}
        if head.get("format") == claims.io.FORMAT:
            head["format"] = claims.io.LINES_FORMAT
        text = "\n".join(json.dumps(x, ensure_ascii=ascii_only) for x in [head, *data["claims"]])
    else:
        text = json.dumps(data, ensure_ascii=ascii_only)
    raw = (text + "\n").encode("utf-8", "surrogatepass")
    for marker, payload in mutant.payloads.items():
        raw = raw.replace(marker.encode(), payload)
    for edit in mutant.byte_edits:
        raw = edit(raw, form)
    return raw


def comparable(mutant: Mutant) -> bool:
    """Whether the two forms hold the same document."""
    data = mutant.data
    return (mutant.comparable and isinstance(data, dict) and isinstance(data.get("claims"), list)
            and data.get("format") in (claims.io.FORMAT, None))


# -- reading and checking -------------------------------------------------------------------


@dataclass
class Reading:
    """What one reader made of one file."""

    dossier: claims.Dossier | None = None
    problems: list[str] = field(default_factory=list)
    failure: str | None = None
    seconds: float = 0.0


@contextlib.contextmanager
def parser(name: str) -> Iterator[None]:
    """Read JSON Lines with orjson (where installed) or with the standard parser alone."""
    if name == "json":
        with mock.patch.object(_builder, "_fast_parser", lambda: json.loads):
            yield
    else:
        yield


def _check_problems(error: claims.DossierError) -> str | None:
    for problem in error.problems:
        if not problem.path or not problem.message:
            return f"a problem without a place or a message: {problem!r}"
        if len(problem.message) > 400 or "NoneType" in problem.message:
            return f"a message too long or too Pythonic: {problem.message[:500]!r}"
    return None


def read(path: Path, allow_unknown_keys: bool) -> Reading:
    """Read ``path`` and check what came of it; any failure is described, not raised."""
    reading = Reading()
    started = time.perf_counter()
    try:
        dossier = claims.load(path, allow_unknown_keys=allow_unknown_keys)
    except claims.DossierError as error:
        reading.seconds = time.perf_counter() - started
        reading.problems = [str(p) for p in error.problems]
        reading.failure = _check_problems(error)
        if reading.failure is None and path.suffix == ".jsonl":
            reading.failure = _streams_refused(path, allow_unknown_keys)
        return reading
    except Exception:  # the fuzzer's whole point: anything else is a failure, described
        reading.failure = traceback.format_exc(limit=-8)
        return reading
    reading.seconds = time.perf_counter() - started
    reading.dossier = dossier
    try:
        reading.failure = _accepted(dossier, path, allow_unknown_keys)
    except Exception:
        reading.failure = traceback.format_exc(limit=-8)
    return reading


def _streams_refused(path: Path, allow_unknown_keys: bool) -> str | None:
    try:
        for _ in claims.iter_claims(path, allow_unknown_keys=allow_unknown_keys):
            pass
    except claims.DossierError as error:
        return _check_problems(error)
    return "load refused a file that iter_claims streams"


def _accepted(dossier: claims.Dossier, path: Path, allow_unknown_keys: bool) -> str | None:
    """An accepted dossier reads back equal from either form, streams, and reconciles."""
    for form in ("json", "jsonl"):
        again = path.with_name(f"again.{form}")
        claims.dump(dossier, again)
        if claims.load(again) != dossier:
            return f"load -> dump -> load as .{form} changed the dossier"
    if path.suffix == ".jsonl" and tuple(
            claims.iter_claims(path, allow_unknown_keys=allow_unknown_keys)) != dossier.claims:
        return "iter_claims streamed other claims than load read"
    report = claims.reconcile(dossier)
    str(report)
    report.to_json()
    return None


@dataclass
class Outcome:
    """One mutant read four ways (two forms, two parsers)."""

    steps: list[str]
    readings: dict[tuple[str, str], Reading]
    failures: list[str]
    files: dict[str, bytes]
    """The bytes read, by form."""


FORMS = ("json", "jsonl")
PARSERS = ("orjson", "json")


def run(mutant: Mutant, folder: Path, rng: random.Random) -> Outcome:
    """Read a mutant in both forms with both parsers, and compare the readings."""
    allow_unknown_keys = rng.random() < 0.2
    readings: dict[tuple[str, str], Reading] = {}
    failures = []
    files = {form: render(mutant, form, rng) for form in FORMS}
    for form in FORMS:
        path = folder / f"mutant.{form}"
        path.write_bytes(files[form])
        for name in PARSERS:
            with parser(name):
                reading = readings[form, name] = read(path, allow_unknown_keys)
            if reading.failure:
                failures.append(f".{form} with {name}: {reading.failure}")
        fast, standard = readings[form, "orjson"], readings[form, "json"]
        if (fast.dossier, fast.problems) != (standard.dossier, standard.problems):
            failures.append(f".{form}: orjson read {_verdict(fast)}, json {_verdict(standard)}")
    failures += builder_agrees(files["json"])
    if comparable(mutant):
        whole, lines = readings["json", "json"], readings["jsonl", "json"]
        if (whole.dossier is None) != (lines.dossier is None) or whole.dossier != lines.dossier:
            failures.append(f".json {_verdict(whole)}, but .jsonl {_verdict(lines)}")
    return Outcome(mutant.steps, readings, failures, files)


def builder_agrees(raw: bytes) -> list[str]:
    """The fast builder builds what the strict converter builds from each claim, or nothing
    (one builder for all claims of a document, as a reader uses it)."""
    data, _ = parse(raw)
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    builder, failures = ClaimBuilder(), []
    for index, item in enumerate(items):
        try:
            built = builder.build(item)
        except Exception:
            failures.append(f"the builder raised on claim {index}: {traceback.format_exc(-4)}")
            continue
        if built is not None:
            found: list[claims.errors.Problem] = []
            strict = structure_at(item, claims.Claim, "$", found)
            if strict != built:
                failures.append(f"the builder built claim {index} where the converter "
                                f"{'built another' if strict else 'refused: ' + str(found)}")
    return failures


def _verdict(reading: Reading) -> str:
    if reading.dossier is not None:
        return "accepted"
    return f"refused: {reading.problems[:3]}"


def documents(count: int, seed: int) -> Iterator[tuple[int, Mutant, random.Random]]:
    """``count`` mutants of the base documents, the same for the same seed."""
    bases = base_documents()
    for index in range(count):
        rng = random.Random(f"{seed}:{index}")
        yield index, mutate(bases[index % len(bases)], rng), rng


# -- the test -------------------------------------------------------------------------------

BATCHES, PER_BATCH = 6, 50


@pytest.mark.parametrize("batch", range(BATCHES))
def test_mutants_raise_nothing_else_and_lose_nothing(batch: int, tmp_path: Path) -> None:
    failed = []
    for index, mutant, rng in documents(PER_BATCH * (batch + 1), seed=2021):
        if index < PER_BATCH * batch:
            continue
        outcome = run(mutant, tmp_path, rng)
        failed += [f"document {index} ({'; '.join(outcome.steps)}): {f}"
                   for f in outcome.failures]
    assert failed == []


def test_the_mutants_are_read_both_ways(tmp_path: Path) -> None:
    """The fuzzer reaches both verdicts, in both forms, for many reasons."""
    verdicts: dict[str, int] = {}
    for _, mutant, rng in documents(60, seed=7):
        for (form, _), reading in run(mutant, tmp_path, rng).readings.items():
            key = f"{form} {'accepted' if reading.dossier else 'refused'}"
            verdicts[key] = verdicts.get(key, 0) + 1
    assert set(verdicts) == {"json accepted", "json refused", "jsonl accepted", "jsonl refused"}


# -- what the fuzzer found ------------------------------------------------------------------


@pytest.mark.parametrize("tag", [["count"], {"count": 1}, None, 1])
def test_the_builder_declines_a_type_tag_that_is_no_string(tag: Any) -> None:
    data = {"id": "c", "event": "e", "predicate": "killed",
            "provenance": {"source": "s", "quote": "q"},
            "value": {"type": tag, "low": 1, "high": 1}}
    assert ClaimBuilder().build(data) is None  # it raised TypeError for a list or an object
    found: list[claims.errors.Problem] = []
    assert structure_at(data, claims.Claim, "$", found) is None
    assert [str(p) for p in found] == [
        f"'type' must be one of [\"actor\", \"count\", \"place\", \"term\", \"text\", \"time\"]: "
        f"type={json.dumps(tag)} @ $.value"]


def test_streaming_checks_the_head_as_loading_does(seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "seed.jsonl"
    claims.dump(seed, path)
    head, *lines = path.read_text(encoding="utf-8").splitlines()
    data = json.loads(head)
    data["events"].append(data["events"][0])
    data["sources"][0]["kind"] = "blogger"
    path.write_text("\n".join([json.dumps(data), *lines]) + "\n", encoding="utf-8")
    expected = ["unknown source kind 'blogger' @ line 1: $.sources[0].kind",
                f"duplicate event id '{seed.events[0].id}' @ line 1: $.events[2].id"]
    with pytest.raises(claims.DossierError) as loading:
        claims.load(path)
    assert sorted(str(p) for p in loading.value.problems) == sorted(expected)
    with pytest.raises(claims.DossierError) as streaming:
        next(claims.iter_claims(path))  # it streamed every claim
    assert sorted(str(p) for p in streaming.value.problems) == sorted(expected)
