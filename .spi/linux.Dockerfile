# The Linux image the Swift Package Index builds Hanzi in (.spi.yml): the official Swift image
# with libopencc, its dictionaries and pkg-config, as `make deps` installs them.
#   docker build -f .spi/linux.Dockerfile -t ghcr.io/hanzi-text/spi-linux-opencc:6.1 .
FROM swift:6.1-jammy
RUN apt-get update \
    && apt-get install -y --no-install-recommends libopencc-dev opencc pkg-config \
    && rm -rf /var/lib/apt/lists/*
