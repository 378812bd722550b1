"""Hearth's identity, in one place.

The app, the CLI, the .desktop file, the AppStream metainfo and the PyInstaller spec all read
these names, so a rename or a version bump happens here and nowhere else.
"""

APP_ID = "org.hearthapp.Hearth"
APP_NAME = "Hearth"
ORGANIZATION = "Hearth"
ORGANIZATION_DOMAIN = "hearthapp.org"
VERSION = "0.1.0"
SUMMARY = "A safe, bounded AI companion for children"
SUMMARY_ZH = "为孩子设计的安全、有边界的 AI 陪伴"
DATA_DIR_ENV = "HEARTH_DATA_DIR"
KEYRING_SERVICE = "org.hearthapp.Hearth"
HOMEPAGE = "https://hearthapp.org"
