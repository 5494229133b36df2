from enum import StrEnum


class MultiFactorActionValue(StrEnum):
    CHANGEPASSWORD = "changePassword"
    LOGIN = "login"
    STEPUP = "stepUp"

    def __str__(self) -> str:
        return str(self.value)
