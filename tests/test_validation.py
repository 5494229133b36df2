"""Bad arguments fail before anything is sent, with errors that name the argument, not its value."""

from __future__ import annotations

import pickle
import uuid
from collections.abc import Callable
from typing import Any

import httpx2
import pytest
from support import API_KEY, CODE, JWT, TRUST_ID, TWO_FACTOR_ID, USER_ID, Api, FakeFusionAuth, fixture_json

from fusionauth_two_factor import AsyncTwoFactorController, Client, RequestOptions, TwoFactorController
from fusionauth_two_factor.models import DeviceInfo, LoginMetaData, TwoFactorLoginRequest

# A success body with every field FusionAuth always sends in one (start, secret, login, codes ...).
ALWAYS_SENT = fixture_json("always_sent_fields.json")


@pytest.mark.parametrize("bad_id", ["", ".", ".."])
def test_ids_that_would_change_the_path_are_rejected(api: Api, server: FakeFusionAuth, bad_id: str) -> None:
    with pytest.raises(ValueError, match="two_factor_id must be a non-empty id"):
        api.call("send_two_factor_code_for_login_using_method", bad_id, {"methodId": "KLRT"})
    with pytest.raises(ValueError, match="two_factor_trust_id must be a non-empty id"):
        api.call("retrieve_two_factor_status", bad_id, user_id=USER_ID)
    assert server.requests == []


@pytest.mark.parametrize(
    ("hostile", "encoded"),
    [
        ("a/b", "a%2Fb"),
        ("../../admin", "..%2F..%2Fadmin"),
        ("x?admin=true", "x%3Fadmin%3Dtrue"),
        ("x#frag", "x%23frag"),
        ("100%", "100%25"),
        ("a b\r\nX-Injected: 1", "a%20b%0D%0AX-Injected%3A%201"),
        ("...", "..."),
        ("ünï", "%C3%BCn%C3%AF"),
    ],
)
def test_other_ids_are_sent_as_exactly_one_encoded_segment(
    api: Api, server: FakeFusionAuth, hostile: str, encoded: str
) -> None:
    server.reply(200)
    api.call("send_two_factor_code_for_login_using_method", hostile, {"methodId": "KLRT"})
    assert server.last.url.raw_path == f"/api/two-factor/send/{encoded}".encode()
    assert "X-Injected" not in server.last.headers


@pytest.mark.parametrize("not_a_string", [None, 42, b"bytes", ["list"]])
def test_ids_must_be_strings(api: Api, server: FakeFusionAuth, not_a_string: Any) -> None:
    with pytest.raises(TypeError, match="two_factor_id must be a str"):
        api.call("send_two_factor_code_for_login_using_method", not_a_string, {"methodId": "KLRT"})
    assert server.requests == []


def test_uuid_arguments_accept_uuid_or_str_and_reject_anything_else(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=ALWAYS_SENT)
    api.call("retrieve_two_factor_status", TRUST_ID, user_id=uuid.UUID(USER_ID))
    assert server.last.url.params["userId"] == USER_ID
    with pytest.raises(ValueError, match="user_id must be a UUID"):
        api.call("retrieve_two_factor_status", TRUST_ID, user_id="not-a-uuid")
    with pytest.raises(TypeError, match="application_id must be a UUID or a str"):
        api.call("retrieve_two_factor_status", TRUST_ID, user_id=USER_ID, application_id=12)
    assert len(server.requests) == 1


def test_a_dict_body_missing_a_required_field_is_rejected(api: Api, server: FakeFusionAuth) -> None:
    with pytest.raises(ValueError, match="missing the required field 'code'"):
        api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID})
    assert server.requests == []


@pytest.mark.parametrize(
    ("method", "arguments", "missing"),
    [
        # FusionAuth documents methodId as required when sending a code during a login ...
        ("send_two_factor_code_for_login_using_method", (TWO_FACTOR_ID, {"messageType": "SMS"}), "'methodId'"),
        # ... and userId when sending one to enable or disable a method with an API key.
        ("send_two_factor_code_for_enable_disable", ({"methodId": "KLRT"},), "'userId'"),
    ],
)
def test_a_field_one_endpoint_requires_is_required_there(
    api: Api, server: FakeFusionAuth, method: str, arguments: tuple[Any, ...], missing: str
) -> None:
    with pytest.raises(ValueError, match=f"missing the required field {missing}"):
        api.call(method, *arguments)
    assert server.requests == []


@pytest.mark.parametrize(
    ("method", "body", "choices"),
    [
        ("start_two_factor_login", {"applicationId": USER_ID}, "loginId or userId"),
        ("send_two_factor_code_for_enable_disable", {"userId": USER_ID, "email": "a@b.c"}, "method or methodId"),
    ],
)
def test_a_body_needs_one_of_the_fields_fusionauth_documents(
    api: Api, server: FakeFusionAuth, method: str, body: dict[str, Any], choices: str
) -> None:
    with pytest.raises(ValueError, match=f"the body needs {choices}"):
        api.call(method, body)
    assert server.requests == []
    server.reply(200, json_body={"code": "123456", "twoFactorId": TWO_FACTOR_ID})
    api.call(method, {**body, choices.rsplit(maxsplit=1)[-1]: USER_ID})  # either one of them is enough
    assert len(server.requests) == 1


def test_a_dict_body_with_python_names_is_rejected(api: Api, server: FakeFusionAuth) -> None:
    with pytest.raises(ValueError, match="'trust_computer' is a Python attribute name"):
        api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE, "trust_computer": True})
    assert server.requests == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"twoFactorId": TWO_FACTOR_ID, "code": 123456}, "body field 'code' must be a str, not int"),
        ({"twoFactorId": TWO_FACTOR_ID, "code": CODE, "trustComputer": "yes"}, "field 'trustComputer'"),
        ({"twoFactorId": TWO_FACTOR_ID, "code": CODE, "botDetectionScore": True}, "field 'botDetectionScore'"),
        ({"twoFactorId": TWO_FACTOR_ID, "code": CODE, "userId": "nope"}, "'userId' must be a UUID"),
        (
            {"twoFactorId": TWO_FACTOR_ID, "code": CODE, "metaData": {"device": {"name": 5}}},
            r"field 'metaData\.device\.name' must be a str, not int",
        ),
        ({1: "x"}, "body keys must be str"),
    ],
)
def test_wrong_types_in_a_body_are_rejected(api: Api, server: FakeFusionAuth, body: Any, message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message) as caught:
        api.call("two_factor_login", body)
    assert CODE not in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            TwoFactorLoginRequest(two_factor_id=TWO_FACTOR_ID, code=123456),  # type: ignore[arg-type]
            "body field 'code' must be a str, not int",
        ),
        (  # a model's UUID attribute is a uuid.UUID, which its to_dict sends in FusionAuth's form
            TwoFactorLoginRequest(two_factor_id=TWO_FACTOR_ID, code=CODE, user_id=USER_ID),  # type: ignore[arg-type]
            "body field 'user_id' must be a uuid.UUID, not str",
        ),
        (
            TwoFactorLoginRequest(
                two_factor_id=TWO_FACTOR_ID,
                code=CODE,
                meta_data=LoginMetaData(device=DeviceInfo(name=5)),  # type: ignore[arg-type]
            ),
            r"body field 'meta_data\.device\.name' must be a str, not int",
        ),
        (  # a model inside a dict body: the JSON key, then the attributes
            {
                "twoFactorId": TWO_FACTOR_ID,
                "code": CODE,
                "metaData": LoginMetaData(device={"name": "Pixel"}),  # type: ignore[arg-type]
            },
            r"body field 'metaData\.device' must be an object \(DeviceInfo\), not dict",
        ),
    ],
)
def test_a_model_with_an_attribute_of_the_wrong_type_is_rejected_with_its_path(
    api: Api, server: FakeFusionAuth, body: Any, message: str
) -> None:
    with pytest.raises(TypeError, match=message) as caught:
        api.call("two_factor_login", body)
    assert str(caught.value).startswith("twoFactorLogin: ")
    assert CODE not in str(caught.value) and TWO_FACTOR_ID not in str(caught.value)
    assert server.requests == []


def test_a_body_of_the_wrong_kind_is_rejected(api: Api, server: FakeFusionAuth) -> None:
    with pytest.raises(TypeError, match="must be a TwoFactorSendForEnableDisableRequest or a dict"):
        api.call("send_two_factor_code_for_enable_disable", TwoFactorLoginRequest(two_factor_id="a", code="b"))
    with pytest.raises(TypeError, match="must be a TwoFactorLoginRequest or a dict, not str"):
        api.call("two_factor_login", '{"twoFactorId": "x"}')
    assert server.requests == []


@pytest.mark.parametrize("jwt", ["", "abc\r\nX-Evil: 1", "abc\n", 12])
def test_bad_jwts_are_rejected(api: Api, server: FakeFusionAuth, jwt: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="encoded_jwt"):
        api.call("generate_two_factor_secret_using_jwt", jwt)
    assert server.requests == []


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"api_key": "key\r\nX-Evil: 1"}, "api_key must not contain control characters"),
        ({"api_key": ""}, "api_key must not be empty"),
        ({"api_key": "kéy"}, "api_key must be ASCII"),
        ({"tenant_id": "tenant-1"}, "tenant_id must be a UUID"),
        ({"timeout": 0}, "timeout must be positive and finite"),
        ({"timeout": "10"}, "timeout must be a number of seconds or an httpx2.Timeout"),
        ({"max_retries": -1}, "max_retries must be a whole number"),
    ],
)
def test_client_settings_are_checked(settings: dict[str, Any], message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message) as caught:
        Client("https://auth.example.com", **settings)
    assert "X-Evil" not in str(caught.value)


@pytest.mark.parametrize(
    "base_url",
    ["auth.example.com", "ftp://auth.example.com", "https://", "https://user:pw@auth.example.com", "https://a.b/?q=1"],
)
def test_base_url_is_checked(base_url: str) -> None:
    with pytest.raises(ValueError, match="base_url") as caught:
        Client(base_url, api_key=API_KEY)
    assert "pw" not in str(caught.value)


def test_extra_headers_are_checked() -> None:
    with pytest.raises(ValueError, match=r"control characters"):
        RequestOptions(extra_headers={"X-Forwarded-For": "1.2.3.4\r\nX-Evil: 1"})
    with pytest.raises(ValueError, match="max_retries"):
        RequestOptions(max_retries=-2)


def test_api_key_operations_need_an_api_key(server: FakeFusionAuth) -> None:
    client = Client(
        "https://auth.example.com", http_client=httpx2.Client(transport=httpx2.MockTransport(server.handle))
    )
    with pytest.raises(ValueError, match="retrieveTwoFactorStatus needs an API key"):
        TwoFactorController(client).retrieve_two_factor_status(TRUST_ID, user_id=USER_ID)
    server.reply(200)
    TwoFactorController(client).send_two_factor_code_for_login_using_method(TWO_FACTOR_ID, {"methodId": "KLRT"})
    assert len(server.requests) == 1


def test_controllers_need_a_client() -> None:
    with pytest.raises(TypeError, match=r"expected a fusionauth_two_factor\.Client"):
        TwoFactorController("https://auth.example.com")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"expected a fusionauth_two_factor\.Client"):
        AsyncTwoFactorController(None)  # type: ignore[arg-type]


def test_jwt_and_api_key_are_not_confused(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, json_body=ALWAYS_SENT)
    api.call("generate_two_factor_secret_using_jwt", JWT)
    assert server.last.headers["Authorization"] == f"Bearer {JWT}"


def _assert_no_secret_in(error: BaseException, *secrets: str) -> None:
    """Neither the error nor anything chained to it holds a secret: str, repr or pickle."""
    for link in (error, error.__cause__, error.__context__):
        if link is None:
            continue
        texts = (str(link), repr(link), repr(link.args))
        assert not [secret for secret in secrets if any(secret in text for text in texts)]
        pickled = pickle.dumps(link)
        assert not [secret for secret in secrets if secret.encode("utf-8", "surrogatepass") in pickled]


LONE_SURROGATE = "\ud800"  # what a bad decoding or a JSON "\ud800" escape leaves in a str: UTF-8 cannot encode it


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda api: api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE + LONE_SURROGATE}),
            r"^twoFactorLogin: body field 'code' is not valid text: it holds a lone surrogate",
        ),
        (
            lambda api: api.login({"loginId": "richard@piedpiper.com", "password": CODE + LONE_SURROGATE}),
            r"^login: body field 'password' is not valid text",
        ),
        (
            lambda api: api.call(
                "two_factor_login",
                {"twoFactorId": TWO_FACTOR_ID, "code": CODE, "metaData": {"device": {"name": "Pix" + LONE_SURROGATE}}},
            ),
            r"^twoFactorLogin: body field 'metaData\.device\.name' is not valid text",
        ),
        (
            lambda api: api.call(
                "two_factor_login",
                {"twoFactorId": TWO_FACTOR_ID, "code": CODE},
                request_options=RequestOptions(extra_body={"aFutureField": ["ok", CODE + LONE_SURROGATE]}),
            ),
            r"^twoFactorLogin: body field 'aFutureField\[1\]' is not valid text",
        ),
        (
            lambda api: api.call("disable_two_factor", USER_ID, method_id="KLRT", code=CODE + LONE_SURROGATE),
            r"^disableTwoFactor: the argument code is not valid text",
        ),
        (
            lambda api: api.call(
                "send_two_factor_code_for_login_using_method", TWO_FACTOR_ID + LONE_SURROGATE, {"methodId": "KLRT"}
            ),
            r"^sendTwoFactorCodeForLoginUsingMethod: the argument two_factor_id is not valid text",
        ),
    ],
    ids=["body", "login password", "nested body field", "extra_body", "query", "path"],
)
def test_a_str_utf8_cannot_encode_is_refused_by_name_before_anything_is_sent(
    api: Api, server: FakeFusionAuth, call: Callable[[Api], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        call(api)
    assert type(caught.value) is ValueError  # not the UnicodeEncodeError, whose .object holds the whole body
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    _assert_no_secret_in(caught.value, CODE, TWO_FACTOR_ID, LONE_SURROGATE)
    assert server.requests == []
