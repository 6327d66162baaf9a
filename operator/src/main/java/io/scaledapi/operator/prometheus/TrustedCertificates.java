package io.scaledapi.operator.prometheus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds a TLS context that trusts exactly the certificates of a PEM bundle. */
final class TrustedCertificates {

  private static final Pattern PEM_CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");

  private TrustedCertificates() {}

  /** A client context whose only trust anchors are the certificates in {@code pem}. */
  static SSLContext sslContext(String pem) throws GeneralSecurityException {
    List<X509Certificate> certificates = parse(pem);
    KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      trustStore.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an empty key store", e);
    }
    for (int i = 0; i < certificates.size(); i++) {
      trustStore.setCertificateEntry("ca-" + i, certificates.get(i));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** Every {@code CERTIFICATE} block of {@code pem}; text around the blocks is ignored. */
  static List<X509Certificate> parse(String pem) throws CertificateException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = PEM_CERTIFICATE.matcher(pem);
    while (block.find()) {
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(block.group(1));
      } catch (IllegalArgumentException e) {
        throw new CertificateException(
            "certificate " + (certificates.size() + 1) + " is not valid base64");
      }
      certificates.add(
          (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
    }
    if (certificates.isEmpty()) {
      throw new CertificateException("no PEM certificate (-----BEGIN CERTIFICATE-----) found");
    }
    return certificates;
  }
}
