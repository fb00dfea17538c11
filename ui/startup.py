"""Start-up work that can run beside the Qt import: the workspace key (no Qt here).

Deriving a passphrase's key is scrypt (about 0.15 s of CPU, memory-hard), and
``hashlib.scrypt`` releases the GIL: started on a thread before the desktop app
imports Qt and builds its QApplication, it is done by the time the workspace is
opened. Nothing is weakened: the key is the one ``open_workspace`` would derive
(same passphrase, same parameters from workspace.json), and a wrong one fails
to open the database exactly like a wrong passphrase.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from app.workspace import read_meta, resolve_key

log = logging.getLogger(__name__)


class KeyPrefetch:
    """The key of the workspace in ``path`` for ``passphrase``, derived on a thread.

    Only for passphrase workspaces with a passphrase given (a keyring lookup
    stays on the GUI thread); any failure just means no key, and opening the
    workspace derives it (and reports the error) as before.
    """

    def __init__(self, path: Path, passphrase: str | None) -> None:
        self.path = path.expanduser().resolve()
        self.passphrase = passphrase
        self._key: bytes | None = None
        self._thread: threading.Thread | None = None
        if passphrase is None:
            return
        self._thread = threading.Thread(target=self._derive, name="waiqin-key", daemon=True)
        self._thread.start()

    def _derive(self) -> None:
        try:
            meta = read_meta(self.path)
            if meta.get("key_mode") == "passphrase":
                self._key = resolve_key(meta, self.passphrase)
        except Exception:  # opening the workspace reports it properly
            log.debug("key not derived ahead", exc_info=True)

    def key_for(self, path: Path, passphrase: str | None) -> bytes | None:
        """The derived key when it is for this folder and passphrase (waits for it)."""
        if self._thread is None or passphrase != self.passphrase:
            return None
        if path.expanduser().resolve() != self.path:
            return None
        self._thread.join()
        key, self._key = self._key, None  # used once: a retry derives its own
        return key
