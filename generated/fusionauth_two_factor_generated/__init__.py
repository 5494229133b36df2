"""A client library for accessing FusionAuth two-factor API"""

# The clients are imported at first use (PEP 562 `__getattr__`), not with the package: `client`
# imports attrs and httpx2, which importing the (lazy) models package does not need.
# (This file comes from templates/package_init.py.jinja, the checked-in template scripts/generate.py
# gives the generator; the generator's own imports the clients eagerly.)
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)

# Hidden from type checkers, which read the import above instead.
if not TYPE_CHECKING:

    def __getattr__(name):
        if name not in __all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(".client", __name__), name)
        globals()[name] = value  # found directly from now on, without this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
