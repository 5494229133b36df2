"""Contains some shared types for properties"""

import threading
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from http import HTTPStatus
from types import MemberDescriptorType
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar
from uuid import UUID, SafeUUID

from attrs import define


class Unset:
    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> Literal[False]:
        return False

    def __reduce__(self) -> str:
        # Unpickled as the one UNSET, which from_dict, to_dict and `is UNSET` tests take as absent
        # (a copy would be a field's value: to_dict would send it).
        return "UNSET"


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


class Deferred:
    """A nested model's JSON, as json.loads gave it, until the field that holds it is first read.

    While the facade parses an answer whose JSON it checks in full (answer_checked), from_dict
    builds a model's own fields and leaves each field of a nested model (or a list of them) as one
    of these (issue 15): a login answer's user, with its registrations and identities, is most of
    its parsing, and most callers read the token. The field's property (parse_on_first_read) builds
    the nested model at the first read and keeps it; every other reader (to_dict, ==, repr,
    pickling, attrs.asdict) reads through that property too. The facade's check refuses, at the
    call, every nested value this build would fail on (fusionauth_two_factor._shapes). Anywhere
    else, from_dict builds everything at once, and raises as it always did.
    """

    __slots__ = ("data",)

    def __init__(self, data: Any) -> None:
        self.data = data

    def __repr__(self) -> str:  # error trackers record frame locals: the JSON may hold tokens
        return "Deferred(...)"

    def __reduce_ex__(self, protocol: object) -> Any:  # a model pickles its fields read, never this
        raise TypeError("a Deferred value is not pickled: read the field that holds it")


_ANSWER_CHECKED: ContextVar[bool] = ContextVar("answer_checked", default=False)


@contextmanager
def answer_checked() -> Iterator[None]:
    """Within: the JSON given to from_dict is checked in full by its caller, so nested models may wait for their first read."""
    token = _ANSWER_CHECKED.set(True)
    try:
        yield
    finally:
        _ANSWER_CHECKED.reset(token)


def deferred(data: Any, parse: Callable[[Any], Any]) -> Any:
    """A nested field's value for from_dict: `data` kept for its first read within answer_checked(), else parse(data) now.

    Typed Any, as from_dict stores it in a typed field.
    """
    if _ANSWER_CHECKED.get():
        return Deferred(data)
    return parse(data)


# Held while a deferred field is built, and by every assignment or deletion of such a field: two
# threads reading it first get the one model kept, and a value assigned (or a deletion) while a
# first read builds is not overwritten by it. Reentrant: a user's subclass may read its fields
# while one is built.
_FIRST_READS = threading.RLock()


class FirstReadField(property):
    """The property of a field built at its first read; `slot` is the field's own slot, which it wraps."""

    slot: MemberDescriptorType


def parse_on_first_read(model: type, field: str, parse: Callable[[Any], object]) -> None:
    """Make `model`'s `field` build its Deferred value with `parse` at the first read, and keep what it built.

    The field's slot is wrapped in a property that reads, stores and deletes through the slot; a
    value assigned is stored as it is. A first read builds with answer_checked() on: the Deferred
    exists because its JSON was checked in full, down to the models nested in it.
    """
    slot = model.__dict__[field]
    if not isinstance(slot, MemberDescriptorType):  # a field another hook wraps already (a free-form map's)
        raise TypeError(f"{model.__name__}.{field} is not a plain slot: it cannot be parsed at its first read")
    read, store, delete = slot.__get__, slot.__set__, slot.__delete__

    def parsed(instance: object) -> object:
        value = read(instance)
        if type(value) is Deferred:
            with _FIRST_READS:
                value = read(instance)
                if type(value) is Deferred:
                    with answer_checked():
                        value = parse(value.data)
                    store(instance, value)
        return value

    def assign(instance: object, value: object) -> None:
        with _FIRST_READS:
            store(instance, value)

    def remove(instance: object) -> None:
        with _FIRST_READS:
            delete(instance)

    wrapper = FirstReadField(parsed, assign, remove)
    wrapper.slot = slot
    setattr(model, field, wrapper)


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
