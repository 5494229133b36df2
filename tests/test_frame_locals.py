"""No secret in the frame locals that error trackers record, on every error path, sync and async.

Sentry records the locals of every frame by default; ``TracebackException(capture_locals=True)``
renders them as an error tracker would. The secrets here are distinctive, so that finding one in a
rendering can only mean it leaked.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from fusionauth_two_factor import (
    APIConnectionError,
    ApiError,
    APITimeoutError,
    AsyncTwoFactorController,
    Client,
    FusionAuthError,
    RequestOptions,
    ResponseParseError,
    TwoFactorController,
)
from fusionauth_two_factor._exchange import Attempt
from fusionauth_two_factor._operations import RETRIEVE_TWO_FACTOR_STATUS, TWO_FACTOR_LOGIN
from fusionauth_two_factor.models import TwoFactorLoginRequest

API_KEY = "apikey-Qx7Lw2Vn9Rt4Zs8Kp3Hd6Mj1Fb5Yc0Ge"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmcmFtZS1sb2NhbHMifQ.c2lnLVdxNEp6OFRtMnJL"
TWO_FACTOR_ID = "tfid-Hm3Xq9Ld2Wv7Pz5Tn8Rc4Kb6Js1Yf0Ga"
TRUST_ID = "trust-Np4Ky8Qw2Lx6Vd9Hs3Mt7Rb1Zc5Jf0Ge"
CODE = "code-Wz5Rk2Tq9Xm"
ACCESS_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0b2tlbi1Gd3gyIn0.dG9rZW4tVnE4Wm0zTDdLcDJS"
SECRETS = [API_KEY, JWT, TWO_FACTOR_ID, TRUST_ID, CODE, ACCESS_TOKEN]
USER_ID = "00000000-0000-0001-0000-000000000000"
BASE_URL = "https://auth.example.com"
LIBRARY_DIRECTORIES = ("/httpx2/", "/httpcore2/")

Handler = Callable[[httpx2.Request], httpx2.Response]


def failing_with(error: type[httpx2.TransportError]) -> Handler:
    def handle(request: httpx2.Request) -> httpx2.Response:
        # As httpcore2's frames do when a write times out: what is being sent, in locals.
        authorization, body = request.headers.get("Authorization", ""), request.read()
        raise error(f"timed out sending {len(authorization) + len(body)} bytes")

    return handle


def answering(status: int, body: str = "", **headers: str) -> Handler:
    return lambda request: httpx2.Response(status, content=body.encode(), headers=headers)


def mock_client(handler: Handler) -> Client:
    transport = httpx2.MockTransport(handler)
    return Client(
        BASE_URL,
        api_key=API_KEY,
        max_retries=0,
        http_client=httpx2.Client(transport=transport),
        async_http_client=httpx2.AsyncClient(transport=transport),
    )


# Every call holds a secret among its arguments: an id in the path, a code in the body, a JWT.
CALLS: dict[str, Callable[[Any], Any]] = {
    "login": lambda controller: controller.two_factor_login({"twoFactorId": TWO_FACTOR_ID, "code": CODE}),
    "send": lambda controller: controller.send_two_factor_code_for_login_using_method(TWO_FACTOR_ID, {"methodId": "K"}),
    "status": lambda controller: controller.retrieve_two_factor_status(TRUST_ID, user_id=USER_ID),
    "secret": lambda controller: controller.generate_two_factor_secret_using_jwt(JWT),
}


def raised(client: Client, mode: str, call: str) -> BaseException:
    try:
        if mode == "sync":
            CALLS[call](TwoFactorController(client))
        else:
            asyncio.run(CALLS[call](AsyncTwoFactorController(client)))
    except Exception as error:  # what the caller catches is under test
        return error
    raise AssertionError("the call did not fail")


def chain(error: BaseException) -> list[BaseException]:
    """The exception and every one linked to it, as an error tracker walks them (suppressed too)."""
    found: list[BaseException] = []
    pending = [error]
    while pending:
        current = pending.pop()
        if all(current is not known for known in found):
            found.append(current)
            pending.extend(linked for linked in (current.__cause__, current.__context__) if linked is not None)
    return found


def rendered_with_locals(error: BaseException) -> str:
    """The frames and locals an error tracker records: those of the raised exception outside this
    test module (where the test's own values are), and every frame of every chained exception."""
    texts = []
    for index, linked in enumerate(chain(error)):
        frames = [
            (frame, line)
            for frame, line in traceback.walk_tb(linked.__traceback__)
            if index or frame.f_code.co_filename != __file__
        ]
        texts.append("".join(traceback.StackSummary.extract(iter(frames), capture_locals=True).format()))
        texts.append(f"{type(linked).__name__}: {linked}")
    return "\n".join(texts)


def assert_nothing_exposed(error: BaseException) -> None:
    text = rendered_with_locals(error)
    assert "fusionauth_two_factor" in text  # the package's frames are there, with their locals
    leaked = [secret for secret in SECRETS if secret in text]
    assert not leaked, text
    if isinstance(error, FusionAuthError):
        for linked in chain(error)[1:]:
            files = [frame.f_code.co_filename for frame, _ in traceback.walk_tb(linked.__traceback__)]
            assert not [name for name in files if any(part in name for part in LIBRARY_DIRECTORIES)], (
                f"the chain of {type(error).__name__} hands over {type(linked).__name__} with HTTP library frames"
            )


@pytest.mark.parametrize(
    ("error", "phase"),
    [
        (httpx2.ConnectTimeout, "connect"),
        (httpx2.ReadTimeout, "read"),
        (httpx2.WriteTimeout, "write"),
        (httpx2.PoolTimeout, "pool"),
    ],
)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_timeout_of_any_phase_exposes_no_secret(
    mode: str, call: str, error: type[httpx2.TransportError], phase: str
) -> None:
    caught = raised(mock_client(failing_with(error)), mode, call)
    assert isinstance(caught, APITimeoutError)
    assert caught.phase == phase
    assert_nothing_exposed(caught)


@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_connection_failure_exposes_no_secret(mode: str, call: str) -> None:
    caught = raised(mock_client(failing_with(httpx2.ConnectError)), mode, call)
    assert isinstance(caught, APIConnectionError)
    assert_nothing_exposed(caught)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (400, '{"fieldErrors": {"code": [{"code": "[invalid]code"}]}}'),
        (401, ""),
        (404, ""),
        (421, ""),
        (503, "upstream down"),
        (500, "{}"),
    ],
)
@pytest.mark.parametrize("call", sorted(CALLS))
def test_an_error_answer_exposes_no_secret(mode: str, call: str, status: int, body: str) -> None:
    handler = answering(status, body, set_cookie=f"access_token={ACCESS_TOKEN}")
    caught = raised(mock_client(handler), mode, call)
    assert isinstance(caught, ApiError)
    assert caught.status_code == status
    assert_nothing_exposed(caught)


def test_a_success_body_that_does_not_parse_exposes_no_secret(mode: str) -> None:
    handler = answering(200, f'{{"token": "{ACCESS_TOKEN}", "user": "not an object"}}')
    caught = raised(mock_client(handler), mode, "login")
    assert isinstance(caught, ResponseParseError)
    assert_nothing_exposed(caught)


BAD_ARGUMENTS: dict[str, Callable[[Any], Any]] = {
    "a field of the wrong type": lambda controller: controller.two_factor_login(
        {"twoFactorId": TWO_FACTOR_ID, "code": CODE, "trustComputer": "yes"}
    ),
    "a Python attribute name": lambda controller: controller.two_factor_login(
        {"two_factor_id": TWO_FACTOR_ID, "twoFactorId": TWO_FACTOR_ID, "code": CODE}
    ),
    "a body that does not fit": lambda controller: controller.two_factor_login({"code": CODE}),
    "a JWT with a line break": lambda controller: controller.generate_two_factor_secret_using_jwt(f"{JWT}\n"),
    "an over-long id": lambda controller: controller.send_two_factor_code_for_login_using_method(
        TWO_FACTOR_ID * 2000, {"methodId": "K"}
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_ARGUMENTS))
def test_a_bad_argument_exposes_no_secret(mode: str, case: str) -> None:
    client = mock_client(answering(200))
    try:
        if mode == "sync":
            BAD_ARGUMENTS[case](TwoFactorController(client))
        else:
            asyncio.run(BAD_ARGUMENTS[case](AsyncTwoFactorController(client)))
    except (TypeError, ValueError) as error:
        assert_nothing_exposed(error)
    else:
        raise AssertionError("the argument was not refused")


SETTINGS_WITH_A_BAD_VALUE: dict[str, Callable[[], object]] = {
    "an API key with a line break": lambda: Client(BASE_URL, api_key=f"{API_KEY}\r\n"),
    "an API key with a space around it": lambda: Client(BASE_URL, api_key=f" {API_KEY}"),
    "a request option header with a line break": lambda: RequestOptions(
        extra_headers={"X-Forwarded-Authorization": f"Bearer {ACCESS_TOKEN}\n"}
    ),
}


@pytest.mark.parametrize("case", sorted(SETTINGS_WITH_A_BAD_VALUE))
def test_a_bad_setting_exposes_no_secret(case: str) -> None:
    with pytest.raises(ValueError) as caught:
        SETTINGS_WITH_A_BAD_VALUE[case]()
    assert_nothing_exposed(caught.value)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections, reads the request, never answers."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    accepted: list[socket.socket] = []

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            accepted.append(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


@pytest.fixture
def refusing_address() -> str:
    with socket.create_server(("127.0.0.1", 0)) as unused:
        port = unused.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # closed: a connection is refused


@pytest.mark.parametrize("call", ["login", "status"])
def test_a_real_read_timeout_exposes_no_secret(mode: str, call: str, silent_server: str) -> None:
    client = Client(silent_server, api_key=API_KEY, max_retries=0, timeout=0.3)
    caught = raised(client, mode, call)
    assert isinstance(caught, APITimeoutError)
    assert_nothing_exposed(caught)


@pytest.mark.parametrize("call", ["login", "status"])
def test_a_real_refused_connection_exposes_no_secret(mode: str, call: str, refusing_address: str) -> None:
    caught = raised(Client(refusing_address, api_key=API_KEY, max_retries=0), mode, call)
    assert isinstance(caught, APIConnectionError)
    assert_nothing_exposed(caught)


def test_the_package_objects_reprs_and_the_clients_vars_show_no_secret() -> None:
    client = mock_client(answering(200))
    options = RequestOptions(extra_headers={"X-Forwarded-Authorization": f"Bearer {ACCESS_TOKEN}"})
    body = TwoFactorLoginRequest(two_factor_id=TWO_FACTOR_ID, code=CODE)
    call = client._prepare(TWO_FACTOR_LOGIN, {"body": body}, jwt=JWT, options=options)
    objects: list[object] = [
        client,
        *vars(client).values(),
        TwoFactorController(client),
        AsyncTwoFactorController(client),
        options,
        call,
        call.request,
        Attempt(call.request, 0.0, 1),
    ]
    text = "\n".join(repr(item) for item in objects)
    leaked = [secret for secret in SECRETS if secret in text]
    assert not leaked, text
    status = client._prepare(RETRIEVE_TWO_FACTOR_STATUS, {"two_factor_trust_id": TRUST_ID, "user_id": USER_ID})
    assert TRUST_ID not in repr(status) + repr(status.request)
    assert "/api/two-factor/status/<redacted>" in repr(status.request)


def test_the_secrets_are_distinctive() -> None:
    source = Path(__file__).read_text()
    assert all(source.count(secret) == 1 for secret in SECRETS)  # each written once, above


def test_a_deprecation_warning_still_points_at_the_callers_line() -> None:
    """The wrapper that clears locals is a frame of the package too: warnings skip it."""
    client = mock_client(answering(200, '{"recoveryCodes": []}'))
    with pytest.warns(DeprecationWarning, match="retrieveTwoFactorRecoveryCodes is deprecated") as caught:
        TwoFactorController(client).retrieve_two_factor_recovery_codes(USER_ID)
    assert caught[0].filename == __file__
