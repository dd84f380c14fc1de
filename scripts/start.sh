#!/usr/bin/env bash
# Build everything (validation, guides, site, search index) and serve the course site on
# http://localhost:4321. On a fresh machine it first installs what it needs (see bootstrap.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
# Each task's log is shown only when it fails (as scripts/test.sh does): a successful build's
# route list is hundreds of lines, and Astro writes it for a terminal, so piped it runs together.
echo "Building the course: validation, PDFs, LMS packages, site and search (a few minutes the first time)."
pnpm turbo run build --output-logs=errors-only
echo
echo "Serving the course site at http://localhost:${PORT:-4321}/  (Ctrl+C to stop)"
exec pnpm --filter @frontline/site exec astro preview --host 127.0.0.1 --port "${PORT:-4321}"
