#!/usr/bin/env bash
# Screenshot of the real Waiqin window (xcb platform, not offscreen) under Xvfb.
#
#   tools/xvfb_screenshot.sh [OUT.png] [LANG]
#
# OUT defaults to docs/screenshots/xvfb-today-zh.png, LANG to zh_CN (or en).
# Starts Xvfb on a free display at 1366x768x24, runs `waiqin demo` on a fresh
# synthetic demo workspace in a temp folder (no sync server, no keyring), waits
# for the main window, grabs the whole screen, then stops what it started.
# Installs nothing: when a tool or a system library is missing it says which
# one and which Debian/Ubuntu package provides it, and exits 2.
#
# Env: WAIQIN_SHOT_WAIT (seconds to wait for the window, default 90),
#      WAIQIN_SHOT_SETTLE (seconds after it appears, default 4),
#      WAIQIN_SHOT_SIZE (default 1366x768).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/docs/screenshots/xvfb-today-zh.png}"
LANG_CODE="${2:-zh_CN}"
SIZE="${WAIQIN_SHOT_SIZE:-1366x768}"
WAIT="${WAIQIN_SHOT_WAIT:-90}"
SETTLE="${WAIQIN_SHOT_SETTLE:-4}"
PY="$ROOT/.venv/bin/python"
WAIQIN="$ROOT/.venv/bin/waiqin"

missing=()
need() { # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 || missing+=("$1 (apt package: $2)")
}
need Xvfb xvfb
need xwininfo x11-utils
if ! command -v import >/dev/null 2>&1; then
    need xwd x11-apps
    need convert imagemagick
fi
[[ -x "$PY" && -x "$WAIQIN" ]] || missing+=("$ROOT/.venv with waiqin installed (make venv)")

has_lib() { # has_lib SONAME: known to the dynamic linker (ldconfig cache or usual folders)
    local ldc
    ldc="$(command -v ldconfig || echo /sbin/ldconfig)"
    "$ldc" -p 2>/dev/null | grep -q " $1 " && return 0
    compgen -G "/usr/lib/*/$1" >/dev/null || compgen -G "/usr/lib/$1" >/dev/null \
        || compgen -G "/lib/*/$1" >/dev/null
}

# System libraries the Qt xcb platform plugin needs (ldd shows the linked ones;
# xcb-cursor is opened at run time by Qt >= 6.5, so check it by name).
if [[ -x "$PY" ]]; then
    QT_DIR="$("$PY" -c 'import PySide6, os; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt"))' 2>/dev/null || true)"
    if [[ -n "$QT_DIR" && -e "$QT_DIR/plugins/platforms/libqxcb.so" ]]; then
        while read -r lib; do
            [[ -n "$lib" ]] || continue
            case "$lib" in
                libxkbcommon-x11.so.0) pkg=libxkbcommon-x11-0 ;;
                libxkbcommon.so.0) pkg=libxkbcommon0 ;;
                libxcb-util.so.1) pkg=libxcb-util1 ;;
                libxcb-*.so.*) pkg="${lib%%.so*}${lib##*.so.}" ;;  # libxcb-icccm.so.4 -> libxcb-icccm4
                libX11-xcb.so.1) pkg=libx11-xcb1 ;;
                libEGL.so.1) pkg=libegl1 ;;
                libfontconfig.so.1) pkg=libfontconfig1 ;;
                *) pkg="see apt-file search $lib" ;;
            esac
            missing+=("$lib (apt package: $pkg)")
        done < <(ldd "$QT_DIR/plugins/platforms/libqxcb.so" "$QT_DIR/lib/libQt6XcbQpa.so.6" 2>/dev/null \
                  | awk '/not found/ {print $1}' | sort -u)
        if ! has_lib libxcb-cursor.so.0; then
            missing+=("libxcb-cursor.so.0 (apt package: libxcb-cursor0)")
        fi
    else
        missing+=("PySide6 xcb platform plugin (reinstall PySide6 in .venv)")
    fi
fi

if ((${#missing[@]})); then
    echo "xvfb_screenshot: cannot run, missing:" >&2
    printf '  - %s\n' "${missing[@]}" >&2
    echo "Install them (e.g. apt-get install ...) and run again; this script installs nothing." >&2
    echo "Tip: QT_DEBUG_PLUGINS=1 shows what the xcb plugin still lacks." >&2
    exit 2
fi

# A free display number.
DISP=""
for n in $(seq 99 140); do
    if [[ ! -e "/tmp/.X11-unix/X$n" && ! -e "/tmp/.X$n-lock" ]]; then DISP=":$n"; break; fi
done
[[ -n "$DISP" ]] || { echo "xvfb_screenshot: no free X display in :99-:140" >&2; exit 1; }

WORK="$(mktemp -d -t waiqin-xvfb.XXXXXX)"
XVFB_PID=""
APP_PID=""
cleanup() {
    [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

Xvfb "$DISP" -screen 0 "${SIZE}x24" -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 50); do
    DISPLAY="$DISP" xwininfo -root >/dev/null 2>&1 && break
    sleep 0.1
done
DISPLAY="$DISP" xwininfo -root >/dev/null 2>&1 || {
    echo "xvfb_screenshot: Xvfb did not start:" >&2; cat "$WORK/xvfb.log" >&2; exit 1; }

echo "Xvfb $DISP ${SIZE}; starting waiqin demo ($LANG_CODE) in $WORK ..." >&2
DISPLAY="$DISP" QT_QPA_PLATFORM=xcb WAIQIN_LANG="$LANG_CODE" WAIQIN_NO_KEYRING=1 \
    HOME="$WORK" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" \
    "$WAIQIN" demo --data-dir "$WORK/demo" --customers 300 --products 60 --no-server \
    >"$WORK/app.log" 2>&1 &
APP_PID=$!

# Wait for a mapped top-level window of a reasonable size (the main window).
found=""
for _ in $(seq 1 $((WAIT * 2))); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        echo "xvfb_screenshot: the app exited early:" >&2; tail -20 "$WORK/app.log" >&2; exit 1
    fi
    if DISPLAY="$DISP" xwininfo -root -children 2>/dev/null \
        | grep -E '"[^"]+"' | grep -Eq ' [0-9]{4}x[0-9]{3}\+'; then
        found=1; break
    fi
    sleep 0.5
done
[[ -n "$found" ]] || { echo "xvfb_screenshot: no window after ${WAIT}s" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }
sleep "$SETTLE"   # let the pages load their data

mkdir -p "$(dirname "$OUT")"
if command -v import >/dev/null 2>&1; then
    DISPLAY="$DISP" import -window root "$OUT"
else
    DISPLAY="$DISP" xwd -root -silent | convert xwd:- "png:$OUT"
fi
echo "screenshot of the real window ($SIZE, $LANG_CODE): $OUT"
