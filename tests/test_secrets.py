"""API keys, JWTs, one-time codes, TOTP secrets and tokens never show in reprs, messages or logs."""

from __future__ import annotations

import logging
import pickle
from typing import Any

import httpx2
import pytest
from support import (
    API_KEY,
    CODE,
    JWT,
    TRUST_ID,
    TWO_FACTOR_ID,
    USER_ID,
    Api,
    FakeFusionAuth,
    fixture_bytes,
    fixture_json,
)

from fusionauth_two_factor import Client, FusionAuthError, RequestOptions, TwoFactorController
from fusionauth_two_factor.models import Errors, LoginResponse, SecretResponse, TwoFactorLoginRequest

# A success body with every field FusionAuth always sends in one (start, secret, login, codes ...).
ALWAYS_SENT = fixture_json("always_sent_fields.json")


LOGIN = fixture_json("login_response.json")
SECRET = fixture_json("secret_response.json")
SECRETS = [
    API_KEY,
    JWT,
    CODE,
    TWO_FACTOR_ID,
    TRUST_ID,
    LOGIN["token"],
    LOGIN["refreshToken"],
    SECRET["secret"],
    SECRET["secretBase32Encoded"],
    "XOgai4Rhzo7ytcxs1YSrPBxXHWfnEUQ8cbfNAQVbsTk",  # changePasswordId
    "nQgqy9hxQ8G4T9x4TyOZ0rNg",  # an identity provider token
]


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_request_options_repr_shows_header_names_only() -> None:
    options = RequestOptions(timeout=3, extra_headers={"Proxy-Authorization": f"Basic {API_KEY}"})
    assert (
        repr(options)
        == "RequestOptions(timeout=3, max_retries=None, extra_headers=['Proxy-Authorization'], extra_body=[])"
    )


def test_client_and_controller_reprs_hide_the_api_key() -> None:
    client = Client("https://auth.example.com", api_key=API_KEY)
    assert repr(client) == "Client(base_url='https://auth.example.com', api_key='<redacted>', tenant_id=None)"
    assert_no_secret(repr(TwoFactorController(client)))


def test_model_reprs_redact_secret_fields_at_every_depth() -> None:
    login = LoginResponse.from_dict(LOGIN)
    login.additional_properties["trustToken"] = "a-future-trust-token-value"
    text = repr(login) + str(login) + repr(SecretResponse.from_dict(SECRET))
    assert_no_secret(text)
    assert "a-future-trust-token-value" not in text
    assert "token='<redacted>'" in text
    assert "email='example@fusionauth.io'" in text  # not everything is hidden
    request = TwoFactorLoginRequest(two_factor_id=TWO_FACTOR_ID, code=CODE)
    assert (
        repr(request)
        == "TwoFactorLoginRequest(code='<redacted>', two_factor_id='<redacted>', additional_properties={})"
    )


def test_responses_and_errors_keep_secrets_out_of_text(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, content=fixture_bytes("login_response.json"), set_cookie=f"access_token={LOGIN['token']}")
    response = api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    assert_no_secret(repr(response) + str(response))
    server.reply(421)
    with pytest.raises(Exception) as caught:
        api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    assert_no_secret(str(caught.value) + repr(caught.value))


def test_parse_errors_on_success_bodies_do_not_print_the_body(api: Api, server: FakeFusionAuth) -> None:
    server.reply(200, content=f'{{"token": "{LOGIN["token"]}", "user": "broken"}}')
    with pytest.raises(Exception) as caught:
        api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    assert_no_secret(str(caught.value) + repr(caught.value))


def test_validation_errors_do_not_echo_values(api: Api) -> None:
    with pytest.raises(TypeError) as caught:
        api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE, "noJWT": JWT})
    assert_no_secret(str(caught.value))


def test_debug_logs_show_each_attempt_without_secrets(
    api: Api, server: FakeFusionAuth, caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    caplog.set_level(logging.DEBUG)
    server.reply(200, json_body=fixture_json("status_response.json"))
    server.fail(httpx2.ConnectError("refused"))
    server.reply(200, content=fixture_bytes("login_response.json"))
    server.reply(200, json_body=SECRET)
    server.reply(200)
    api.call("retrieve_two_factor_status", TRUST_ID, user_id=USER_ID)
    api.call("two_factor_login", {"twoFactorId": TWO_FACTOR_ID, "code": CODE})
    api.call("generate_two_factor_secret_using_jwt", JWT)
    api.call("send_two_factor_code_for_login_using_method", TWO_FACTOR_ID, {"methodId": "KLRT"})
    package_lines = [record.getMessage() for record in caplog.records if record.name == "fusionauth_two_factor"]
    assert package_lines[0].startswith("GET /api/two-factor/status/{twoFactorTrustId} -> 200 in ")
    assert package_lines[1].startswith("POST /api/two-factor/login -> ConnectError after ")
    assert package_lines[2].startswith("POST /api/two-factor/login -> 200 in ")
    assert package_lines[2].endswith("(retries so far: 1)")
    assert len(package_lines) == 5
    assert_no_secret(caplog.text)


def test_the_package_logger_is_silent_by_default(api: Api, server: FakeFusionAuth, capsys: Any) -> None:
    server.reply(200, json_body=ALWAYS_SENT)
    api.call("generate_two_factor_secret_using_jwt", JWT)
    captured = capsys.readouterr()
    assert captured.out == captured.err == ""


def test_fusionauth_error_codes_and_field_paths_stay_visible_in_reprs() -> None:
    errors = Errors.from_dict(
        {
            "fieldErrors": {"code": [{"code": "[blank]code", "message": "You must specify the [code] property."}]},
            "generalErrors": [
                {
                    "code": "[TenantIdRequired]",
                    "message": "A tenant id is required.",
                    "data": {"refreshToken": "r-secret"},
                }
            ],
        }
    )
    shown = repr(errors)
    assert "{'code': [Error(code='[blank]code', message='You must specify the [code] property.'" in shown
    assert "Error(code='[TenantIdRequired]'" in shown
    assert "r-secret" not in shown  # a free-form map inside an error is still redacted


COOKIES = [("set-cookie", "access_token=COOKIE-SECRET; HttpOnly"), ("set-cookie", "refresh_token=REFRESH-SECRET")]


def cookie_client(status: int, content: bytes) -> Client:
    def answer(_: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(status, headers=[("content-type", "application/json"), *COOKIES], content=content)

    return Client(
        "http://localhost:9011", api_key="k", http_client=httpx2.Client(transport=httpx2.MockTransport(answer))
    )


def assert_headers_hide_cookies_in_repr_only(headers: httpx2.Headers) -> None:
    assert isinstance(headers, httpx2.Headers)
    assert "COOKIE-SECRET" not in repr(headers)
    assert "REFRESH-SECRET" not in repr(headers)
    assert "'set-cookie', '<redacted>'" in repr(headers)
    assert headers.get_list("set-cookie") == [value for _, value in COOKIES]  # the real values, for who needs them
    assert [item for item in headers.multi_items() if item[0] == "set-cookie"] == COOKIES
    assert headers["content-type"] == "application/json"


@pytest.mark.parametrize(("status", "content"), [(200, b"{}"), (200, b'{"token":'), (421, b"")])
def test_answer_and_error_headers_redact_cookies_in_their_repr(status: int, content: bytes) -> None:
    with cookie_client(status, content) as client:
        try:
            response = TwoFactorController(client).two_factor_login({"twoFactorId": "x", "code": "1"})
        except FusionAuthError as error:
            assert_headers_hide_cookies_in_repr_only(error.headers)  # type: ignore[attr-defined]
            assert "COOKIE-SECRET" not in repr(pickle.loads(pickle.dumps(error)).headers)  # noqa: S301 - our own pickle
        else:
            assert_headers_hide_cookies_in_repr_only(response.headers)
