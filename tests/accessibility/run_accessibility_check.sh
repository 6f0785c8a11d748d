#!/bin/bash
# The accessibility check: for each scenario, a private X server (xvfb-run) and session bus
# (dbus-run-session, which activates the AT-SPI bus), the driver in that state, and the
# pyatspi checker on its tree.
#
# Usage: run_accessibility_check.sh DRIVER [SCENARIO...]   (default: every scenario)
# Environment: A11Y_DUMP=1 prints each tree; A11Y_KEEP=1 keeps the work folder.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checker="$here/check_accessibility.py"
python=/usr/bin/python3

# Inner mode: runs inside xvfb-run and dbus-run-session, for one scenario.
if [ "${1:-}" = "--inner" ]; then
    driver=$2 scenario=$3 dir=$4
    out="$dir/driver.out" err="$dir/driver.err"
    exec >"$dir/report" 2>&1 # the X server's and buses' chatter goes elsewhere
    "$driver" "$scenario" >"$out" 2>"$err" </dev/null &
    pid=$!
    status=0
    for _ in $(seq 1 300); do # 30 s
        grep -qx ready "$out" 2>/dev/null && break
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "[$scenario] FAIL: the driver exited before it was ready:"
            sed 's/^/    /' "$err"
            exit 1
        fi
        sleep 0.1
    done
    if ! grep -qx ready "$out"; then
        echo "[$scenario] FAIL: the driver did not report ready within 30 s:"
        sed 's/^/    /' "$err"
        status=1
    else
        dump=()
        [ -n "${A11Y_DUMP:-}" ] && dump=(--dump)
        "$python" "$checker" --pid "$pid" --expect "$out" --scenario "$scenario" "${dump[@]}" \
            </dev/null || status=1
    fi
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ "$status" -ne 0 ] && [ -s "$err" ]; then
        echo "    driver messages:"
        sed 's/^/    | /' "$err" | head -n 40
    fi
    exit "$status"
fi

if [ $# -lt 1 ]; then
    echo "usage: $0 DRIVER [SCENARIO...]" >&2
    exit 2
fi
driver=$1
shift

# Missing tools fail the test with their names: a skipped check would hide the gap.
missing=()
command -v xvfb-run >/dev/null || missing+=("xvfb-run (Debian package xvfb)")
command -v xauth >/dev/null || missing+=("xauth (Debian package xauth)")
command -v dbus-run-session >/dev/null || missing+=("dbus-run-session (Debian package dbus)")
[ -x /usr/libexec/at-spi-bus-launcher ] || missing+=("the AT-SPI bus (Debian package at-spi2-core)")
if [ ! -x "$python" ]; then
    missing+=("$python (Debian package python3)")
elif ! "$python" -c 'import pyatspi' 2>/dev/null; then
    missing+=("pyatspi for $python (Debian package python3-pyatspi)")
fi
[ -x "$driver" ] || missing+=("the driver $driver (build the target a11y_driver)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "tst_accessibility: cannot run, missing:"
    printf '  - %s\n' "${missing[@]}"
    exit 1
fi

if [ $# -gt 0 ]; then
    scenarios=("$@")
else
    mapfile -t scenarios < <("$driver" --list)
fi

# A home, runtime and config of our own: nothing of the user's (or root's on CI) is read or
# written, and the AT-SPI bus launcher finds a private runtime folder.
work=$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-a11y.XXXXXX")
cleanup() { [ -n "${A11Y_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/home" "$work/runtime" "$work/config" "$work/cache" "$work/data"
chmod 700 "$work/runtime"
export HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" XDG_CONFIG_HOME="$work/config"
export XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY NO_AT_BRIDGE
unset QT_ACCESSIBILITY QT_LOGGING_RULES

failed=()
started=$SECONDS
for scenario in "${scenarios[@]}"; do
    dir="$work/$scenario"
    mkdir -p "$dir"
    # xvfb-run outside, so the bus (and the AT-SPI bus it activates) knows the display.
    timeout -k 5 120 xvfb-run -a -s "-screen 0 1600x1200x24" \
        dbus-run-session -- bash "$here/run_accessibility_check.sh" --inner "$driver" "$scenario" "$dir" \
        </dev/null >"$dir/session.log" 2>&1
    status=$?
    [ -f "$dir/report" ] && cat "$dir/report"
    if [ "$status" -ne 0 ]; then
        [ "$status" -eq 124 ] && echo "[$scenario] FAIL: timed out after 120 s"
        [ -f "$dir/report" ] || echo "[$scenario] FAIL: the X server or the session bus did not start"
        # A verdict of the checker needs no more; anything else may be the environment's fault.
        if ! grep -q 'problem(s) among' "$dir/report" 2>/dev/null; then
            echo "    session messages (xvfb-run, dbus, AT-SPI):"
            sed 's/^/    | /' "$dir/session.log" | tail -n 20
        fi
        failed+=("$scenario")
    fi
done

echo "tst_accessibility: ${#scenarios[@]} scenario(s) in $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "tst_accessibility: FAILED: ${failed[*]}"
    exit 1
fi
echo "tst_accessibility: all scenarios passed"
