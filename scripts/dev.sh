#!/usr/bin/env bash
# TokenDesk developer entry point.
#   scripts/dev.sh deps     install every Debian package the build, tests and tools need
#   scripts/dev.sh build    configure and build (preset "dev": Debug, warnings as errors, tests)
#   scripts/dev.sh run      deps + build, then start TokenDesk on the demo portal (--demo)
#   scripts/dev.sh test     deps + build, then run every test with ctest
#   scripts/dev.sh bench    deps + a Release build in build/bench, then run the benchmarks
#   scripts/dev.sh screenshots   render the screenshots of docs/screenshots under Xvfb
#   scripts/dev.sh translations  update translations/*.ts from the sources
#   scripts/dev.sh cli ...  deps + build, then run tokendesk-cli with the given arguments
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRESET="${TOKENDESK_PRESET:-dev}"
BUILD_DIR="$ROOT/build/$PRESET"

# Debian 12 package names. Keep in sync with docs/develop.md.
PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git
  # Qt 6 and libraries
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins
  libqt6sql6-sqlite qtkeychain-qt6-dev libsecret-1-0 libgl-dev libxkbcommon-dev
  # data embedded at build time
  publicsuffix
  # tests: headless display, D-Bus session, keyring, screenshots, an HTTP client of others
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools xdotool x11-apps imagemagick curl openssl
  # accessibility check: the AT-SPI bus and its Python client
  at-spi2-core python3-pyatspi
)
# The OpenAPI linter (tools/openapi) runs on Node.js 20.19+; Debian's own nodejs is installed
# only where no node is on PATH at all.
NODE_PACKAGES=(nodejs npm)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'dev.sh: %s\n' "$*" >&2; exit 1; }

missing_packages() {
  local p wanted=("${PACKAGES[@]}")
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || wanted+=("${NODE_PACKAGES[@]}")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

cmd_deps() {
  if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    say "Not a Debian-based system: install the equivalents of these packages yourself:"
    printf '  %s\n' "${PACKAGES[@]}" >&2
    say "Qt 6.4 or later (Core, Gui, Widgets, Network, Sql, HttpServer, Test, LinguistTools),"
    say "QtKeychain for Qt 6, CMake 3.21+, Ninja, the Public Suffix List file, Node.js 20.19+."
    command -v npm >/dev/null 2>&1 && install_node_tools
    return 0
  fi
  local missing
  missing="$(missing_packages)"
  if [ -n "$missing" ]; then
    install_packages "$missing"
  fi
  install_node_tools
}

# The OpenAPI linter, pinned by tools/openapi/package-lock.json; reinstalled when it changes.
install_node_tools() {
  local dir="$ROOT/tools/openapi" stamp="$ROOT/tools/openapi/node_modules/.package-lock.json"
  command -v npm >/dev/null 2>&1 || die "npm is missing: install Node.js 20.19 or later"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    say "Installing the OpenAPI linter (npm ci in tools/openapi)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
  fi
}

install_packages() {
  local missing="$1"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to install: $(echo $missing)"
    sudo=(sudo)
  fi
  say "Installing: $(echo $missing)"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q </dev/null
  # shellcheck disable=SC2086
  "${sudo[@]}" apt-get install -y -q --no-install-recommends $missing </dev/null
}

cmd_build() {
  say "Building ($PRESET) in build/$PRESET"
  local launcher=()
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  (cd "$ROOT" && cmake --preset "$PRESET" "${launcher[@]}" >/dev/null)
  cmake --build "$BUILD_DIR" -j2
}

# Private, correct-mode runtime directory: Qt complains about a missing or shared one.
ensure_runtime_dir() {
  if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "$XDG_RUNTIME_DIR" ] || [ ! -O "$XDG_RUNTIME_DIR" ]; then
    XDG_RUNTIME_DIR="$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-runtime.XXXXXX")"
    export XDG_RUNTIME_DIR
  fi
  chmod 700 "$XDG_RUNTIME_DIR"
}

cmd_run() {
  cmd_deps
  cmd_build
  ensure_runtime_dir
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    die "no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run TokenDesk from a desktop session, or under a virtual one: xvfb-run -a scripts/dev.sh run"
  fi
  say "Starting TokenDesk on the demo portal (realistic data, a throwaway workspace)"
  "$BUILD_DIR/bin/tokendesk" --demo "$@"
}

# Rescans the sources for translatable plurals and fills in their English forms.
cmd_translations() {
  cmd_build >/dev/null
  cmake --build "$BUILD_DIR" --target update_translations
  python3 "$ROOT/scripts/english-plurals.py" "$ROOT/translations/tokendesk_en.ts"
  cmake --build "$BUILD_DIR" -j2 >/dev/null
  say "translations/tokendesk_en.ts updated"
}

# The main window on demo data, an editor with errors and fixes, and the conflict dialog,
# rendered under Xvfb into docs/screenshots/.
cmd_screenshots() {
  cmd_deps
  cmd_build
  ensure_runtime_dir
  "$ROOT/scripts/screenshots.sh" "$BUILD_DIR" "$ROOT/docs/screenshots"
}

cmd_test() {
  cmd_deps
  cmd_build
  ensure_runtime_dir
  say "Running the tests"
  (cd "$BUILD_DIR" && ctest --output-on-failure -j2 --timeout 900 "$@")
}

# Benchmarks of docs/performance.md, on a Release build of their own; the workspace of
# 100,000 tokens is kept between runs in $TMPDIR/tokendesk-bench.
cmd_bench() {
  cmd_deps
  say "Building (bench: Release) in build/bench"
  local launcher=()
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  (cd "$ROOT" && cmake --preset bench "${launcher[@]}" >/dev/null)
  cmake --build "$ROOT/build/bench" -j2 --target tokendesk-bench-inventory
  ensure_runtime_dir
  say "Running the inventory benchmarks"
  "$ROOT/build/bench/bin/tokendesk-bench-inventory" "$@"
}

cmd_cli() {
  cmd_deps >/dev/null
  cmd_build >/dev/null
  exec "$BUILD_DIR/bin/tokendesk-cli" "$@"
}

usage() {
  sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  deps) cmd_deps ;;
  build) cmd_deps; cmd_build ;;
  run) cmd_run "$@" ;;
  test) cmd_test "$@" ;;
  bench) cmd_bench "$@" ;;
  cli) cmd_cli "$@" ;;
  screenshots) cmd_screenshots ;;
  translations) cmd_translations ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
