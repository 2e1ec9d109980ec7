# One image per service, from the fast-jar that `./mvnw package` leaves in <service>/target/quarkus-app.
# Build from the repository root:
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=intake-api -t skp/intake-api .
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=staff-api  -t skp/staff-api .
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21
ARG SERVICE
ENV LANGUAGE='en_US:en'
COPY --chown=185 ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/
USER 185
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
# The JVM options bin/run uses (README, "Running it in production": start time and memory): the serial collector
# instead of the image's parallel one (GC_CONTAINER_OPTIONS), a 128 MB heap whatever the container's limit, memory
# malloc freed handed back every 5 s, glibc's malloc arenas kept to two. (The AppCDS archive in target/quarkus-app is not copied: it only works with the JDK build
# that made it, and this image has another.)
ENV GC_CONTAINER_OPTIONS="-XX:+UseSerialGC" JAVA_OPTS_APPEND="-Xms16m -Xmx128m -XX:TrimNativeHeapInterval=5000" MALLOC_ARENA_MAX=2
ENTRYPOINT [ "/opt/jboss/container/java/run/run-java.sh" ]
