from enum import StrEnum


class MessageType(StrEnum):
    SMS = "SMS"
    VOICE = "Voice"

    def __str__(self) -> str:
        return str(self.value)
