"""The Qt user interface (PySide6). The core never imports this package.

Importing it applies one work-around, before any Qt call is made from the kit's code:
PySide6 6.12's bindings return `None`, `True` and `False` without taking a new reference,
which is harmless on Python 3.12+ where these objects are immortal (PEP 683). On Python 3.11
every such call takes one reference away, and after a few thousand calls the interpreter
aborts with "none_dealloc: deallocating None". Giving the three singletons a reference
count no program can exhaust makes them immortal in effect, as on 3.12.
"""

import sys

if sys.version_info < (3, 12):  # pragma: no cover - depends on the interpreter
    import ctypes

    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
    del _singleton
