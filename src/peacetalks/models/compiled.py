"""Compilation, with Numba, of the few loops that NumPy cannot vectorise.

Some model steps are inherently sequential (the exchange model executes one exchange, then
re-evaluates every other) or need a small sort per cell (the weighted median over draws). As
NumPy calls they cost their per-call overhead many thousands of times; compiled they cost their
arithmetic. Kernels are compiled on first use and cached on disk (``cache=True``), so only the
first run on a machine pays the compilation (a second or two per kernel). The kernels use no
``fastmath``: results are IEEE-exact, the same as the NumPy expressions they replace.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba

F = TypeVar("F", bound=Callable[..., Any])


def compiled(*, parallel: bool = False) -> Callable[[F], F]:
    """Decorator: compile ``fn`` in nopython mode, cached; ``parallel`` spreads ``numba.prange``
    loops over the machine's cores."""

    def wrap(fn: F) -> F:
        return cast(F, numba.njit(cache=True, nogil=True, parallel=parallel)(fn))

    return wrap
