#!/usr/bin/env bash
# Renders docs/screenshots under a virtual X display: scripts/screenshots.sh BUILD_DIR OUT_DIR
set -euo pipefail
BUILD_DIR="$1"
OUT_DIR="$2"
HOME_DIR="$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-shots.XXXXXX")"
trap 'rm -rf "$HOME_DIR"' EXIT
mkdir -p "$OUT_DIR" "$HOME_DIR/runtime"
chmod 700 "$HOME_DIR/runtime"
# A fresh HOME: no settings or workspace of the user's are read or written.
HOME="$HOME_DIR" XDG_RUNTIME_DIR="$HOME_DIR/runtime" QT_QPA_PLATFORM=xcb \
  xvfb-run -a -s '-screen 0 1600x1000x24' "$BUILD_DIR/bin/screenshot_tour" "$OUT_DIR"
