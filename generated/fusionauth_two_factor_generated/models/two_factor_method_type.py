from enum import StrEnum


class TwoFactorMethodType(StrEnum):
    AUTHENTICATOR = "authenticator"
    EMAIL = "email"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
