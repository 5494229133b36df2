"""The otpauth:// URI and its QR codes: exact against the Key Uri Format, pyotp and a real QR decoder (zxing-cpp)."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pyotp
import pytest
import zxingcpp
from fusionauth_two_factor_generated.types import UNSET
from support import JWT, FakeFusionAuth, make_client

from fusionauth_two_factor import ApiResponse, Client, TwoFactorController
from fusionauth_two_factor.emulator.server import EmulatorServer
from fusionauth_two_factor.enrolment import authenticator_uri, qr_svg, qr_terminal
from fusionauth_two_factor.models import AuthenticatorConfiguration, SecretResponse, TotpAlgorithm, TwoFactorMethod

# The pair from FusionAuth's documentation (the Generate a Secret example).
RAW_SECRET = "8MJJfCY4ERBtotvenSc3"
BASE32_SECRET = "HBGUUSTGINMTIRKSIJ2G65DWMVXFGYZT"
SECRET_RESPONSE = SecretResponse.from_dict({"secret": RAW_SECRET, "secretBase32Encoded": BASE32_SECRET})
SETTINGS = "algorithm=SHA1&digits=6&period=30"
ENROLLING_USER_ID = "00000000-0000-0000-0000-000000000007"  # the emulator's seeded user "enrol": no MFA yet


def uri_for(secret: ApiResponse[SecretResponse] | SecretResponse | str = SECRET_RESPONSE, **kwargs: Any) -> str:
    return authenticator_uri(secret, **{"issuer": "Example", "account_name": "alice@example.com", **kwargs})


# --- the URI -------------------------------------------------------------------------------------


def test_uri_from_a_secret_response_with_fusionauths_defaults() -> None:
    assert uri_for() == f"otpauth://totp/Example:alice%40example.com?secret={BASE32_SECRET}&issuer=Example&{SETTINGS}"


def test_uri_from_base32_text_is_the_same() -> None:
    assert uri_for(BASE32_SECRET) == uri_for(SECRET_RESPONSE)


def test_uri_straight_from_the_answer_as_the_readme_shows(server: FakeFusionAuth) -> None:
    # Typed as a user's code is: mypy checks that the answer goes in as it is, no cast, no None check.
    server.reply(200, json_body=SECRET_RESPONSE.to_dict())
    with make_client(server) as client:
        answer = TwoFactorController(client).generate_two_factor_secret_using_jwt(JWT)
        uri = authenticator_uri(answer, issuer="Example", account_name="alice@example.com")
    assert uri == uri_for(SECRET_RESPONSE)


def test_an_app_that_reads_the_uri_makes_codes_fusionauth_accepts(emu: EmulatorServer) -> None:
    # The whole enrolment against the emulator, which checks codes as FusionAuth does: the secret, the
    # URI read by pyotp's parser as an app reads it, then the app's code enables the method.
    with Client(emu.base_url, api_key=emu.api_key) as client:
        two_factor = TwoFactorController(client)
        secret = two_factor.generate_two_factor_secret()
        app = pyotp.parse_uri(authenticator_uri(secret, issuer="Pied Piper", account_name="monica@piedpiper.com"))
        assert isinstance(app, pyotp.TOTP)
        assert secret.result is not None
        enabled = two_factor.enable_two_factor(
            ENROLLING_USER_ID,
            {
                "method": "authenticator",
                "code": app.at(emu.fake_clock.now_ms() // 1000),
                "secretBase32Encoded": str(secret.result.secret_base32_encoded),
            },
        )
    assert enabled.result is not None
    assert enabled.result.recovery_codes  # the user's first method


def test_the_key_uri_formats_own_example() -> None:
    # Google's example leaves "@" raw; RFC 3986 allows both, and percent-decoding gives the same text.
    uri = authenticator_uri("HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ", issuer="ACME Co", account_name="john.doe@email.com")
    assert uri == (
        "otpauth://totp/ACME%20Co:john.doe%40email.com"
        "?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30"
    )


@pytest.mark.parametrize(
    ("issuer", "encoded"),
    [
        ("Big Corporation", "Big%20Corporation"),  # %20, never "+"
        ("A+B & Co", "A%2BB%20%26%20Co"),  # "+" and "&" cannot be taken for a space or a new parameter
        ("a/b?c#d", "a%2Fb%3Fc%23d"),  # nothing that would end the path or start the query
        ("100%", "100%25"),
        ("Café Ünïcode", "Caf%C3%A9%20%C3%9Cn%C3%AFcode"),  # UTF-8, so the URI is ASCII
    ],
)
def test_issuer_is_percent_encoded_in_label_and_query(issuer: str, encoded: str) -> None:
    uri = uri_for(issuer=issuer)
    assert uri.startswith(f"otpauth://totp/{encoded}:alice%40example.com?")
    assert f"&issuer={encoded}&" in uri
    assert uri.isascii()


@pytest.mark.parametrize(
    ("issuer", "account_name"),
    [("Example", "alice@example.com"), ("ACME Co", "John Doe"), ("Café", "ünï+code&x=1"), ("a/b", "c?d#e")],
)
def test_uri_round_trips_through_urllib(issuer: str, account_name: str) -> None:
    parts = urlsplit(uri_for(issuer=issuer, account_name=account_name))
    assert (parts.scheme, parts.netloc, parts.fragment) == ("otpauth", "totp", "")
    assert unquote(parts.path.removeprefix("/")).split(":") == [issuer, account_name]
    assert parse_qs(parts.query, strict_parsing=True) == {
        "secret": [BASE32_SECRET],
        "issuer": [issuer],
        "algorithm": ["SHA1"],
        "digits": ["6"],
        "period": ["30"],
    }


@pytest.mark.parametrize(
    ("algorithm", "digest", "digits", "period"),
    [("SHA256", hashlib.sha256, 8, 60), ("SHA512", hashlib.sha512, 7, 45), ("SHA1", hashlib.sha1, 8, 45)],
)
def test_uri_is_exactly_pyotps_when_every_setting_is_spelled_out(
    algorithm: Any, digest: Any, digits: int, period: int
) -> None:
    # pyotp leaves out settings equal to the defaults, so the comparison uses settings it writes.
    ours = uri_for(issuer="ACME Co", algorithm=algorithm, digits=digits, period=period)
    totp = pyotp.TOTP(BASE32_SECRET, digits=digits, digest=digest, interval=period)
    theirs = totp.provisioning_uri(name="alice@example.com", issuer_name="ACME Co")
    if algorithm == "SHA1":  # ... and writes no algorithm for SHA-1
        ours = ours.replace("&algorithm=SHA1", "")
    assert ours == theirs


@pytest.mark.parametrize(
    ("kwargs", "digest", "digits", "period"),
    [({}, "sha1", 6, 30), ({"algorithm": "SHA512", "digits": 8, "period": 60}, "sha512", 8, 60)],
)
def test_pyotps_parser_reads_back_what_an_app_would_use(
    kwargs: dict[str, Any], digest: str, digits: int, period: int
) -> None:
    totp = pyotp.parse_uri(uri_for(issuer="ACME Co", **kwargs))
    assert isinstance(totp, pyotp.TOTP)
    assert (totp.secret, totp.name, totp.issuer) == (BASE32_SECRET, "alice@example.com", "ACME Co")
    assert (totp.digest().name, totp.digits, totp.interval) == (digest, digits, period)
    assert base64.b32decode(totp.secret) == RAW_SECRET.encode()  # the app's key: FusionAuth's secret bytes


def test_base32_padding_is_dropped_as_the_format_asks() -> None:
    assert uri_for("MFRGG===") == uri_for("MFRGG")
    assert "?secret=MFRGG&" in uri_for("MFRGG===")


# --- FusionAuth's AuthenticatorConfiguration -----------------------------------------------------


@pytest.mark.parametrize(
    ("configuration", "settings"),
    [
        (AuthenticatorConfiguration(), SETTINGS),
        (UNSET, SETTINGS),
        (AuthenticatorConfiguration(algorithm=TotpAlgorithm.HMACSHA1, code_length=6, time_step=30), SETTINGS),
        (
            AuthenticatorConfiguration(algorithm=TotpAlgorithm.HMACSHA256, code_length=8, time_step=60),
            "algorithm=SHA256&digits=8&period=60",
        ),
        (AuthenticatorConfiguration(algorithm=TotpAlgorithm.HMACSHA512), "algorithm=SHA512&digits=6&period=30"),
        (AuthenticatorConfiguration(code_length=7), "algorithm=SHA1&digits=7&period=30"),
        (AuthenticatorConfiguration(time_step=90), "algorithm=SHA1&digits=6&period=90"),
    ],
)
def test_configuration_sets_the_settings_and_absent_fields_mean_fusionauths_defaults(
    configuration: Any, settings: str
) -> None:
    assert uri_for(configuration=configuration).endswith(f"&issuer=Example&{settings}")


def test_configuration_straight_from_a_method_fusionauth_sent() -> None:
    method = TwoFactorMethod.from_dict(
        {"id": "KLRT", "method": "authenticator", "authenticator": {"algorithm": "HmacSHA256", "codeLength": 8}}
    )
    assert uri_for(configuration=method.authenticator).endswith("&algorithm=SHA256&digits=8&period=30")
    without = TwoFactorMethod.from_dict({"id": "KLRT", "method": "authenticator"})
    assert uri_for(configuration=without.authenticator).endswith(f"&{SETTINGS}")


def test_an_algorithm_fusionauth_does_not_define_is_refused_by_name() -> None:
    configuration = AuthenticatorConfiguration.from_dict({"algorithm": "HmacMD5"})
    with pytest.raises(ValueError, match=r"configuration.algorithm 'HmacMD5' is not one of FusionAuth's HmacSHA1, "):
        uri_for(configuration=configuration)


@pytest.mark.parametrize(
    ("field", "value", "error", "message"),
    [
        ("codeLength", 5, ValueError, "configuration.code_length must be from 6 to 8, got 5"),
        ("codeLength", 10, ValueError, "configuration.code_length must be from 6 to 8, got 10"),
        ("codeLength", "6", TypeError, "configuration.code_length must be an int, not str"),
        ("timeStep", 0, ValueError, "configuration.time_step must be positive, got 0"),
        ("timeStep", 30.5, TypeError, "configuration.time_step must be an int, not float"),
    ],
)
def test_configuration_values_are_checked(field: str, value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        uri_for(configuration=AuthenticatorConfiguration.from_dict({field: value}))


@pytest.mark.parametrize("explicit", [{"algorithm": "SHA1"}, {"digits": 6}, {"period": 30}])
def test_configuration_and_explicit_settings_together_are_refused(explicit: dict[str, Any]) -> None:
    with pytest.raises(TypeError, match="either as configuration or as algorithm/digits/period, not both"):
        uri_for(configuration=AuthenticatorConfiguration(), **explicit)


def test_configuration_of_another_type_is_refused() -> None:
    with pytest.raises(TypeError, match="configuration must be an AuthenticatorConfiguration, not dict"):
        uri_for(configuration={"algorithm": "HmacSHA1"})


# --- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"issuer": ""}, ValueError, "issuer must not be empty"),
        ({"issuer": "  "}, ValueError, "issuer must not be empty"),
        ({"account_name": ""}, ValueError, "account_name must not be empty"),
        ({"issuer": "Example:Staging"}, ValueError, "issuer must not contain ':'"),
        ({"account_name": "alice:admin"}, ValueError, "account_name must not contain ':'"),
        ({"issuer": None}, TypeError, "issuer must be a str, not NoneType"),
        ({"account_name": b"alice"}, TypeError, "account_name must be a str, not bytes"),
        ({"digits": 5}, ValueError, "digits must be from 6 to 8, got 5"),
        ({"digits": 9}, ValueError, "digits must be from 6 to 8, got 9"),
        ({"digits": True}, TypeError, "digits must be an int, not bool"),
        ({"digits": "6"}, TypeError, "digits must be an int, not str"),
        ({"period": 0}, ValueError, "period must be positive, got 0"),
        ({"period": -30}, ValueError, "period must be positive, got -30"),
        ({"period": 30.0}, TypeError, "period must be an int, not float"),
        ({"algorithm": "MD5"}, ValueError, "algorithm 'MD5' is not one of SHA1, SHA256, SHA512"),
        ({"algorithm": "sha1"}, ValueError, "algorithm 'sha1' is not one of SHA1, SHA256, SHA512"),
        ({"algorithm": "HmacSHA256"}, ValueError, "algorithm 'HmacSHA256' is FusionAuth's name: pass 'SHA256'"),
        ({"algorithm": 1}, TypeError, "algorithm must be a str, not int"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(
    kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=f"^{re.escape(message)}") as raised:
        uri_for(**kwargs)
    assert BASE32_SECRET not in str(raised.value)


@pytest.mark.parametrize(
    "secret",
    [
        "",
        "====",
        BASE32_SECRET.lower(),  # lower case is refused rather than folded (see the next test)
        RAW_SECRET,  # FusionAuth's other field, passed by mistake
        BASE32_SECRET[:-1] + "1",  # 0, 1, 8 and 9 are not Base32
        BASE32_SECRET[:8] + " " + BASE32_SECRET[8:],
        BASE32_SECRET + "A",  # 33 characters: not whole bytes
        BASE32_SECRET[:-2] + "=" + BASE32_SECRET[-1:],  # padding in the middle
    ],
)
def test_text_that_is_not_base32_is_refused_without_echoing_it(secret: str) -> None:
    with pytest.raises(ValueError, match="secret is not upper-case Base32") as raised:
        uri_for(secret)
    message = str(raised.value)
    assert all(part not in message for part in (BASE32_SECRET[:8], RAW_SECRET[:8], BASE32_SECRET.lower()[:8]))


def test_the_raw_secret_of_a_secret_response_is_never_used() -> None:
    only_raw = SecretResponse(secret=RAW_SECRET, secret_base32_encoded="")
    with pytest.raises(ValueError, match=r"^the SecretResponse has no secretBase32Encoded") as raised:
        uri_for(only_raw)
    assert RAW_SECRET not in str(raised.value)


@pytest.mark.parametrize("secret", [None, b"HBGUUSTG", {"secretBase32Encoded": BASE32_SECRET}])
def test_a_secret_of_another_type_is_refused_by_type_name(secret: Any) -> None:
    with pytest.raises(
        TypeError,
        match=r"^secret must be an ApiResponse of a SecretResponse, a SecretResponse or its Base32 text, not ",
    ) as raised:
        uri_for(secret)
    assert BASE32_SECRET not in str(raised.value)


# --- QR codes: decoded by zxing-cpp from what a person would see ------------------------------------

URI = f"otpauth://totp/ACME%20Co:john.doe%40email.com?secret={BASE32_SECRET}&issuer=ACME%20Co&{SETTINGS}"
DARK, LIGHT = 0, 255  # grey levels
PIXELS_PER_MODULE = 3
QUIET_ZONE = 4


def decode(modules: list[list[bool]], *, try_invert: bool = False) -> list[zxingcpp.Barcode]:
    """Every QR code zxing-cpp finds in a picture of `modules` (True: a dark pixel), nothing added around it."""
    picture = bytearray()
    for row in modules:
        line = b"".join(bytes([DARK if dark else LIGHT]) * PIXELS_PER_MODULE for dark in row)
        picture += line * PIXELS_PER_MODULE
    shape = (len(modules) * PIXELS_PER_MODULE, len(modules[0]) * PIXELS_PER_MODULE)
    image = memoryview(picture).cast("B", shape)
    return zxingcpp.read_barcodes(image, try_invert=try_invert, try_rotate=False)


def assert_is_exactly(barcodes: list[zxingcpp.Barcode], uri: str) -> None:
    assert len(barcodes) == 1
    (barcode,) = barcodes
    assert barcode.format == zxingcpp.BarcodeFormat.QRCode  # a full QR code: apps do not read Micro QR
    assert barcode.bytes == uri.encode("ascii")  # the exact bytes, no ECI or other prefix
    assert barcode.ec_level in {"M", "Q", "H"}


def assert_light_border(modules: list[list[bool]], rows_below: int) -> None:
    """The quiet zone: 4 light modules on every side (and `rows_below` light rows at the bottom)."""
    edges = modules[:QUIET_ZONE] + modules[-rows_below:] + [row[:QUIET_ZONE] + row[-QUIET_ZONE:] for row in modules]
    assert not any(any(row) for row in edges)
    assert any(modules[QUIET_ZONE][QUIET_ZONE:-QUIET_ZONE])  # ... and the code itself right inside it


def svg_modules(svg: str) -> tuple[list[list[bool]], ET.Element]:
    """The module grid an SVG from qr_svg draws: a white square, then one stroked path of 1-module-high lines."""
    root = ET.fromstring(svg)  # noqa: S314 - our own output; well-formed XML, or this raises
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    if len(root) == 1:  # the paths in a scaling group; at scale 1 segno leaves the group out
        (group,) = root
        scale = int(re.fullmatch(r"scale\((\d+)\)", group.attrib["transform"])[1])  # type: ignore[index]
    else:
        group, scale = root, 1
    background, lines = group
    assert background.attrib["fill"] == "#fff"
    size = int(re.fullmatch(r"M0 0h(\d+)v\1h-\1z", background.attrib["d"])[1])  # type: ignore[index]
    assert lines.attrib["stroke"] == "#000"
    modules = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, *numbers in re.findall(r"([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?", lines.attrib["d"]):
        if command == "M":
            x, y = float(numbers[0]), float(numbers[1])
        elif command == "m":
            x, y = x + float(numbers[0]), y + float(numbers[1])
        else:  # h: a line through the middle of row y - 0.5, one module high (the stroke width is 1)
            end = x + float(numbers[0])
            for column in range(int(x), int(end)):
                modules[int(y - 0.5)][column] = True
            x = end
    assert re.fullmatch(r"(?:[Mm]-?[\d.]+ -?[\d.]+|h-?[\d.]+)+", lines.attrib["d"])  # nothing else was drawn
    assert root.attrib["viewBox"] == f"0 0 {size * scale} {size * scale}"
    return modules, root


def test_svg_is_a_standalone_document_that_decodes_to_the_uri() -> None:
    svg = qr_svg(URI)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" ')
    modules, root = svg_modules(svg)
    assert (root.attrib["width"], root.attrib["height"]) == (f"{len(modules) * 4}px", f"{len(modules) * 4}px")
    assert_light_border(modules, QUIET_ZONE)
    assert_is_exactly(decode(modules), URI)
    assert BASE32_SECRET not in svg


def test_svg_scale_sets_the_size_not_the_code() -> None:
    small, large = svg_modules(qr_svg(URI, scale=1)), svg_modules(qr_svg(URI, scale=10))
    assert small[0] == large[0]
    assert large[1].attrib["width"] == f"{len(large[0]) * 10}px"
    for bad, error in ((0, ValueError), (-1, ValueError), (2.5, TypeError), (True, TypeError)):
        with pytest.raises(error, match=r"^scale must be"):
            qr_svg(URI, scale=bad)  # type: ignore[arg-type]


def terminal_modules(text: str, *, terminal_background: str) -> list[list[bool]]:
    """What a terminal with that background shows for `text`: True where a pixel is dark."""
    lines = text.split("\n")
    assert {len(line) for line in lines} == {len(lines[0])}  # a rectangle
    assert set(text) <= set(" \N{UPPER HALF BLOCK}\N{LOWER HALF BLOCK}\N{FULL BLOCK}\n")  # no escape sequences
    upper_inked = {"\N{UPPER HALF BLOCK}", "\N{FULL BLOCK}"}
    lower_inked = {"\N{LOWER HALF BLOCK}", "\N{FULL BLOCK}"}
    ink_is_dark = terminal_background == "light"  # the foreground colour contrasts with the background
    modules = []
    for line in lines:
        modules.append([(char in upper_inked) == ink_is_dark for char in line])
        modules.append([(char in lower_inked) == ink_is_dark for char in line])
    return modules


@pytest.mark.parametrize("background", ["dark", "light"])
def test_terminal_text_decodes_to_the_uri_on_the_background_it_was_made_for(background: str) -> None:
    text = qr_terminal(URI, background=background)  # type: ignore[arg-type]
    modules = terminal_modules(text, terminal_background=background)
    # A QR code is 17 + 4 * version modules wide, plus the quiet zone on each side; two rows a line.
    width = len(modules[0])
    assert (width - 17 - 2 * QUIET_ZONE) % 4 == 0
    assert len(text.split("\n")) == (width + 1) // 2
    assert_light_border(modules, QUIET_ZONE + 1)  # the odd row count leaves half a line below: light too
    assert not text.endswith("\n")
    assert_is_exactly(decode(modules), URI)
    # On the other background the same text is the code inverted: only a scanner that tries inverting reads it.
    other = "light" if background == "dark" else "dark"
    inverted = terminal_modules(text, terminal_background=other)
    assert decode(inverted) == []
    assert_is_exactly(decode(inverted, try_invert=True), URI)


def test_terminal_default_is_for_a_dark_background() -> None:
    assert qr_terminal(URI) == qr_terminal(URI, background="dark") != qr_terminal(URI, background="light")
    with pytest.raises(ValueError, match=r'^background must be "dark" or "light"$'):
        qr_terminal(URI, background="blue")  # type: ignore[arg-type]


def test_a_longer_uri_still_decodes_exactly() -> None:
    uri = authenticator_uri(
        "JBSWY3DPEHPK3PXP" * 4, issuer="Ünïcode Corporation International", account_name="a.very.long.name@example.com"
    )
    assert_is_exactly(decode(svg_modules(qr_svg(uri))[0]), uri)
    assert_is_exactly(decode(terminal_modules(qr_terminal(uri), terminal_background="dark")), uri)


@pytest.mark.parametrize("render", [qr_svg, qr_terminal])
@pytest.mark.parametrize(
    ("uri", "error", "message"),
    [
        (BASE32_SECRET, ValueError, "uri must be an otpauth:// URI, such as authenticator_uri() returns"),
        ("https://example.com", ValueError, "uri must be an otpauth:// URI"),
        (b"otpauth://totp/x", TypeError, "uri must be a str, not bytes"),
        (SECRET_RESPONSE, TypeError, "uri must be a str, not SecretResponse"),
    ],
)
def test_qr_functions_take_only_an_otpauth_uri(render: Any, uri: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=f"^{re.escape(message)}") as raised:
        render(uri)
    assert BASE32_SECRET not in str(raised.value)


# --- the qr extra --------------------------------------------------------------------------------


@pytest.mark.parametrize("render", [qr_svg, qr_terminal])
def test_without_the_qr_extra_the_error_says_how_to_install_it(render: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "segno", None)  # what `import segno` meets when segno is not installed
    with pytest.raises(ImportError, match=re.escape('pip install "fusionauth-two-factor[qr]"')) as raised:
        render(URI)
    assert raised.value.name == "segno"
    assert BASE32_SECRET not in str(raised.value)


def test_the_uri_needs_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "segno", None)
    assert uri_for().startswith("otpauth://totp/")


def test_importing_the_package_does_not_import_segno() -> None:
    code = "import sys, fusionauth_two_factor, fusionauth_two_factor.enrolment; print('segno' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert result.stdout.strip() == "False"
