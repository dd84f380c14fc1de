#!/usr/bin/env bash
# Runs a pnpm command with the project's own toolchain, installing it first if needed
# (Node 24 and the pinned pnpm, as scripts/start.sh does). For people without pnpm:
#   bash scripts/run.sh frontline validate
#   bash scripts/run.sh frontline new my-module --title "My module"
#   bash scripts/run.sh dev
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh" 2>/dev/null
exec pnpm "$@"
