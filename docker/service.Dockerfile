# syntax=docker/dockerfile:1
# One image per service, built from the sources: the first stage runs the committed Maven wrapper (Maven Central must
# be reachable from the build), the second is the runtime image with the fast-jar alone. docker/compose.yml builds both;
# by hand, from the repository root:
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=intake-api -t skp/intake-api .
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=staff-api  -t skp/staff-api .

# --- build: Java 17 for Maven, Node.js 22 and npm for the staff client (staff-api/pom.xml runs
# staff-api/src/main/webapp/maven-build.sh in generate-resources; it needs Node.js 20.19 or newer, more than Debian's
# or the UBI JDK image's). Only the service and what it needs are built (-pl -am), without tests and without the AppCDS
# archive (the runtime stage does not use it, see below). The Maven and npm caches outlive a build (BuildKit cache
# mounts), so the second image and every rebuild download nothing again.
FROM node:22-bookworm-slim AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "--build-arg SERVICE=intake-api or staff-api is required" >&2; exit 1; }
# (The slim image has no man directories, which the JDK package's alternatives expect; the wrapper fetches Maven with
# the JDK itself, as there is no curl or wget.)
RUN mkdir -p /usr/share/man/man1 \
    && apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    ./mvnw -B --no-transfer-progress package -pl "$SERVICE" -am -DskipTests -Dquarkus.package.jar.appcds.enabled=false

# --- runtime ---------------------------------------------------------------------------------------------------------
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21
ARG SERVICE
ENV LANGUAGE='en_US:en'
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/
USER 185
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
# The JVM options bin/run uses (README, "Running it in production": start time and memory): the serial collector
# instead of the image's parallel one (GC_CONTAINER_OPTIONS), a 128 MB heap whatever the container's limit, memory
# malloc freed handed back every 5 s, glibc's malloc arenas kept to two. (No AppCDS archive: it only works with the JDK
# build that made it, and this image has another.)
ENV GC_CONTAINER_OPTIONS="-XX:+UseSerialGC" JAVA_OPTS_APPEND="-Xms16m -Xmx128m -XX:TrimNativeHeapInterval=5000" MALLOC_ARENA_MAX=2
ENTRYPOINT [ "/opt/jboss/container/java/run/run-java.sh" ]
