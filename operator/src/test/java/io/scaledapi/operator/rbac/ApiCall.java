package io.scaledapi.operator.rbac;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request to the API server in RBAC terms, parsed the way the API server's request-info factory
 * does. A discovery or other non-resource request has an empty resource and its {@code path} set; a
 * resource request has an empty {@code path}. {@code namespace} is empty for a cluster-scoped or
 * all-namespaces request, {@code name} for a collection request.
 */
public record ApiCall(
    String verb,
    String group,
    String resource,
    String subresource,
    String namespace,
    String name,
    String path) {
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  public static ApiCall resource(
      String verb, String group, String resource, String subresource, String namespace) {
    return new ApiCall(verb, group, resource, subresource, namespace, "", "");
  }

  public static ApiCall nonResource(String verb, String path) {
    return new ApiCall(verb, "", "", "", "", "", path);
  }

  public boolean isResource() {
    return path.isEmpty();
  }

  /** {@code resource} or {@code resource/subresource}, as RBAC rules name it. */
  public String resourcePath() {
    return subresource.isEmpty() ? resource : resource + "/" + subresource;
  }

  /** The call without namespace and object name: one line of the recorded list. */
  public ApiCall withoutObject() {
    return new ApiCall(verb, group, resource, subresource, "", "", path);
  }

  public ApiCall withName(String objectName) {
    return new ApiCall(verb, group, resource, subresource, namespace, objectName, path);
  }

  /** {@code verb group resource[/subresource]}, the core group written as {@code ""}. */
  public String line() {
    if (!isResource()) {
      return verb + " " + path;
    }
    return verb + " " + (group.isEmpty() ? "\"\"" : group) + " " + resourcePath();
  }

  @Override
  public String toString() {
    String where = namespace.isEmpty() ? "" : " in " + namespace;
    return line() + (name.isEmpty() ? "" : " " + name) + where;
  }

  /** The call an HTTP request to the API server makes. */
  public static ApiCall of(String method, URI uri) {
    List<String> parts =
        Arrays.stream(uri.getRawPath().split("/")).filter(p -> !p.isEmpty()).toList();
    boolean watch = isWatch(uri.getRawQuery());
    String verb = method.toLowerCase(Locale.ROOT);
    int start;
    String group;
    if (parts.size() >= 2 && parts.get(0).equals("api")) {
      start = 2;
      group = "";
    } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
      start = 3;
      group = parts.get(1);
    } else {
      return nonResource(verb, uri.getRawPath());
    }
    List<String> rest = parts.subList(start, parts.size());
    if (rest.isEmpty()) {
      return nonResource(verb, uri.getRawPath());
    }
    String namespace = "";
    if (rest.get(0).equals("namespaces") && rest.size() > 2) {
      if (!NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
        namespace = rest.get(1);
        rest = rest.subList(2, rest.size());
      }
    }
    String name = rest.size() > 1 ? rest.get(1) : "";
    String subresource = rest.size() > 2 ? String.join("/", rest.subList(2, rest.size())) : "";
    String resourceVerb = verb(method.toUpperCase(Locale.ROOT), !name.isEmpty(), watch);
    return new ApiCall(resourceVerb, group, rest.get(0), subresource, namespace, name, "");
  }

  private static String verb(String method, boolean named, boolean watch) {
    return switch (method) {
      case "GET", "HEAD" -> watch ? "watch" : named ? "get" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> method.toLowerCase(Locale.ROOT);
    };
  }

  private static boolean isWatch(String query) {
    if (query == null) {
      return false;
    }
    return Arrays.stream(query.split("&"))
        .anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
  }
}
