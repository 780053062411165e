#!/usr/bin/env bash
# Installs what the Spark integration's test needs when it is missing: a Java 17+ runtime
# (Debian's openjdk-17-jre-headless, through apt-get as root or sudo) and PySpark from PyPI in a
# virtual environment under .build/ (.build/spark-venv). Prints nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PYSPARK_VERSION="${PYSPARK_VERSION:-4.3.0}"
VENV=.build/spark-venv

java_major() {
    command -v java >/dev/null 2>&1 || { echo 0; return; }
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

if [ "$(java_major)" -lt 17 ] 2>/dev/null || [ -z "$(java_major)" ]; then
    source scripts/system-packages.sh
    install_debian_packages "spark-test: Spark needs Java 17 or later" openjdk-17-jre-headless
fi

if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "Installing pyspark $PYSPARK_VERSION into $VENV..." >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "pyspark==$PYSPARK_VERSION"
fi
