"""The generated request and response models, re-exported under the facade's name.

`from fusionauth_two_factor.models import TwoFactorLoginRequest, LoginResponse, ...`

`Unset` and `UNSET` mark a field FusionAuth left out (or a request leaves out): an optional field
is `X | Unset`, and `isinstance(value, Unset)` (or `value is UNSET`) tells an absent field from any
value, `None` included. `UNSET` is falsy and prints as `UNSET`.
"""

from fusionauth_two_factor_generated import models as _generated
from fusionauth_two_factor_generated.models import *  # noqa: F403
from fusionauth_two_factor_generated.types import UNSET, Unset

__all__ = [*_generated.__all__, "UNSET", "Unset"]  # noqa: PLE0604 (the generated names are str)
