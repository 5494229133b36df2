"""The generated request and response models, re-exported under the facade's name.

`from fusionauth_two_factor.models import TwoFactorLoginRequest, LoginResponse, ...`

`Unset` and `UNSET` mark a field FusionAuth left out (or a request leaves out): an optional field
is `X | Unset`, and `isinstance(value, Unset)` (or `value is UNSET`) tells an absent field from any
value, `None` included. `UNSET` is falsy and prints as `UNSET`.
"""

from typing import TYPE_CHECKING, Any

from fusionauth_two_factor_generated import models as _generated
from fusionauth_two_factor_generated.types import UNSET, Unset

if TYPE_CHECKING:
    from fusionauth_two_factor_generated.models import *  # noqa: F403

__all__ = [*_generated.__all__, "UNSET", "Unset"]  # noqa: PLE0604 (the generated names are str)

if not TYPE_CHECKING:  # hidden from type checkers, which see the names above and flag a misspelt one

    def __getattr__(name: str) -> Any:
        # Each model is loaded when it is first asked for (PEP 562), not with this module: loading
        # every model costs more than the rest of the package.
        if name not in _generated.__all__:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        model = globals()[name] = getattr(_generated, name)
        return model

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
