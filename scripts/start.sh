#!/usr/bin/env bash
# Build everything (validation, guides, site, search index) and serve the course site on
# http://localhost:4321. On a fresh machine it first installs what it needs (see bootstrap.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
pnpm build
echo
echo "Serving the course site at http://localhost:${PORT:-4321}/  (Ctrl+C to stop)"
exec pnpm --filter @frontline/site exec astro preview --host 127.0.0.1 --port "${PORT:-4321}"
