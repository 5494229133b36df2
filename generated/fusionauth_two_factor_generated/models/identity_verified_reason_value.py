from enum import StrEnum


class IdentityVerifiedReasonValue(StrEnum):
    ADMINISTRATIVE = "Administrative"
    COMPLETED = "Completed"
    DISABLED = "Disabled"
    IMPLICIT = "Implicit"
    IMPORT = "Import"
    PENDING = "Pending"
    SKIPPED = "Skipped"
    TRUSTED = "Trusted"
    UNVERIFIABLE = "Unverifiable"

    def __str__(self) -> str:
        return str(self.value)
