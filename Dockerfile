# Mediahub image: the jar is built inside, so the host needs nothing but Docker.
#   docker build -t mediahub .      (or: docker compose build)

# --- build ---------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Only what the build needs: never .env, data/ or target/ from the host.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY config config
COPY routes routes
COPY src/main src/main
RUN ./mvnw -q -B package -DskipTests

# --- run -----------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system mediahub \
 && useradd --system --gid mediahub --home-dir /app --no-create-home mediahub \
 && mkdir -p /app/target /data \
 && chown mediahub:mediahub /data
WORKDIR /app
# The thin jar finds its dependencies in target/lib/ (Class-Path in its manifest).
COPY --from=build /src/target/lib target/lib
COPY --from=build /src/target/mediahub.jar target/mediahub.jar
ENV MEDIAHUB_DATA_DIR=/data \
    MEDIAHUB_HTTP_HOST=0.0.0.0 \
    MEDIAHUB_HTTP_PORT=8080
VOLUME /data
EXPOSE 8080
USER mediahub
# With no arguments: the container. Arguments are verbs: docker run --rm -v mediahub-data:/data mediahub flows
ENTRYPOINT ["java", "-jar", "target/mediahub.jar"]
