from enum import StrEnum


class ChangePasswordReasonValue(StrEnum):
    ADMINISTRATIVE = "Administrative"
    BREACHED = "Breached"
    EXPIRED = "Expired"
    VALIDATION = "Validation"

    def __str__(self) -> str:
        return str(self.value)
