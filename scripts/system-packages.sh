# Sourced, not run: the one way Hanzi's scripts install system packages (Debian and Ubuntu,
# apt-get). Used by install-deps.sh, setup-python.sh, spark-deps.sh and bench-rss.sh.
#
# install_debian_packages WHAT PACKAGE...
#   Installs the packages with apt-get, as root or through sudo without a password. Where it
#   cannot (no apt-get, not root and no sudo), prints "WHAT; install them with: ..." and
#   returns 1, so the caller stops with a message that says what to run.
install_debian_packages() {
    local what=$1
    shift
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$what; install $* with your package manager" >&2
        return 1
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo)
        else
            echo "$what; install them with: sudo apt-get install -y $*" >&2
            return 1
        fi
    fi
    echo "Installing $* with apt-get..." >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}
