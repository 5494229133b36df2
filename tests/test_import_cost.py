"""What `import fusionauth_two_factor` loads (issue 15: a CLI or a serverless cold start pays for it).

Each check runs in a fresh interpreter: the test process has long since loaded everything. The
time it costs is measured by the benchmark (`benchmarks/run.py --only import`), not here; these
tests pin what is not loaded until a call needs it, and that calls and redaction still work then.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from fusionauth_two_factor.emulator import EmulatorServer

# Loaded at the first call that needs them, not with the package: the modules whose names start so.
LOADED_ON_FIRST_USE = (
    "fusionauth_two_factor_generated.api",  # the generated operations
    "fusionauth_two_factor_generated.models.",  # each model's module (the package itself is a lazy index)
    "fusionauth_two_factor.models",  # the facade's re-export of the models
    # attrs, and the generated modules that import it (templates/package_init.py.jinja keeps the
    # package's own import of its client lazy): every model is an attrs class, created at first use.
    "attr",  # attr and attrs
    "fusionauth_two_factor_generated.types",
    "fusionauth_two_factor_generated.client",
    # The answer and body checks, and what they import: the first answer or body checked loads them.
    "fusionauth_two_factor._parsing",
    "fusionauth_two_factor._shapes",
    "fusionauth_two_factor_generated",  # the generated package itself, a lazy index of its models
    "difflib",  # the typo suggestions of a dict body's unknown key
    # uuid imports platform, which compiles a dozen regexes at import: the first id checked loads it.
    "uuid",
    "platform",
    # The HTTP stack below httpx2 (which loads none of these itself), loaded by the first call
    # that opens a connection: the sync pool's, or the async one's with the running event loop.
    "httpcore2",
    "h11",
    "anyio",
    "asyncio",
    "httptools",
)


def run_fresh(code: str, *arguments: str) -> dict[str, object]:
    """Runs `code` in a new interpreter; it prints one JSON object as its last line, returned here."""
    command = [sys.executable, "-c", textwrap.dedent(code), *arguments]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603 - fixed code
    assert completed.returncode == 0, completed.stderr
    answer: dict[str, object] = json.loads(completed.stdout.splitlines()[-1])
    return answer


LOADED_MODULES = """
def loaded(prefixes):
    return sorted(name for name in sys.modules if name.startswith(tuple(prefixes)))
"""


def test_importing_the_package_and_creating_clients_loads_no_generated_operation(emu: EmulatorServer) -> None:
    answer = run_fresh(
        LOADED_MODULES
        + """
import json, sys
import fusionauth_two_factor as fa

prefixes = sys.argv[3:]
client = fa.Client(sys.argv[1], api_key=sys.argv[2])
controllers = [fa.TwoFactorController(client), fa.LoginController(client)]
async_controllers = [fa.AsyncTwoFactorController(client), fa.AsyncLoginController(client)]
before = loaded(prefixes)
secret = controllers[0].generate_two_factor_secret()  # the first call loads what it needs
client.close()
print(json.dumps({
    "before": before,
    "after": loaded(prefixes),
    "result": type(secret.result).__name__,
    "repr": repr(secret),
    "secret": secret.result.secret,
}))
""",
        emu.base_url,
        emu.api_key,
        *LOADED_ON_FIRST_USE,
    )
    assert answer["before"] == []
    after = answer["after"]
    assert isinstance(after, list)
    assert "fusionauth_two_factor_generated.api.two_factor.generate_two_factor_secret_using_jwt" in after
    assert "fusionauth_two_factor_generated.models.secret_response" in after
    assert "fusionauth_two_factor_generated.models.login_response" not in after  # only what the call needs
    assert answer["result"] == "SecretResponse"
    assert str(answer["secret"]) not in str(answer["repr"])
    assert "secret='<redacted>'" in str(answer["repr"])


def test_a_model_imported_from_the_facade_is_loaded_then_and_redacted() -> None:
    answer = run_fresh(
        LOADED_MODULES
        + """
import json, sys
import fusionauth_two_factor

before = loaded(["fusionauth_two_factor.models", "fusionauth_two_factor_generated.models."])
from fusionauth_two_factor.models import TwoFactorLoginRequest

request = TwoFactorLoginRequest(two_factor_id="the-two-factor-id", code="246810")
after = loaded(["fusionauth_two_factor_generated.models."])
print(json.dumps({"before": before, "after": after, "repr": repr(request)}))
"""
    )
    assert answer["before"] == []
    assert answer["after"] == ["fusionauth_two_factor_generated.models.two_factor_login_request"]
    assert answer["repr"] == (
        "TwoFactorLoginRequest(code='<redacted>', two_factor_id='<redacted>', additional_properties={})"
    )


def test_a_model_module_loaded_after_the_package_has_redacted_reprs() -> None:
    # Every model module is forgotten after the package is imported, as if none had been loaded
    # yet; loading the login answer's model then loads the models it nests (User, ...) too.
    answer = run_fresh("""
import importlib, json, sys
import fusionauth_two_factor

for name in [name for name in sys.modules if name.startswith("fusionauth_two_factor_generated.models.")]:
    del sys.modules[name]
login_response = importlib.import_module("fusionauth_two_factor_generated.models.login_response")
answer = login_response.LoginResponse.from_dict({
    "token": "the-access-token",
    "refreshToken": "the-refresh-token",
    "user": {"id": "00000000-0000-0000-0000-000000000001", "email": "a@example.com",
             "twoFactor": {"methods": [{"id": "MTHD", "method": "authenticator",
                                        "secret": "the-totp-secret"}]}},
})
print(json.dumps({"repr": repr(answer)}))
""")
    text = str(answer["repr"])
    assert text.startswith("LoginResponse(")
    assert "a@example.com" in text  # nested models are printed, with their own redacted repr
    for secret in ("the-access-token", "the-refresh-token", "the-totp-secret"):
        assert secret not in text


def test_a_model_loaded_before_the_package_is_redacted_when_the_package_is_imported() -> None:
    answer = run_fresh("""
import json
from fusionauth_two_factor_generated.models.secret_response import SecretResponse

import fusionauth_two_factor

secret = SecretResponse(secret="the-secret", secret_base32_encoded="THESECRET")
print(json.dumps({"repr": repr(secret)}))
""")
    assert answer["repr"] == (
        "SecretResponse(secret='<redacted>', secret_base32_encoded='<redacted>', additional_properties={})"
    )
