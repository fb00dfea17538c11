"""The cyclic garbage collector paused while the command starts.

Starting the desktop app makes about 100,000 objects that live as long as the
process (SQLAlchemy, the models and their mappers, Qt's wrappers, the window)
and little cyclic garbage (about 500 objects, 75 KB, mostly argparse's help
formatters). With the collector running, it walked the long-lived objects
again and again while they were being made: about 0.06 s of the GUI thread's
0.55 s of CPU before the customer list showed (150 young, 14 middle and one
full collection).

So ``waiqin`` pauses the collector while it parses its command line and imports
what the command needs (:func:`pause`). A plain command gets it back before it
runs (:func:`resume`: collected as before, nothing is frozen). The desktop app
keeps the pause until its window is shown, then freezes what exists (``gc.freeze``:
those objects are never walked again, so every later full collection is cheaper
too; they are still freed by reference counting) and turns the collector back on.
What a frozen cycle holds is never reclaimed: the start-up garbage above, once.
Collecting it first would cost a full collection (0.05 s) to win back 75 KB.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> bool:
    """Stop the cyclic collector for the start of a command (not if someone else stopped it).

    Returns True when this call paused it.
    """
    global _paused
    if _paused or not gc.isenabled():
        return False
    gc.disable()
    _paused = True
    return True


def paused() -> bool:
    """True while the start-up pause is on."""
    return _paused


def resume(*, freeze: bool = False) -> None:
    """End the start-up pause (nothing happens when :func:`pause` did not start one).

    ``freeze``: first move every object that exists now out of the collector's
    reach for good (the desktop app's long-lived start-up objects).
    """
    global _paused
    if not _paused:
        return
    _paused = False
    if freeze:
        gc.freeze()
    gc.enable()
