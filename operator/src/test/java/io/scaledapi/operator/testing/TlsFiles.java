package io.scaledapi.operator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA and one key pair it signed for {@code 127.0.0.1} and {@code localhost}, good for servers and
 * clients, made with {@code openssl} as {@code ca.crt}, {@code tls.crt} and {@code tls.key}: the
 * names KEDA's operator and metrics adapter read for their mutual TLS.
 */
final class TlsFiles {
  private TlsFiles() {}

  static void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path extensions = dir.resolve("extensions.cnf");
      Files.writeString(
          extensions,
          """
          basicConstraints = CA:FALSE
          keyUsage = digitalSignature, keyEncipherment
          extendedKeyUsage = serverAuth, clientAuth
          subjectAltName = IP:127.0.0.1, DNS:localhost
          """);
      openssl(
          dir,
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=test-ca",
          "-keyout",
          "ca.key",
          "-out",
          "ca.crt");
      openssl(
          dir,
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-subj",
          "/CN=localhost",
          "-keyout",
          "tls.key",
          "-out",
          "tls.csr");
      openssl(
          dir,
          "x509",
          "-req",
          "-in",
          "tls.csr",
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-days",
          "2",
          "-extfile",
          extensions.toString(),
          "-out",
          "tls.crt");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write certificates into " + dir, e);
    }
  }

  private static void openssl(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}
