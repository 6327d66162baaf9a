package io.scaledapi.operator.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A key pair and self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made with the
 * JDK's {@code keytool}. Gives the certificate as PEM and a server-side {@link SSLContext}.
 */
public final class SelfSignedCertificate {

  private static final String ALIAS = "server";
  private static final char[] PASSWORD = "test-only-password".toCharArray();

  private final String pem;
  private final SSLContext serverContext;

  private SelfSignedCertificate(String pem, SSLContext serverContext) {
    this.pem = pem;
    this.serverContext = serverContext;
  }

  /** Generates a new certificate with the given common name. */
  public static SelfSignedCertificate generate(String commonName) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("self-signed-");
      Path keyStoreFile = dir.resolve("server.p12");
      keytool(
          "-genkeypair",
          "-alias",
          ALIAS,
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=" + commonName,
          "-ext",
          "SAN=ip:127.0.0.1,dns:localhost",
          "-validity",
          "2",
          "-storetype",
          "PKCS12",
          "-keystore",
          keyStoreFile.toString(),
          "-storepass",
          new String(PASSWORD),
          "-keypass",
          new String(PASSWORD));
      String exported =
          keytool(
              "-exportcert",
              "-rfc",
              "-alias",
              ALIAS,
              "-keystore",
              keyStoreFile.toString(),
              "-storepass",
              new String(PASSWORD));
      String pem =
          exported.substring(
                  exported.indexOf("-----BEGIN CERTIFICATE-----"),
                  exported.indexOf("-----END CERTIFICATE-----")
                      + "-----END CERTIFICATE-----".length())
              + "\n";
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStoreFile)) {
        keyStore.load(in, PASSWORD);
      }
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return new SelfSignedCertificate(pem, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the generated key store", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** The certificate in PEM form. */
  public String pem() {
    return pem;
  }

  /** A TLS context that presents this certificate, for servers. */
  public SSLContext serverContext() {
    return serverContext;
  }

  private static String keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + args[0] + " failed:\n" + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
    return output;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      files.forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
    dir.toFile().delete();
  }
}
