"""Reading what sources say: counts with their bounds, hedges and stance, times, close names,
and whole claims proposed from a quote. What cannot be read is refused with
:class:`claims.ParseError`, quoting the words, never guessed.

Every reader takes the words first and the vocabulary that reads them second.
"""

from claims.parse._counts import DEFAULT_VAGUE, ParsedCount, VagueReading, parse_count
from claims.parse._names import Suggestion, spelling_key, suggest_actors
from claims.parse._proposals import Proposal, propose, propose_claims
from claims.parse._stance import Stance, parse_stance
from claims.parse._times import parse_time

__all__ = [
    "DEFAULT_VAGUE",
    "ParsedCount",
    "Proposal",
    "Stance",
    "Suggestion",
    "VagueReading",
    "parse_count",
    "parse_stance",
    "parse_time",
    "propose",
    "propose_claims",
    "spelling_key",
    "suggest_actors",
]
