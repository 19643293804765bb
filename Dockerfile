# capsim in a container: build with the Swift toolchain image, run on a slim
# Debian with only GSL's runtime libraries (the Swift runtime is linked in).
#   docker build -t capsim .
#   docker run --rm -v "$PWD/results:/work/results" capsim run experiments/vm-vs-container.yaml
FROM swift:6.0-bookworm AS build
WORKDIR /src
COPY . .
RUN scripts/setup.sh && swift build -c release --product capsim --static-swift-stdlib

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libgsl27 libgslcblas0 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/.build/release/capsim /usr/local/bin/capsim
COPY experiments /work/experiments
WORKDIR /work
ENTRYPOINT ["capsim"]
