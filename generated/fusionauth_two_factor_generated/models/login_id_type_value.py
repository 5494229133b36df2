from enum import StrEnum


class LoginIdTypeValue(StrEnum):
    EMAIL = "email"
    PHONENUMBER = "phoneNumber"
    USERNAME = "username"

    def __str__(self) -> str:
        return str(self.value)
