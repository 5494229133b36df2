from enum import StrEnum


class BreachedPasswordStatusValue(StrEnum):
    COMMONPASSWORD = "CommonPassword"
    EXACTMATCH = "ExactMatch"
    NONE = "None"
    PASSWORDONLY = "PasswordOnly"
    SUBADDRESSMATCH = "SubAddressMatch"

    def __str__(self) -> str:
        return str(self.value)
