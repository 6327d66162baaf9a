# The operator image: a Java 17 runtime and the operator's jar, run as a non-root user.
# Build the jar first: mvn -B -DskipTests package
FROM gcr.io/distroless/java17-debian12:nonroot

COPY operator/target/scaledapi-operator-0.1.0-SNAPSHOT-all.jar /app/scaledapi-operator.jar

# 65532 is distroless's "nonroot" user; the Helm chart also sets it in the securityContext.
USER 65532:65532
EXPOSE 8080

# A JVM out of memory may lose any of its threads and go on half alive; exiting lets Kubernetes
# restart it whole.
ENTRYPOINT ["/usr/bin/java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/scaledapi-operator.jar"]
CMD ["run"]
