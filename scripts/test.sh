#!/usr/bin/env bash
# The whole test suite: lint, typecheck, build (validation, guides, site, search index),
# then every unit test and the browser tests in Chromium. On a fresh machine it first
# installs what it needs, Chromium and poppler included (see bootstrap.sh).
set -euo pipefail
export FRONTLINE_NEED_BROWSER=1
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
pnpm turbo run lint //#lint:root typecheck build --output-logs=errors-only
# Vitest runs last, so its summary is the last thing printed.
pnpm vitest run
