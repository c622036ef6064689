"""How large a request body each route accepts, checked before anything reads it.

A body over its route's limit is refused with 413 by `security.SecurityMiddleware`: at once when
`Content-Length` says so, otherwise as soon as the bytes received pass the limit, so nothing is
parsed, validated or authenticated first (a 100 MB JSON body had taken the server from 105 to
390 MB before its 422). The limits leave room for the largest honest request of each route
written in the least compact way JSON and forms allow (every character of a 2,000-character note
escaped as `\\uXXXX`, or percent-encoded from four UTF-8 bytes), and not much more.
"""

from __future__ import annotations

import re
from typing import Final

KIB: Final = 1024
DEFAULT_LIMIT: Final = 64 * KIB
"""Any route not listed: the plan wizard and `/api/v1/trials` (a profile of up to 50 names per
list and a 2,000-character acknowledgement), `/api/v1/check`."""
LIMITS: Final[tuple[tuple[str, re.Pattern[str], int], ...]] = (
    # Credentials: an email and at most two 1,024-character passwords.
    ("POST", re.compile(r"^/(login|register|account/password)$"), 32 * KIB),
    ("POST", re.compile(r"^/api/v1/tokens$"), 32 * KIB),
    # A diary day: seven scores, a dose and a 2,000-character note.
    ("POST", re.compile(r"^/trials/[^/]+/log$"), 32 * KIB),
    ("POST", re.compile(r"^/api/v1/trials/[^/]+/entries$"), 32 * KIB),
    # Stop, delete, revoke: a reason at most.
    (
        "POST",
        re.compile(r"^/(trials/[^/]+/(stop|delete)|account/delete|account/tokens/[^/]+/revoke|logout)$"),
        32 * KIB,
    ),
    ("POST", re.compile(r"^/api/v1/trials/[^/]+/stop$"), 32 * KIB),
)


def body_limit(method: str, path: str) -> int:
    """The most bytes a request to `method path` may send."""
    for wanted, pattern, limit in LIMITS:
        if method == wanted and pattern.match(path):
            return limit
    return DEFAULT_LIMIT
