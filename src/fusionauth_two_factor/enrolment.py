"""Show a user how to add FusionAuth's authenticator secret to their app: an `otpauth://` URI and a QR code of it.

Enrolling an authenticator app (Google Authenticator, Authy, 1Password, ...) takes three steps:
generate a secret (`generate_two_factor_secret` / `..._using_jwt`), show it to the user as a QR
code, then enable the method with the first code their app shows (`enable_two_factor`). This
module is the middle step (this runs as it is against ``fusionauth-two-factor-emulator --port 9011``)::

    from fusionauth_two_factor import Client, TwoFactorController
    from fusionauth_two_factor.enrolment import authenticator_uri, qr_svg, qr_terminal

    monica = "00000000-0000-0000-0000-000000000007"
    with Client("http://127.0.0.1:9011", api_key="emulator-api-key-4Xk9qLr2TzV7mB3nH8wJ5cF1") as client:
        two_factor = TwoFactorController(client)
        secret = two_factor.generate_two_factor_secret()  # or ..._using_jwt(jwt) with the user's own JWT
        uri = authenticator_uri(secret, issuer="Pied Piper", account_name="monica@piedpiper.com")
        svg = qr_svg(uri)  # embed in a web page
        print(qr_terminal(uri))  # or show it in a terminal
        code = input("Code shown by your authenticator app: ")
        two_factor.enable_two_factor(monica, {"method": "authenticator", "secret": secret.result.secret, "code": code})

`authenticator_uri` needs nothing beyond this package. The QR functions need the `qr` extra
(`pip install ".[qr]"` from a clone, which brings segno, a pure-Python QR encoder); segno
is imported on the first QR call, so importing this module costs nothing without it.

The URI and the QR code carry the secret itself: treat them as you treat the secret (serve them
over TLS, with `Cache-Control: no-store`, and never log them). Nothing here puts the secret in an
exception message.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Final, Literal, get_args
from urllib.parse import quote, urlencode

from fusionauth_two_factor_generated.models import AuthenticatorConfiguration, SecretResponse
from fusionauth_two_factor_generated.types import Unset

from ._response import ApiResponse

if TYPE_CHECKING:
    import segno

__all__ = ["AuthenticatorAlgorithm", "TerminalBackground", "authenticator_uri", "qr_svg", "qr_terminal"]

AuthenticatorAlgorithm = Literal["SHA1", "SHA256", "SHA512"]
"""The HMAC hash, as the Key Uri Format names it (FusionAuth says `HmacSHA1`, ...)."""

TerminalBackground = Literal["dark", "light"]
"""The background colour of the terminal a QR code is printed to."""

# FusionAuth's defaults, and today the only settings it accepts (its docs: "TOTP Implementation").
_DEFAULT_ALGORITHM: Final = "SHA1"
_DEFAULT_DIGITS: Final = 6
_DEFAULT_PERIOD: Final = 30

_ALGORITHMS: Final[frozenset[str]] = frozenset(get_args(AuthenticatorAlgorithm))
_FUSIONAUTH_ALGORITHMS: Final[dict[str, AuthenticatorAlgorithm]] = {
    "HmacSHA1": "SHA1",
    "HmacSHA256": "SHA256",
    "HmacSHA512": "SHA512",
}
# RFC 4226 section 5.3: at least 6 digits, possibly 7 or 8.
_DIGITS_RANGE: Final = range(6, 9)

# RFC 4648 Base32 in upper case. Lower case is refused rather than folded: FusionAuth's other field,
# `secret`, is mixed-case text, and passing it by mistake must fail here, not in the user's app.
_BASE32: Final = re.compile(r"[A-Z2-7]+")
# A Base32 text of whole bytes has 0, 2, 4, 5 or 7 characters past the last full group of 8.
_BASE32_VALID_REMAINDERS: Final = frozenset({0, 2, 4, 5, 7})

_URI_SCHEME: Final = "otpauth://"
# The quiet zone ISO/IEC 18004 asks for around a QR code, in modules; scanners need it to find the code.
_QUIET_ZONE: Final = 4
_QR_INSTALL_HINT: Final = 'the QR code functions need the qr extra: pip install "fusionauth-two-factor[qr]"'


def authenticator_uri(
    secret: ApiResponse[SecretResponse] | SecretResponse | str,
    *,
    issuer: str,
    account_name: str,
    configuration: AuthenticatorConfiguration | Unset | None = None,
    algorithm: AuthenticatorAlgorithm | None = None,
    digits: int | None = None,
    period: int | None = None,
) -> str:
    """The `otpauth://totp/...` URI an authenticator app reads from a QR code or a link.

    Built as Google's Key Uri Format describes, with every parameter spelled out::

        otpauth://totp/{issuer}:{account_name}?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30

    Args:
        secret: What `generate_two_factor_secret` / `generate_two_factor_secret_using_jwt` returned,
            or its `result` (the `SecretResponse`, whose `secretBase32Encoded` is used), or that
            Base32 text itself. Base32 padding (`=`) is dropped, as the format asks; anything else
            outside `A-Z2-7` is refused.
        issuer: Your service's name, shown by the app above the code ("Example Inc"). It also
            prefixes the label, so that two services' accounts for one email address stay apart.
        account_name: Which of the user's accounts this is, usually their email or username.
        configuration: The method's FusionAuth settings (`TwoFactorMethod.authenticator`, or the
            tenant's), when they may differ from FusionAuth's defaults. Absent fields, and an
            `UNSET` configuration, mean the defaults.
        algorithm, digits, period: The same settings in the Key Uri Format's terms, instead of
            `configuration`. Defaults: FusionAuth's `SHA1`, 6 digits, 30 seconds, which are today
            the only settings FusionAuth accepts.

    The issuer and account name are percent-encoded as RFC 3986 says for a path segment and a query
    value (a space becomes `%20`, `@` becomes `%40`, non-ASCII text its UTF-8 bytes), so the URI is
    plain ASCII. The format forbids a colon in either (it separates them in the label).

    Raises:
        TypeError: an argument of the wrong type, or both `configuration` and any of `algorithm`,
            `digits`, `period`.
        ValueError: an empty issuer or account name, a colon in one, a secret that is not Base32, an
            answer without a `SecretResponse` or one without `secretBase32Encoded`, an algorithm
            FusionAuth or the format does not define, digits outside 6-8, a period that is not a
            positive number of seconds. No message contains the secret.
    """
    base32_secret = _base32_secret(secret)
    label = f"{_label_part(issuer, 'issuer')}:{_label_part(account_name, 'account_name')}"
    if isinstance(configuration, AuthenticatorConfiguration):
        if (algorithm, digits, period) != (None, None, None):
            raise TypeError("pass the TOTP settings either as configuration or as algorithm/digits/period, not both")
        settings = _settings_from_configuration(configuration)
    elif configuration is None or isinstance(configuration, Unset):
        settings = _checked_settings(algorithm, digits, period)
    else:
        raise TypeError(f"configuration must be an AuthenticatorConfiguration, not {type(configuration).__name__}")
    query = {"secret": base32_secret, "issuer": issuer, **settings}
    # quote, not urlencode's quote_plus: a space is %20, not the "+" some apps show as it is; safe="": nothing raw.
    return f"{_URI_SCHEME}totp/{label}?{urlencode(query, quote_via=quote, safe='')}"


def qr_svg(uri: str, *, scale: int = 4) -> str:
    """A QR code of `uri` as a standalone SVG document (text), black on an opaque white square.

    `scale` is the size of one module in pixels: the SVG's `width`/`height`; its `viewBox` lets CSS
    resize it. The background is drawn (not transparent) so that the code still scans on a page with
    a dark theme, and the quiet zone scanners need is included. Put it in a page as it is
    (`<div>{{ svg | safe }}</div>` in a template) or serve it as `image/svg+xml`.

    Raises:
        ImportError: the `qr` extra is not installed (the message says how to install it).
        TypeError, ValueError: `uri` is not an `otpauth://` URI (see `authenticator_uri`), or `scale`
            is not a positive int.
    """
    scale = _checked_whole_number(scale, "scale", None)
    svg = io.BytesIO()
    _qr_code(uri).save(
        svg,
        kind="svg",
        scale=scale,
        border=_QUIET_ZONE,
        dark="#000",
        light="#fff",
        xmldecl=False,  # so that the same text also goes into an HTML page as it is
        unit="px",  # width/height in px and a viewBox, rather than one or the other
        nl=False,
    )
    return svg.getvalue().decode()


_HALF_BLOCKS: Final[dict[tuple[bool, bool], str]] = {
    # (upper module inked, lower module inked) -> the character that inks exactly those halves
    (False, False): " ",
    (True, False): "\N{UPPER HALF BLOCK}",
    (False, True): "\N{LOWER HALF BLOCK}",
    (True, True): "\N{FULL BLOCK}",
}


def qr_terminal(uri: str, *, background: TerminalBackground = "dark") -> str:
    """A QR code of `uri` as lines of text for a terminal: print it and scan it from the screen.

    Each character is two modules stacked (Unicode half blocks), so the code is square in a usual
    terminal font and fits in about 30 lines. Plain text, no escape sequences: it also survives a
    pager or a file. A scanner needs dark modules on a light ground, and the text draws with the
    terminal's foreground colour, so say what the terminal looks like: on a `"dark"` background
    (the default) the light modules are drawn; on a `"light"` one, the dark modules. The wrong
    choice shows the code inverted, which many scanners do not read. The lines have no trailing
    newline.

    Raises:
        ImportError: the `qr` extra is not installed (the message says how to install it).
        TypeError, ValueError: `uri` is not an `otpauth://` URI (see `authenticator_uri`), or
            `background` is neither "dark" nor "light".
    """
    if background not in ("dark", "light"):
        raise ValueError('background must be "dark" or "light"')
    inked_module = 0 if background == "dark" else 1  # in segno's matrix 1 is a dark module, 0 a light one
    rows = [[module == inked_module for module in row] for row in _qr_code(uri).matrix_iter(border=_QUIET_ZONE)]
    if len(rows) % 2:  # the last character line has no lower row: the quiet zone, light, goes on below
        rows.append([inked_module == 0] * len(rows[0]))
    return "\n".join(
        "".join(_HALF_BLOCKS[pair] for pair in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    )


def _base32_secret(secret: ApiResponse[SecretResponse] | SecretResponse | str) -> str:
    if isinstance(secret, ApiResponse):
        secret = secret.result
    if isinstance(secret, SecretResponse):
        # The one place that reads the generated attribute (a regeneration may rename it).
        value = secret.secret_base32_encoded
        if not value:
            raise ValueError("the SecretResponse has no secretBase32Encoded, which the URI needs")
    elif isinstance(secret, str):
        value = secret
    else:
        raise TypeError(
            f"secret must be an ApiResponse of a SecretResponse, a SecretResponse or its Base32 text, "
            f"not {type(secret).__name__}"
        )
    unpadded = value.rstrip("=")
    if not _BASE32.fullmatch(unpadded) or len(unpadded) % 8 not in _BASE32_VALID_REMAINDERS:
        raise ValueError(
            "secret is not upper-case Base32 (RFC 4648: A-Z and 2-7): pass the SecretResponse itself, "
            "or its secret_base32_encoded, not its secret"
        )
    return unpadded


def _label_part(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    if ":" in value:
        raise ValueError(f"{name} must not contain ':' (the Key Uri Format separates issuer and account with it)")
    return quote(value, safe="")


def _checked_settings(algorithm: object, digits: object, period: object) -> dict[str, str]:
    """The query's algorithm, digits and period, given in the Key Uri Format's terms (None: FusionAuth's default)."""
    algorithm = _DEFAULT_ALGORITHM if algorithm is None else algorithm
    if not isinstance(algorithm, str):
        raise TypeError(f"algorithm must be a str, not {type(algorithm).__name__}")
    if algorithm in _FUSIONAUTH_ALGORITHMS:
        raise ValueError(
            f"algorithm {algorithm!r} is FusionAuth's name: pass {_FUSIONAUTH_ALGORITHMS[algorithm]!r}, "
            "or the AuthenticatorConfiguration itself as configuration"
        )
    if algorithm not in _ALGORITHMS:
        raise ValueError(f"algorithm {algorithm!r} is not one of {', '.join(sorted(_ALGORITHMS))}")
    return {
        "algorithm": algorithm,
        "digits": str(_checked_whole_number(_DEFAULT_DIGITS if digits is None else digits, "digits", _DIGITS_RANGE)),
        "period": str(_checked_whole_number(_DEFAULT_PERIOD if period is None else period, "period", None)),
    }


def _settings_from_configuration(configuration: AuthenticatorConfiguration) -> dict[str, str]:
    """The query's algorithm, digits and period from FusionAuth's settings; an absent field means its default."""
    algorithm = configuration.algorithm
    if isinstance(algorithm, Unset):
        uri_algorithm = _DEFAULT_ALGORITHM
    elif algorithm in _FUSIONAUTH_ALGORITHMS:
        uri_algorithm = _FUSIONAUTH_ALGORITHMS[algorithm]
    else:  # an open enumeration: a newer FusionAuth may send a value this version does not know
        raise ValueError(
            f"configuration.algorithm {str(algorithm)!r} is not one of FusionAuth's {', '.join(_FUSIONAUTH_ALGORITHMS)}"
        )
    code_length = _DEFAULT_DIGITS if isinstance(configuration.code_length, Unset) else configuration.code_length
    time_step = _DEFAULT_PERIOD if isinstance(configuration.time_step, Unset) else configuration.time_step
    return {
        "algorithm": uri_algorithm,
        "digits": str(_checked_whole_number(code_length, "configuration.code_length", _DIGITS_RANGE)),
        "period": str(_checked_whole_number(time_step, "configuration.time_step", None)),
    }


def _checked_whole_number(value: object, name: str, allowed: range | None) -> int:
    """`value` when it is an int (not a bool) in `allowed`, or positive when `allowed` is None."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if allowed is None and value < 1:
        raise ValueError(f"{name} must be positive, got {value}")
    if allowed is not None and value not in allowed:
        raise ValueError(f"{name} must be from {allowed.start} to {allowed.stop - 1}, got {value}")
    return value


def _qr_code(uri: object) -> segno.QRCode:
    if not isinstance(uri, str):
        raise TypeError(f"uri must be a str, not {type(uri).__name__}")
    if not uri.lower().startswith(_URI_SCHEME):
        # Refuse a bare secret or any other text: an authenticator app cannot enrol from it.
        raise ValueError("uri must be an otpauth:// URI, such as authenticator_uri() returns")
    try:
        import segno  # noqa: PLC0415 - imported on first use, so that the package imports without the extra
    except ImportError as error:
        raise ImportError(_QR_INSTALL_HINT, name=error.name) from error
    # make_qr, not make: segno would pick a Micro QR code for short text, which authenticator apps do not read.
    # Error correction M (segno raises it further when that costs no size) tolerates a glare or a smudge.
    return segno.make_qr(uri, error="m")
