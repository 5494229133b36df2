"""``python -m fusionauth_two_factor.emulator``: same as the ``fusionauth-two-factor-emulator`` command."""

from .cli import main

raise SystemExit(main())
