"""Nested models built at the first read of their field (issue 15; templates/model.py.jinja,
templates/types.py.jinja): what a caller sees is what an eager parse gave, and an answer that an
eager parse would have refused is refused at the call, never at a later read."""

from __future__ import annotations

import copy
import json
import pickle
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fusionauth_two_factor_generated import models
from fusionauth_two_factor_generated.types import UNSET, Deferred
from support import fixture_json

from fusionauth_two_factor import _shapes
from fusionauth_two_factor._operations import TWO_FACTOR_LOGIN
from fusionauth_two_factor._parsing import parse_answer
from fusionauth_two_factor.models import LoginResponse, TwoFactorStartResponse, User, UserRegistration

LOGIN = fixture_json("login_response.json")
LOGIN_BYTES = json.dumps(LOGIN).encode()


def parsed_login(body: bytes = LOGIN_BYTES) -> LoginResponse:
    parsed, failure = parse_answer(TWO_FACTOR_LOGIN, 200, body)
    assert failure is None
    assert isinstance(parsed, LoginResponse)
    return parsed


# --- the guarantee: refused at the call, or readable in full ---------------------------------------

BRACED_UUID = "{" + str(uuid.UUID(int=7)) + "}"  # read as the UUID, as uuid.UUID reads it
# Values put in place of each value of the login answer: every JSON type, and strs that are and are
# not UUIDs, enum members and not.
REPLACEMENTS: list[object] = [
    None,
    0,
    -1.5,
    True,
    "x",
    "",
    "00000000-0000-0000-0000-00000000000g",
    str(uuid.UUID(int=7)),
    BRACED_UUID,
    "Facebook",
    [],
    ["x"],
    [{}],
    [None],
    {},
    {"a": 1},
    {"id": "nope"},
]


def paths(value: object, prefix: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """Every place of a JSON value: keys of its objects and indexes of its lists, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*prefix, index)
            yield from paths(item, (*prefix, index))


def replaced(path: tuple[object, ...], replacement: object) -> Any:
    login = copy.deepcopy(LOGIN)
    node: Any = login
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = copy.deepcopy(replacement)
    return login


def eager_parse_fails(data: dict[str, Any]) -> bool:
    """Whether building every model of the answer (to_dict reads every field) raises, checks apart."""
    try:
        LoginResponse.from_dict(data).to_dict()
    except (ValueError, TypeError, KeyError, AttributeError):
        return True
    return False


def test_an_answer_is_refused_at_the_call_or_its_every_nested_model_reads_back_what_was_sent() -> None:
    """Each value of the login answer, at any depth, replaced by each of REPLACEMENTS: if building
    all of it would fail, the call refuses it (the check does: a model built at a later read would
    raise there, in the caller's code); if the call takes it, every field reads without an error and
    to_dict() gives back exactly the JSON (a UUID in braces as the UUID's canonical str, as ever)."""
    places = list(paths(LOGIN))
    assert len(places) > 100  # the fixture's registration, identities, membership and methods are in it
    taken = refused = 0
    for path in places:
        for replacement in REPLACEMENTS:
            data = replaced(path, replacement)
            parsed, failure = parse_answer(TWO_FACTOR_LOGIN, 200, json.dumps(data).encode())
            if failure is None:
                taken += 1
                assert isinstance(parsed, LoginResponse)
                sent_back = [data]
                if replacement == BRACED_UUID:  # in a UUID field: back as the UUID's canonical str
                    sent_back.append(replaced(path, str(uuid.UUID(int=7))))
                assert parsed.to_dict() in sent_back, path
            else:
                refused += 1
                assert parsed is None
            if eager_parse_fails(replaced(path, replacement)):
                assert failure is not None, (path, replacement)
    assert taken > 500
    assert refused > 500


@pytest.mark.parametrize(
    ("path", "value", "failure"),
    [
        (("user", "registrations", 0, "applicationId"), "not-a-uuid", "ValueError"),
        (("user", "memberships", 0, "groupId"), "00000000-0000-0000-0000-00000000000g", "ValueError"),
        (("user", "twoFactor", "methods", 0, "id"), "x", None),  # a method id is not a UUID: any str
        (("user", "registrations", 0), "not an object", "TypeError"),
        (("user", "registrations"), {"0": {}}, "TypeError"),
        (("user", "tenantId"), "nope", "ValueError"),  # the user itself is built at its first read too
    ],
)
def test_a_nested_value_from_dict_would_refuse_fails_the_call(
    path: tuple[object, ...], value: object, failure: str | None
) -> None:
    _, seen = parse_answer(TWO_FACTOR_LOGIN, 200, json.dumps(replaced(path, value)).encode())
    assert seen == failure


def test_a_required_key_missing_is_a_key_error_at_any_depth() -> None:
    # No nested model of the spec has a required key; a top-level one says how the check treats one.
    with pytest.raises(KeyError):
        _shapes.check_answer(TwoFactorStartResponse, {"twoFactorId": "x"})
    assert parse_answer(TWO_FACTOR_LOGIN, 200, json.dumps({"token": "x"}).encode()) == (None, "KeyError")


def test_every_enum_of_the_spec_is_open() -> None:
    """The answer check leaves an enum's value to from_dict: an open enum (a union with str) keeps an
    unknown value as a str, so a model built at a later read cannot fail on one. A closed enum
    (a ValueError in from_dict) would need a check of its values before its model could be deferred."""
    for name in models.__all__:
        model = getattr(models, name)
        if not hasattr(model, "__attrs_attrs__"):
            continue
        for field in _shapes.shape_of(model).fields.values():
            kinds = [field.kind, *([field.kind.item] if isinstance(field.kind, _shapes._List) else [])]
            assert not [kind for kind in kinds if isinstance(kind, _shapes._Enum)], (name, field.json_name)


# --- what a reader sees ----------------------------------------------------------------------------


def test_a_nested_model_is_built_at_its_first_read_and_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[object] = []
    real = UserRegistration.from_dict.__func__  # type: ignore[attr-defined]

    def counting(cls: type[UserRegistration], source: Any) -> UserRegistration:
        built.append(source)
        return real(cls, source)  # type: ignore[no-any-return]

    parsed = parsed_login()
    monkeypatch.setattr(UserRegistration, "from_dict", classmethod(counting))
    assert built == []  # the call built none of them
    user = parsed.user
    registrations = user.registrations
    assert isinstance(registrations, list)
    assert len(built) == len(LOGIN["user"]["registrations"]) == len(registrations)
    assert user.registrations is registrations  # kept: a second read builds nothing
    assert len(built) == len(registrations)
    assert [registration.to_dict() for registration in registrations] == LOGIN["user"]["registrations"]


def test_an_eager_and_a_deferred_model_are_equal_and_read_the_same() -> None:
    first, second = parsed_login(), parsed_login()
    assert first == second  # == reads through the deferred fields
    assert isinstance(first.user, User)
    assert first.user.registrations == second.user.registrations
    assert first.to_dict() == LOGIN


def test_a_value_assigned_before_the_first_read_is_kept_as_it_is() -> None:
    parsed = parsed_login()
    parsed.user.registrations = []
    assert parsed.user.registrations == []
    assert parsed.to_dict()["user"]["registrations"] == []
    parsed.methods = UNSET
    assert "methods" not in parsed.to_dict()


def test_threads_reading_a_field_first_at_once_get_the_one_model() -> None:
    parsed = parsed_login()
    user = parsed.user
    start = threading.Barrier(8)
    seen: list[object] = []

    def read() -> None:
        start.wait()
        seen.append(user.registrations)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8
    assert all(value is seen[0] for value in seen)
    assert user.registrations is seen[0]


def test_an_assignment_or_a_deletion_while_a_first_read_builds_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A first read that builds while another thread assigns (or deletes) the field does not store its
    build over the other thread's value: as with an eager parse, the last write is what is read."""
    real = User.from_dict.__func__  # type: ignore[attr-defined]
    building, release = threading.Event(), threading.Event()

    def slow(cls: type[User], source: Any) -> User:
        building.set()
        release.wait(5)
        return real(cls, source)  # type: ignore[no-any-return]

    for change in ("assign", "delete"):
        parsed = parsed_login()
        building.clear()
        release.clear()
        monkeypatch.setattr(User, "from_dict", classmethod(slow))
        reader = threading.Thread(target=lambda parsed=parsed: parsed.user)
        reader.start()
        assert building.wait(5)
        mine = User(first_name="Mine")

        def write(parsed: LoginResponse = parsed, change: str = change, mine: User = mine) -> None:
            if change == "assign":
                parsed.user = mine
            else:
                del parsed.user

        writer = threading.Thread(target=write)
        writer.start()
        writer.join(0.2)  # it waits for the first read to finish
        release.set()
        reader.join(5)
        writer.join(5)
        monkeypatch.undo()
        if change == "assign":
            assert parsed.user is mine
        else:
            assert not hasattr(parsed, "user")


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (LoginResponse, {"token": "t", "user": {"id": "not-a-uuid"}}),
        (LoginResponse, {"user": {"registrations": [{"applicationId": "nope"}]}}),
        (models.LoginRequest, {"loginId": "a", "password": "pw-s3cr3t", "metaData": {"device": "x"}}),
    ],
)
def test_from_dict_called_directly_builds_every_nested_model_at_once(model: Any, data: dict[str, Any]) -> None:
    """Outside the facade's checked parse, from_dict raises on what it cannot read, as it always did,
    rather than leaving a model whose repr or == would raise later."""
    with pytest.raises((ValueError, TypeError)):
        model.from_dict(data)


def test_from_dict_called_directly_leaves_nothing_for_later(monkeypatch: pytest.MonkeyPatch) -> None:
    built = LoginResponse.from_dict(copy.deepcopy(LOGIN))
    calls: list[object] = []
    for model in (User, UserRegistration):
        monkeypatch.setattr(model, "from_dict", classmethod(lambda cls, source: calls.append(source)))
    assert built.to_dict() == LOGIN  # every nested model read
    assert calls == []  # and none built now: from_dict built them all


def test_a_model_pickles_and_copies_with_its_nested_models_read() -> None:
    parsed = parsed_login()
    twin = pickle.loads(pickle.dumps(parsed))  # noqa: S301 - the test's own bytes
    for restored in (twin, copy.deepcopy(parsed), copy.copy(parsed)):
        assert restored == parsed
        assert restored.to_dict() == LOGIN  # absent fields are the one UNSET again: not sent
    assert pickle.loads(pickle.dumps(UNSET)) is UNSET  # noqa: S301 - the test's own bytes


def test_the_kept_json_shows_nothing_and_is_never_pickled() -> None:
    kept = Deferred({"authenticationToken": "s3cr3t-token"})
    assert "s3cr3t" not in repr(kept)
    with pytest.raises(TypeError, match="not pickled"):
        pickle.dumps(kept)


def test_a_repr_reads_the_nested_models_and_redacts_their_secrets() -> None:
    data = replaced(("user", "registrations", 0, "authenticationToken"), "s3cr3t-registration-token")
    parsed = parsed_login(json.dumps(data).encode())
    text = repr(parsed)
    assert "UserRegistration(" in text
    assert "s3cr3t" not in text
    assert "Deferred" not in text
