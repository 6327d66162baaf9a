package io.scaledapi.operator.reconciler;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Prometheus addresses a ScaledApi may name in {@code spec.prometheus.address}: the operator's
 * default address and the cluster admin's allowed addresses, nothing else. With neither, no address
 * is allowed.
 *
 * <p>An address is allowed when an allowed one has the same scheme, the same host (compared in
 * lower case, never resolved) and the same port (80 for http and 443 for https when left out), and
 * the same path or a path below it at a {@code /} ({@code /prom} allows {@code /prom/a}, not {@code
 * /prometheus}); trailing slashes do not count. The path may hold only letters, digits, {@code -},
 * {@code .}, {@code _}, {@code ~} and {@code /}, with no {@code .} or {@code ..} segment, so that
 * the path compared is the path the server receives: no percent-encoding, {@code ;} or dot segment
 * can lead from an allowed prefix to another path. User information, a query and a fragment are
 * refused.
 */
final class PrometheusAllowList {
  static final String FIELD = "spec.prometheus.address";

  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9._~/-]*");
  private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

  /** An address in the form it is compared in, with the text it was given as. */
  record Address(String scheme, String host, int port, String path, String given) {

    /** True when {@code other} is this address or below it. */
    boolean allows(Address other) {
      return scheme.equals(other.scheme)
          && host.equals(other.host)
          && port == other.port
          && (path.isEmpty() || other.path.equals(path) || other.path.startsWith(path + "/"));
    }

    /**
     * Parses and normalises {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong with it; the message repeats the text
     *     unless it holds user information
     */
    static Address parse(String text) {
      URI uri;
      try {
        uri = new URI(text.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(text + " is not a URL: " + e.getReason());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            text
                + " must start with http:// or https://, e.g. http://prometheus.monitoring.svc:9090");
      }
      if (uri.getRawUserInfo() != null) {
        throw new CredentialsInAddress();
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new IllegalArgumentException(text + " has no host name or IP address");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException(
            text + " must not have a query (?...) or a fragment (#...)");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (!PATH.matcher(path).matches() || DOT_SEGMENT.matcher(path).find()) {
        throw new IllegalArgumentException(
            "the path of "
                + text
                + " may hold only letters, digits, '-', '.', '_', '~' and '/', with no '.' or"
                + " '..' segment");
      }
      int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      String trimmed = path.replaceAll("/+$", "");
      String given = text.strip().replaceAll("/+$", "");
      return new Address(scheme, uri.getHost().toLowerCase(Locale.ROOT), port, trimmed, given);
    }

    /** Thrown for an address with user information, which its message does not repeat. */
    static final class CredentialsInAddress extends IllegalArgumentException {
      private static final long serialVersionUID = 1L;

      CredentialsInAddress() {
        super("must not contain user information (user:password@)");
      }
    }
  }

  private final Optional<Address> defaultAddress;
  private final List<Address> allowed;

  private PrometheusAllowList(Optional<Address> defaultAddress, List<Address> allowed) {
    this.defaultAddress = defaultAddress;
    this.allowed = allowed;
  }

  /**
   * The default address (when it can be compared at all) and the allowed ones.
   *
   * @throws IllegalArgumentException when an allowed address cannot be one, naming it and why
   */
  public static PrometheusAllowList of(Optional<URI> defaultAddress, List<URI> allowedAddresses) {
    List<Address> allowed = new ArrayList<>();
    Optional<Address> fallback = Optional.empty();
    if (defaultAddress.isPresent()) {
      try {
        fallback = Optional.of(Address.parse(defaultAddress.get().toString()));
        allowed.add(fallback.get());
      } catch (IllegalArgumentException e) {
        // used as it is by ScaledApis that name no address, which report what is wrong with it
      }
    }
    for (URI uri : allowedAddresses) {
      try {
        allowed.add(Address.parse(uri.toString()));
      } catch (Address.CredentialsInAddress e) {
        throw new IllegalArgumentException("an allowed address " + e.getMessage());
      }
    }
    return new PrometheusAllowList(fallback, List.copyOf(allowed));
  }

  /**
   * Empty when a ScaledApi may name {@code address}; otherwise why not, naming {@value #FIELD} and
   * the fix.
   */
  public Optional<String> refusal(String address) {
    Address wanted;
    try {
      wanted = Address.parse(address);
    } catch (Address.CredentialsInAddress e) {
      return Optional.of(FIELD + " " + e.getMessage() + "; set spec.prometheus.auth instead");
    } catch (IllegalArgumentException e) {
      return Optional.of(FIELD + ": " + e.getMessage());
    }
    if (allowed.stream().anyMatch(a -> a.allows(wanted))) {
      return Optional.empty();
    }
    String which =
        allowed.isEmpty()
            ? "the operator allows none: it was started without a default address and without"
                + " allowed addresses"
            : "allowed: "
                + allowed.stream().map(Address::given).distinct().collect(Collectors.joining(", "));
    return Optional.of(
        String.format(
            "%s: %s is not an allowed Prometheus address (%s); ask the cluster admin to add it to"
                + " prometheus.allowedAddresses%s",
            FIELD,
            address.strip(),
            which,
            defaultAddress.isPresent() ? ", or leave it out to use the default" : ""));
  }
}
