# Mediahub image: the jar is built inside, so the host needs nothing but Docker.
#   docker build -t mediahub .      (or: docker compose build; docs/docker-smoke.sh tries a built image end to end)

# --- build ---------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Only what the build needs: never .env, data/, library/ or target/ from the host (see also .dockerignore).
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY config config
COPY routes routes
COPY src/main src/main
# (The class-data-sharing archive is made in the runtime stage, by the Java that runs it.)
RUN ./mvnw -q -B package -DskipTests -Dcds.skip

# --- run -----------------------------------------------------------------------------------------------------------
# Debian 12, the system Mediahub's tests run on: the same Java 17 and the same packages of the tools the flows run.
FROM debian:bookworm-slim
# ffmpeg (ffmpeg, ffprobe) and mediainfo probe media; libchromaprint-tools (fpcalc) fingerprints audio;
# handbrake-cli (HandBrakeCLI) rips discs; yt-dlp downloads; curl answers the health check.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless ca-certificates tzdata curl \
      ffmpeg mediainfo libchromaprint-tools handbrake-cli yt-dlp \
 && rm -rf /var/lib/apt/lists/*
# A fixed uid/gid (1000, the first user on most hosts), so bind-mounted library and inbox folders are writable.
RUN groupadd --gid 1000 mediahub \
 && useradd --uid 1000 --gid mediahub --home-dir /app --no-create-home --shell /usr/sbin/nologin mediahub \
 && mkdir -p /app/target /data /library /inbox \
 && chown mediahub:mediahub /data /library /inbox \
 && ln -s /app/bin/mediahub /usr/local/bin/mediahub
WORKDIR /app
# The thin jar finds its dependencies in target/lib/ (Class-Path in its manifest).
COPY --from=build /src/target/lib target/lib
COPY --from=build /src/target/mediahub.jar target/mediahub.jar
COPY bin/mediahub bin/mediahub
# The class-data-sharing archive the launcher starts with, made here by this image's own Java (an archive made by
# another JDK would not be used): a training run of the short commands lists their classes, the JVM maps them. The
# jar is named by the absolute path the launcher uses: an archive is only used with the class path it was made with.
RUN java -XX:DumpLoadedClassList=/tmp/mediahub.classlist -Dorg.slf4j.simpleLogger.log.io.mediahub=warn \
      -cp /app/target/mediahub.jar io.mediahub.cli.StartupTraining /tmp/mediahub-training \
 && java -Xshare:dump -Xlog:cds=error -XX:SharedClassListFile=/tmp/mediahub.classlist -XX:SharedArchiveFile=/app/target/mediahub.jsa \
      -cp /app/target/mediahub.jar \
 && rm -rf /tmp/mediahub.classlist /tmp/mediahub-training
# The store, backups and locks in /data; the library Mediahub files into in /library; drops in /inbox.
ENV MEDIAHUB_DATA_DIR=/data \
    MEDIAHUB_LIBRARY_DIR=/library \
    INTAKE_INBOX_DIR=/inbox \
    MEDIAHUB_HTTP_HOST=0.0.0.0 \
    MEDIAHUB_HTTP_PORT=8080
VOLUME ["/data", "/library", "/inbox"]
EXPOSE 8080
USER mediahub
# Liveness: the process answers on its health endpoint (readiness, /observe/health/ready, also checks the services).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${MEDIAHUB_HTTP_PORT:-8080}/observe/health/live" >/dev/null || exit 1
# With no arguments: the container. Arguments are verbs: docker run --rm -v mediahub-data:/data mediahub flows
# (inside a running container, the launcher does the same: docker compose exec mediahub mediahub flows).
ENTRYPOINT ["/app/bin/mediahub"]
