#!/usr/bin/env bash
# Runs a command with a private, unlocked gnome-keyring in a private D-Bus session, under a
# throwaway HOME: for tests of the keychain code and for trying it by hand.
#   scripts/with-private-keyring.sh COMMAND [ARGS...]
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool is missing (scripts/dev.sh deps installs it)" >&2; exit 2; }
done
HOME="$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-keyring.XXXXXX")"
XDG_RUNTIME_DIR="$HOME/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export HOME XDG_RUNTIME_DIR
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
# With a display, an unlock or create prompt could open and wait for ever.
unset DISPLAY WAYLAND_DISPLAY
trap 'rm -rf "$HOME"' EXIT
dbus-run-session -- bash -c '
  printf %s "keyring-test-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  for i in $(seq 1 200); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
    sleep 0.05
  done
  "$@"' keyring "$@"
