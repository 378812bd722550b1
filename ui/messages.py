"""One translated sentence for each error key the core can produce.

The core raises typed errors with stable keys; this is the only place those keys become words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

# Every call spells out QCoreApplication.translate("Messages", "...") so that
# pyside6-lupdate can extract it: a wrapper function would hide the strings.


class Messages(QObject):
    """The ``Messages`` context for plurals: lupdate marks ``Messages.tr(text, "", n)`` as a
    plural message, but ``translate("Messages", text, "", n)`` only when ``n`` is a literal."""


def backend_error(kind: str) -> str:
    texts = {
        "connection_refused": QCoreApplication.translate("Messages", "The companion's server is not answering (connection refused). "
                                 "Your message is saved: ask your guardian to check the server, then press Retry."),
        "timeout": QCoreApplication.translate("Messages", "The companion's server took too long to answer. Your message is saved: press Retry."),
        "unauthorized": QCoreApplication.translate("Messages", "The companion's server refused the key (401/403). A guardian needs to check the API key."),
        "model_not_found": QCoreApplication.translate("Messages", "The companion's server does not know the chosen model (404). "
                              "A guardian needs to pick another model."),
        "rate_limited": QCoreApplication.translate("Messages", "The companion's server is busy (429). Your message is saved: wait a moment, then press Retry."),
        "server_error": QCoreApplication.translate("Messages", "The companion's server had an error (5xx). Your message is saved: press Retry."),
        "bad_stream": QCoreApplication.translate("Messages", "The reply was cut off or garbled. Your message is saved: press Retry."),
        "bad_request": QCoreApplication.translate("Messages", "The companion's server rejected the request. A guardian can check the settings."),
        "not_configured": QCoreApplication.translate("Messages", "No companion server is set up. A guardian can choose one in the parental panel."),
    }
    return texts.get(kind, QCoreApplication.translate("Messages", "Something went wrong while getting a reply. Your message is saved: press Retry."))


def input_error(key: str, limit: int = 0) -> str:
    if key == "empty":
        return QCoreApplication.translate("Messages", "Type a message first.")
    if key == "too_long":
        return Messages.tr("That message is too long: at most %n characters. Nothing was sent; your text is still here.", "", limit)
    return QCoreApplication.translate("Messages", "That message could not be sent.")


def storage_error(key: str, path: str) -> str:
    texts = {
        "corrupt": QCoreApplication.translate("Messages", "Hearth's database file is damaged and was not changed: %1. "
                      "A guardian can restore it from a backup or start fresh (the damaged file is kept)."),
        "too_new": QCoreApplication.translate("Messages", "This database was written by a newer version of Hearth: %1. "
                      "Please install that version; nothing was changed."),
        "not_writable": QCoreApplication.translate("Messages", "Hearth cannot write to its data folder: %1. "
                           "Check the folder's permissions or set HEARTH_DATA_DIR."),
    }
    return texts.get(key, QCoreApplication.translate("Messages", "Hearth cannot open its data: %1.")).replace("%1", path)
