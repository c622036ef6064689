"""Reading a file a person named (a profile, a diary CSV): every way it can fail gets its own
message, in the caller's error type, so the person learns what is wrong with *their* file."""

from __future__ import annotations

from pathlib import Path

from suppwise.errors import SuppwiseError


def read_user_text(
    path: Path, what: str, *, max_bytes: int, error: type[SuppwiseError], utf8_hint: str | None = None
) -> str:
    """The file's text, or `error` saying it is missing, a folder, unreadable, too large or not UTF-8."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(f"{what} {str(path)!r} does not exist", hint="check the path") from None
    except IsADirectoryError:
        raise error(f"{str(path)!r} is a folder, not a {what}") from None
    except OSError as exc:
        raise error(f"cannot read {what} {str(path)!r}: {exc.strerror}") from None
    if len(raw) > max_bytes:
        size = f"{max_bytes // 1_000_000} MB" if max_bytes >= 1_000_000 else f"{max_bytes // 1000} kB"
        raise error(f"{what} {str(path)!r} is larger than {size}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{what} {str(path)!r} is not UTF-8 text (byte {exc.start})", hint=utf8_hint) from None
