"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar
from uuid import UUID, SafeUUID

from attrs import define


class Unset:
    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx2.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx2 will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def parse_uuid(text: str) -> UUID:
    """What UUID(text) gives, at about half the cost: how from_dict reads a UUID field (issue 15).

    A str that is 32 hex digits once its hyphens are gone, FusionAuth's form, is read as UUID.__init__
    reads it (it removes "urn:", "uuid:" and braces too, but their colons and braces would fail
    int() here); anything else goes through UUID(text): the same UUID, or the same error (a null's
    TypeError, a number's AttributeError, a bad str's ValueError).
    """
    if type(text) is str:
        digits = text.replace("-", "")
        if len(digits) == 32:
            try:
                number = int(digits, 16)
            except ValueError:
                pass
            else:
                uuid = object.__new__(UUID)
                _set_uuid_int(uuid, number)
                _set_uuid_is_safe(uuid, _UNKNOWN_SAFETY)
                return uuid
    return UUID(text)


# The slots UUID.__init__ sets (through object.__setattr__, as UUID refuses assignment), set through
# their descriptors; and the safety it sets, looked up once (an enum member's lookup runs Python code).
_set_uuid_int = UUID.__dict__["int"].__set__
_set_uuid_is_safe = UUID.__dict__["is_safe"].__set__
_UNKNOWN_SAFETY = SafeUUID.unknown


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
