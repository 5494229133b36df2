from enum import StrEnum


class TotpAlgorithm(StrEnum):
    HMACSHA1 = "HmacSHA1"
    HMACSHA256 = "HmacSHA256"
    HMACSHA512 = "HmacSHA512"

    def __str__(self) -> str:
        return str(self.value)
