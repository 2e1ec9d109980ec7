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
ENTRYPOINT [ "/opt/jboss/container/java/run/run-java.sh" ]
