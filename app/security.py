"""Workspace keys: the OS keyring, or a key derived from a passphrase the user types.

The database key is 32 random bytes kept in the OS keyring, or, where no real
keyring backend exists (a headless Linux box), derived from the user's
passphrase with scrypt. Never a key in a plain file, and never the keyrings.alt
plaintext backends.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from typing import Any

from app.errors import WorkspaceError
from app.i18n import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)

KEYRING_SERVICE = "waiqin"
KEY_BYTES = 32
# scrypt cost: 2**15 * 8 * 128 B = 32 MiB, ~0.1 s: slow enough against guessing.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE_LEN = 8
PASSPHRASE_ENV = "WAIQIN_PASSPHRASE"

_UNSAFE_BACKENDS = ("keyrings.alt", "fail", "null", "chainer")


@dataclass(frozen=True)
class KdfParams:
    """scrypt parameters and salt stored (not secret) beside the workspace."""

    salt: str
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @staticmethod
    def new() -> KdfParams:
        """Fresh random salt with the default cost."""
        return KdfParams(salt=base64.b64encode(os.urandom(16)).decode("ascii"))

    def to_dict(self) -> dict[str, Any]:
        """JSON form for workspace.json."""
        return {"salt": self.salt, "n": self.n, "r": self.r, "p": self.p}

    @staticmethod
    def from_dict(data: dict[str, Any]) -> KdfParams:
        """Read back from workspace.json."""
        return KdfParams(str(data["salt"]), int(data["n"]), int(data["r"]), int(data["p"]))


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """Key from passphrase with scrypt (memory-hard, stdlib)."""
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=base64.b64decode(params.salt),
        n=params.n,
        r=params.r,
        p=params.p,
        maxmem=256 * 1024 * 1024,
        dklen=KEY_BYTES,
    )


def check_new_passphrase(passphrase: str) -> None:
    """Refuse passphrases too short to protect a stolen laptop's data."""
    if len(passphrase) < MIN_PASSPHRASE_LEN:
        from app.errors import ValidationError

        raise ValidationError(
            "passphrase",
            msg(
                "security",
                QT_TRANSLATE_NOOP("security", "must be at least {n} characters long"),
                n=MIN_PASSPHRASE_LEN,
            ),
        )


def keyring_usable() -> bool:
    """True when a real OS keyring backend is available (never a plaintext one)."""
    if os.environ.get("WAIQIN_NO_KEYRING"):
        return False
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # pragma: no cover - keyring is a dependency
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    if isinstance(backend, fail.Keyring):
        return False
    module = type(backend).__module__
    if any(part in module for part in _UNSAFE_BACKENDS):
        return False
    priority = getattr(backend, "priority", 0)
    return bool(priority and float(priority) > 0)


def keyring_get(name: str) -> str | None:
    """Read a secret from the OS keyring (None when absent or no keyring)."""
    if not keyring_usable():
        return None
    import keyring

    try:
        value = keyring.get_password(KEYRING_SERVICE, name)
    except Exception as exc:
        log.warning("keyring read failed: %s", type(exc).__name__)
        return None
    return value


def keyring_set(name: str, value: str) -> None:
    """Store a secret in the OS keyring."""
    import keyring

    keyring.set_password(KEYRING_SERVICE, name, value)


def keyring_delete(name: str) -> None:
    """Forget a secret in the OS keyring (absent is fine)."""
    if not keyring_usable():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(KEYRING_SERVICE, name)


def new_random_key() -> bytes:
    """32 random bytes for a keyring-held workspace key."""
    return secrets.token_bytes(KEY_BYTES)


def encode_key(key: bytes) -> str:
    """Keyring form of a raw key."""
    return base64.b64encode(key).decode("ascii")


def decode_key(text: str) -> bytes:
    """Raw key from its keyring form."""
    try:
        key = base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise WorkspaceError(
            msg("security", QT_TRANSLATE_NOOP("security", "The key in the keyring is damaged."))
        ) from exc
    if len(key) != KEY_BYTES:
        raise WorkspaceError(
            msg("security", QT_TRANSLATE_NOOP("security", "The key in the keyring is damaged."))
        )
    return key


def read_passphrase_stdin() -> str:
    """The passphrase from standard input (first line), for scripts."""
    line = sys.stdin.readline()
    return line.rstrip("\r\n")
