# Sourced by the bench/ scripts. need COMMAND PACKAGE: installs the Debian PACKAGE when COMMAND is
# missing and we are root; otherwise says how to install it and exits 3 (the environment stopped us).
# The message names the calling script ($0).
need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      echo "installing $2 (apt-get)..." >&2
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
      echo "$(basename "$0" .sh): '$1' is missing; install it with: sudo apt-get install $2" >&2; exit 3
    fi
  fi
}
