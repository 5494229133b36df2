"""The generated request and response models, re-exported under the facade's name.

`from fusionauth_two_factor.models import TwoFactorLoginRequest, LoginResponse, ...`
"""

from fusionauth_two_factor_generated import models as _generated
from fusionauth_two_factor_generated.models import *  # noqa: F403

__all__ = _generated.__all__
