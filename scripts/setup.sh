#!/usr/bin/env bash
# Installs the Debian 12 packages Visions+21 needs to build, run and test, then
# configures and builds into _build. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential meson ninja-build pkg-config gettext itstool
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-c-dev
  libcairo2-dev libpango1.0-dev libzip-dev libical-dev python3-icalendar
  libgsound-dev sound-theme-freedesktop
  desktop-file-utils appstream shared-mime-info libxml2-utils poppler-utils
  python3 python3-jsonschema
  xvfb xauth dbus dbus-x11 at-spi2-core
  valgrind
  libsoup-3.0-dev curl
  chromium chromium-driver python3-selenium
  fonts-cantarell fonts-dejavu-core adwaita-icon-theme
  locales
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The French locale, so tests and the app can run in French.
if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
  echo "setup: generating fr_FR.UTF-8" >&2
  "${sudo_cmd[@]}" sed -i 's/^# *fr_FR.UTF-8 UTF-8/fr_FR.UTF-8 UTF-8/' /etc/locale.gen
  "${sudo_cmd[@]}" locale-gen >/dev/null
fi

if [ ! -f _build/build.ninja ]; then
  meson setup _build "$@"
fi
ninja -C _build
