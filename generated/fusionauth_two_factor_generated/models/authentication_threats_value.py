from enum import StrEnum


class AuthenticationThreatsValue(StrEnum):
    BLOCKLISTEDIP = "BlocklistedIp"
    BOTDETECTED = "BotDetected"
    DORMANTACCOUNT = "DormantAccount"
    DORMANTPASSWORD = "DormantPassword"
    IMPOSSIBLETRAVEL = "ImpossibleTravel"
    RECENTIDENTITYCHANGE = "RecentIdentityChange"
    RECENTPASSWORDCHANGE = "RecentPasswordChange"
    SUSPICIOUSUSERAGENT = "SuspiciousUserAgent"
    UNRECOGNIZEDDEVICE = "UnrecognizedDevice"
    UNTRUSTEDDEVICE = "UntrustedDevice"

    def __str__(self) -> str:
        return str(self.value)
