"""Keep secrets out of reprs: API keys, JWTs, one-time codes, TOTP secrets and bearer-like ids.

The generated attrs models print every field in their repr, so `repr(login_response)` would show
the access token. Rather than edit generated code, the facade replaces the `__repr__` of every
generated model with one that prints `'<redacted>'` for the secret fields below: of the models
loaded when the facade is imported, and of each model module loaded after, as its import ends
(the models are loaded on first use, not with the facade, so there is no single moment to do it).
It also filters the log lines of httpx2 and httpcore2: URLs may carry a twoFactorId, a
trust id or a code, and response headers a login's tokens. And the package's own objects that
hold a key or a request (`NotPickled`) refuse to be pickled or copied.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import logging
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from types import ModuleType
from typing import Any

import httpx2

REDACTED = "<redacted>"

# Wire names of fields whose value grants access or proves possession of a factor.
SECRET_FIELDS = frozenset(
    {
        "accessToken",  # the user's JWT, given to the status call
        "authenticationToken",
        "changePasswordId",  # lets its holder change the user's password
        "code",  # a one-time code
        "emailVerificationId",
        "identityVerificationId",
        "oneTimePassword",
        "password",
        "pendingIdPLinkId",
        "recoveryCodes",
        "refreshToken",
        "registrationVerificationId",
        "secret",
        "secretBase32Encoded",
        "token",
        "tokens",
        "trustChallenge",
        "trustToken",
        "twoFactorId",  # the credential of the unauthenticated login and send calls
        "twoFactorTrustId",  # lets a login skip the second factor
    }
)


# Headers whose values are credentials: FusionAuth's login answer sets access_token and
# refresh_token cookies, and a request's Authorization carries the API key or a JWT.
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


def redacted_headers(headers: httpx2.Headers) -> httpx2.Headers:
    """A copy of `headers` with the value of every secret header replaced by '<redacted>'."""
    # From the raw bytes, in the headers' own encoding: a value that is not ASCII (latin-1, UTF-8) stays as it was.
    secret = {name.encode("ascii") for name in SECRET_HEADERS}
    hidden = REDACTED.encode("ascii")
    return httpx2.Headers(
        [(name, hidden if name.lower() in secret else value) for name, value in headers.raw], encoding=headers.encoding
    )


class ReprRedactedHeaders(httpx2.Headers):
    """An answer's headers as users get them: httpx2.Headers with the real values (a caller may
    need a cookie), whose repr shows '<redacted>' for the value of every secret header."""

    def __repr__(self) -> str:
        return repr(redacted_headers(self))


def repr_redacted_headers(headers: Any) -> ReprRedactedHeaders:
    """`headers` (httpx2.Headers or header lines) as ReprRedactedHeaders; those already are, as they are."""
    return headers if isinstance(headers, ReprRedactedHeaders) else ReprRedactedHeaders(headers)


def _squashed(name: str) -> str:
    # The generator's Python names differ from the wire names only by case and underscores
    # (secretBase32Encoded -> secret_base32_encoded), so comparing squashed names is exact enough.
    return name.replace("_", "").lower()


_SQUASHED_SECRET_FIELDS = frozenset(_squashed(name) for name in SECRET_FIELDS)


def _is_secret_key(key: object) -> bool:
    return isinstance(key, str) and _squashed(key) in _SQUASHED_SECRET_FIELDS


def _redacted_value(value: Any) -> Any:
    """`value` with the value of every secret key of its maps redacted, at any depth.

    For the free-form parts of a model (unknown fields, maps of any JSON): a login answer's
    `{'session': {'refreshToken': ...}}` is as secret as its `refreshToken`. Models inside keep
    their own (redacted) repr.
    """
    if isinstance(value, Mapping):
        return {key: REDACTED if _is_secret_key(key) else _redacted_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_redacted_value(item) for item in value)
    return value


def _present_fields(model: Any) -> Iterator[tuple[str, Any]]:
    """The name and value of each field of an attrs model, but those left unset (they say nothing)."""
    # Imported here, not with the package: the model's module has loaded both already.
    import attrs  # noqa: PLC0415 - see above
    from fusionauth_two_factor_generated.types import Unset  # noqa: PLC0415 - see above

    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        if not isinstance(value, Unset):
            yield field.name, value


def _redacted_repr(self: Any) -> str:
    parts = []
    for name, value in _present_fields(self):
        secret = _squashed(name) in _SQUASHED_SECRET_FIELDS and value
        parts.append(f"{name}={REDACTED if secret else _redacted_value(value)!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


def _error_repr(self: Any) -> str:
    # In FusionAuth's Errors body, `code` is an error code (`[blank]loginId`) and the keys of
    # `fieldErrors` are field paths: what a reader of the error needs, and no secret. Everything
    # else (an Error's free-form `data`, unknown fields) is redacted like any other map.
    keys_are_paths = type(self).__name__ == "ErrorsFieldErrors"
    parts = [
        f"{name}={value if keys_are_paths or name == 'code' else _redacted_value(value)!r}"
        for name, value in _present_fields(self)
    ]
    return f"{type(self).__name__}({', '.join(parts)})"


class NotPickled:
    """A package object that holds an API key or a request (its ids, codes and key): never pickled or copied.

    A pickle would carry the secrets to wherever it goes (a cache, a task queue, a crash report).
    """

    __slots__ = ()

    def __reduce_ex__(self, protocol: object) -> Any:
        raise TypeError(f"{type(self).__name__} holds secrets and is not pickled or copied")


# The models of an error body, whose fields are printed as they are (see _error_repr).
_ERROR_MODELS = frozenset({"Error", "Errors", "ErrorsFieldErrors"})


class _Patterns:
    """The regular expressions of the redaction, compiled at their first use rather than with the
    package: most programs never log a request line nor print a request."""

    def __init__(self) -> None:
        self.id_in_path = re.compile(r"""(/api/two-factor/(?:send|status)/)[^/?#\s'"]+""")
        # The query-string form of disabling a method carries its one-time (or recovery) code.
        self.code_in_query = re.compile(r"([?&]code=)[^&#\s'\"]*")
        names = "|".join(re.escape(name) for name in sorted(SECRET_HEADERS, key=len, reverse=True))
        # httpcore2 logs header lists as reprs of (name, value) pairs of bytes, either quote style.
        self.secret_header_pair = re.compile(
            rf"""\((b?)(['"])({names})\2, b?(['"])(?:\\.|(?!\4).)*\4\)""", re.IGNORECASE
        )
        self.secret_header_line = re.compile(rf"^({names}):.*$", re.IGNORECASE | re.MULTILINE)


@functools.cache
def _patterns() -> _Patterns:
    return _Patterns()


def redacted_url_text(text: str) -> str:
    """`text` without the twoFactorIds, trust ids and codes that our URLs carry."""
    patterns = _patterns()
    return patterns.code_in_query.sub(rf"\g<1>{REDACTED}", patterns.id_in_path.sub(rf"\g<1>{REDACTED}", text))


class RedactedRequest(httpx2.Request):
    """The request of a call, whose repr (in a frame's locals, an event hook's log) hides its URL's ids."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self.method!r}, {redacted_url_text(str(self.url))!r})>"


def redacted_log_text(text: str) -> str:
    """`text` without the ids and codes of our URLs and without the values of secret headers."""
    patterns = _patterns()
    text = redacted_url_text(text)
    text = patterns.secret_header_pair.sub(rf"(\1\2\3\2, \1'{REDACTED}')", text)
    return patterns.secret_header_line.sub(rf"\1: {REDACTED}", text)


class _SecretsLogFilter(logging.Filter):
    """Redacts the lines of the HTTP libraries that the Client drives.

    httpx2 logs every request URL at INFO (ours may hold a twoFactorId, a trust id or a code);
    httpcore2 logs the response headers at DEBUG (a login answer's Set-Cookie holds its tokens).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the format: shown by none
            message = "(a log line whose arguments do not fit its format)"
        redacted = redacted_log_text(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


# A logger's filters see its own records only, not its children's: each logger is named. These
# are every logger that httpx2 and httpcore2 create (with their parents, for the
# records that a user's code or a test sends there).
_LIBRARY_LOGGERS = (
    "httpx2",
    "httpcore2",
    "httpcore2.connection",
    "httpcore2.http11",
    "httpcore2.http2",
    "httpcore2.proxy",
    "httpcore2.socks",
)


# The generated model modules: fusionauth_two_factor_generated.models.<one module per model>.
_MODEL_MODULES = "fusionauth_two_factor_generated.models."


def _redact_models_of(module: ModuleType) -> None:
    """The redacted repr on each model class that `module` defines."""
    import attrs  # noqa: PLC0415 - loaded by the model module already, and not needed before

    for model in list(vars(module).values()):
        if isinstance(model, type) and model.__module__ == module.__name__ and attrs.has(model):
            model.__repr__ = _error_repr if model.__name__ in _ERROR_MODELS else _redacted_repr  # type: ignore[method-assign]


class _RedactingLoader(importlib.abc.Loader):
    """A model module's own loader, which redacts the module's models before its import ends.

    Until then nobody else can hold its classes: Python's import lock keeps another thread
    importing the same module waiting.
    """

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        _redact_models_of(module)

    def __getattr__(self, name: str) -> Any:  # get_source, get_resource_reader, ...: the loader's own
        return getattr(self._loader, name)


class _ModelModulesFinder(importlib.abc.MetaPathFinder):
    """Finds a generated model module as the other finders do, and gives it a `_RedactingLoader`.

    It asks the other finders rather than the file system so that a frozen or zipped application
    (PyInstaller, zipapp) is redacted too.
    """

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if not fullname.startswith(_MODEL_MODULES):
            return None
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            spec: importlib.machinery.ModuleSpec | None = (
                None if finder is self or find_spec is None else find_spec(fullname, path, target)
            )
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _RedactingLoader(spec.loader)
                return spec
        return None


def install_redacted_reprs() -> None:
    """Redacted reprs on every generated model: those loaded now, and each one loaded from now on."""
    if not any(isinstance(finder, _ModelModulesFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _ModelModulesFinder())
    # After the finder is in place, so that a module is redacted by one or the other.
    for name, module in list(sys.modules.items()):
        if name.startswith(_MODEL_MODULES) and module is not None:
            _redact_models_of(module)


def install_httpx_log_filter() -> None:
    """The redacting filter on the loggers of httpx2 and of httpcore2 below it."""
    for name in _LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, _SecretsLogFilter) for existing in logger.filters):
            logger.addFilter(_SecretsLogFilter())
