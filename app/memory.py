"""Give memory freed by finished work back to the system (glibc ``malloc_trim``).

glibc keeps freed memory inside the process until something asks for it: a
closed database connection's page cache (up to 64 MiB), the rows of a day's
summary. On a rep's laptop that memory stays out of reach of the other
programs. Trimming after such work returns it. Elsewhere (Windows, macOS, musl)
this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
import threading
from typing import Any

log = logging.getLogger(__name__)

_lock = threading.Lock()
_libc: Any = None


def release_freed_memory() -> bool:
    """Trim the C heap now; False where there is nothing to call or a trim is running."""
    global _libc
    if not sys.platform.startswith("linux"):
        return False
    if not _lock.acquire(blocking=False):  # one trim at a time returns the same memory
        return False
    try:
        if _libc is None:
            _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = _libc.malloc_trim
        trim.argtypes = [ctypes.c_size_t]
        trim(0)  # ctypes releases the GIL: other threads go on meanwhile
        return True
    except (OSError, AttributeError):
        log.debug("malloc_trim unavailable", exc_info=True)
        return False
    finally:
        _lock.release()
