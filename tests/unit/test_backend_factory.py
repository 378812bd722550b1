from desktop.companion.backend_factory import UnavailableBackend, make_backend
from desktop.companion.backends.base import BackendError, BackendErrorKind, CancelToken, TurnContext
from desktop.family_settings import BackendChoice, BackendKind


def test_default_is_the_builtin_companion():
    assert make_backend().name == "builtin"
    assert make_backend(BackendChoice()).name == "builtin"


def test_openai_with_a_stored_key_uses_it():
    backend = make_backend(BackendChoice(BackendKind.OPENAI, "http://127.0.0.1:11434/v1", "llama3"),
                           lambda name: "sk-test" if name == "openai" else None)
    assert backend.name == "openai" and backend.model == "llama3"


def test_openai_without_a_key_is_fine_for_a_local_server():
    backend = make_backend(BackendChoice(BackendKind.OPENAI, "http://127.0.0.1:11434/v1", "llama3"), lambda _n: None)
    assert backend.name == "openai"


def _first_error(backend):
    try:
        next(iter(backend.stream_reply([], TurnContext(), CancelToken())))
    except BackendError as exc:
        return exc
    raise AssertionError("no error")


def test_half_configured_remote_backend_says_so_instead_of_switching_model():
    backend = make_backend(BackendChoice(BackendKind.OPENAI, "", ""), lambda _n: None)
    assert isinstance(backend, UnavailableBackend)
    assert _first_error(backend).kind is BackendErrorKind.NOT_CONFIGURED


def test_unreadable_keyring_is_reported():
    def broken(_name):
        raise RuntimeError("locked")

    backend = make_backend(BackendChoice(BackendKind.OPENAI, "http://127.0.0.1:1/v1", "m"), broken)
    assert _first_error(backend).kind is BackendErrorKind.NOT_CONFIGURED
