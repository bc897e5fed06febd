#!/usr/bin/env bash
# Installs the Debian 12 packages that building (and, with --test, testing)
# hmicfrs-track needs, when they are missing. Run as root, or with sudo.
set -euo pipefail

packages=(g++ make cmake pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev nlohmann-json3-dev libzip-dev libxlsxwriter-dev libxxhash-dev libpugixml-dev)
# The fonts the papers are printed and laid out in: they ask for Arial, which Debian does not package;
# fonts-liberation2 has its metrics, and fonts-dejavu-core is the fallback. Named, because
# --no-install-recommends brings neither.
packages+=(fonts-liberation2 fonts-dejavu-core)
# dpkg-dev wherever cpack runs: without dpkg-shlibdeps the .deb would declare no dependencies.
if [[ "${1:-}" == "--package" || "${1:-}" == "--test" ]]; then
  packages+=(dpkg-dev)
fi
if [[ "${1:-}" == "--test" ]]; then
  # pandoc: the papers' Markdown; python3-jsonschema, python3-yaml: the schemas; man-db: the manual page;
  # dpkg-dev: CPack's .deb (dpkg-shlibdeps); jq: the GitLab CI recipe; chromium, poppler-utils: the HTML paper
  # printed to PDF as the README says, and its pages read back; lintian: Debian's checks of the package;
  # python3-docx, libreoffice-writer-nogui: the Word paper opened and laid out as a committee member's Word would;
  # python3-openpyxl, libreoffice-calc-nogui: the Excel exports opened as a spreadsheet would.
  packages+=(libgtest-dev libgmock-dev pandoc python3-jsonschema python3-yaml man-db jq chromium poppler-utils lintian
             python3-docx libreoffice-writer-nogui libreoffice-calc-nogui python3-openpyxl)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "Run as root (or install sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
