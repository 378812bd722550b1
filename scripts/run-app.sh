#!/usr/bin/env bash
# One command to set up and start Hearth: ./scripts/run-app.sh [hearth arguments]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
need_apt "${APT_RUNTIME[@]}"
make_venv test
exec "$VENV/bin/hearth" "$@"
