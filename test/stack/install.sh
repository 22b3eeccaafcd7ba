#!/usr/bin/env bash
# Installs the Debian packages the local stack needs, when they are missing (needs root or sudo).
set -euo pipefail
packages=(docker.io docker-registry busybox-static apache2-utils chromium) # chromium: the job summary screenshots (e2e)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "Installing ${missing[*]} for the local stack…"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
