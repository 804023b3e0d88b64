# syntax=docker/dockerfile:1
#
# Waybill as one container: docker build -t waybill .
# Run it alone (embedded PostgreSQL, data in a volume) or behind nginx with compose.yaml; see
# deploy/README.md.

# --- Build: the Maven wrapper on a JDK 25 (the pom compiles for release 17), then the layers ----------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
# ~/.m2 (Maven itself, fetched by the wrapper, and the dependencies) lives in a BuildKit cache: a
# rebuild downloads nothing an earlier build already has, and none of it ends up in a layer.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
    && cp target/waybill-*.jar /tmp/app.jar
# Spring Boot 3.3+ and 4: the "tools" jar mode (layertools is gone), one directory per layer:
# dependencies (lib/*.jar), spring-boot-loader, snapshot-dependencies, application (waybill.jar,
# whose manifest puts lib/ on the class path). Plain jars, not the nested ones of JarLauncher, so
# that the JVM's ahead-of-time cache (below) can map their classes.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --layers --destination /layers \
    && mv /layers/application/app.jar /layers/application/waybill.jar

# --- Run: a JRE, no build tools, not root -----------------------------------------------------------
FROM eclipse-temurin:25-jre
# A fixed uid/gid, so volume ownership is predictable (the Ubuntu base already has uid 1000).
RUN groupadd --system --gid 10001 waybill \
    && useradd --system --uid 10001 --gid waybill --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin waybill \
    && mkdir -p /var/lib/waybill \
    && chown waybill:waybill /var/lib/waybill
WORKDIR /app
# Dependencies change least, the application most: each COPY is a layer a rebuild can reuse. The
# files stay owned by root, so the process cannot change its own code.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# The ahead-of-time cache (JDK 25: classes loaded and linked, method profiles) from one training
# start of the embedded default up to the end of the context's refresh, in a throw-away data
# directory, with the image's own JVM flags (JDK_JAVA_OPTIONS, below, is not set yet: the same
# flags are given here). It roughly halves the JVM's start-up work (bench/run.sh prints both
# start-ups; deploy/aot-cache.sh does the same outside the image). Should the training start fail,
# the image is still built, and the JVM starts without a cache, as fast as before.
RUN java -Xmx256m -XX:+ExitOnOutOfMemoryError -XX:AOTCacheOutput=/app/waybill.aot \
        -Dspring.context.exit=onRefresh -jar /app/waybill.jar --waybill.data-dir=/tmp/aot-training \
        --server.port=0 --management.server.port=0 \
    || echo "No AOT cache: the training start failed; the server starts without one"; \
    rm -rf /tmp/aot-training /tmp/embedded-pg
# The readiness check of HEALTHCHECK, in bash alone: the Temurin JRE image has neither curl nor
# wget (its build removes wget again), and installing one only for this adds a package to patch.
COPY --chmod=755 deploy/docker/healthcheck.sh /usr/local/bin/waybill-healthcheck

# Without SPRING_DATASOURCE_URL the server runs its embedded PostgreSQL and keeps it, the generated
# token secret and the .eml mail files here: mount a volume on it (docker run -v waybill:/var/lib/waybill).
ENV WAYBILL_DATA_DIR=/var/lib/waybill
# The JVM sizes its heap from the container's memory limit (75 %, leaving room for metaspace,
# threads and direct buffers), and exits on OutOfMemoryError so that the orchestrator restarts it
# instead of leaving a half-working process. Replace the whole variable to change them.
# The JVM flags of deploy/jvm.options (deploy/check.sh keeps the two the same): a heap of 256 MB, about
# five times what the server keeps live under load, so the process stays near 512 MB resident.
ENV JDK_JAVA_OPTIONS="-Xmx256m -XX:+ExitOnOutOfMemoryError"

USER waybill
# 8080: the API, WebSocket and SSE. 8081: health probes and /actuator/prometheus, for the
# internal network only: never publish it.
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD ["/usr/local/bin/waybill-healthcheck"]
# Exec form: java is PID 1 and gets SIGTERM itself, so the graceful shutdown (server.shutdown)
# lets requests in flight finish.
ENTRYPOINT ["java", "-XX:AOTCache=/app/waybill.aot", "-jar", "/app/waybill.jar"]
