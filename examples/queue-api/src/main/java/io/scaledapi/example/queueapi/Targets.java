package io.scaledapi.example.queueapi;

import java.net.URI;
import java.util.Locale;

/** The load generator's guard: loopback unless a full target URL was given on purpose. */
final class Targets {
  private Targets() {}

  /** {@code url} when its host is a loopback name or address; otherwise an exception. */
  static URI loopback(String url) {
    URI uri = absolute(url);
    if (!isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "refusing "
              + uri.getHost()
              + ": not on loopback (localhost, 127.0.0.0/8, [::1]);"
              + " give another host explicitly with --target <full URL>");
    }
    return uri;
  }

  /** An absolute http or https URL with a host. */
  static URI absolute(String url) {
    URI uri = URI.create(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("not a full http(s) URL: " + url);
    }
    return uri;
  }

  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.equals("[::1]")) {
      return true;
    }
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
