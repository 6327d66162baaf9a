package io.scaledapi.operator.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Client;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the servers {@link MockApiServer} describes; JUnit closes them with their scope. */
final class MockApiServerExtension implements BeforeAllCallback, BeforeEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MockApiServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    List<Field> fields = fields(context.getRequiredTestClass(), true);
    if (!fields.isEmpty()) {
      Running running = Running.start();
      context.getStore(NAMESPACE).put("class server", running);
      running.inject(fields, null);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      List<Field> fields = fields(instance.getClass(), false);
      if (!fields.isEmpty()) {
        Running running = Running.start();
        context.getStore(NAMESPACE).put("test server " + instance, running);
        running.inject(fields, instance);
      }
    }
  }

  /** The class's (and its superclasses') fields for a server or a client, static or not. */
  private static List<Field> fields(Class<?> type, boolean statics) {
    List<Field> found = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        boolean wanted =
            field.getType() == KubernetesMockServer.class
                || Client.class.isAssignableFrom(field.getType());
        if (wanted && Modifier.isStatic(field.getModifiers()) == statics) {
          found.add(field);
        }
      }
    }
    return found;
  }

  /**
   * The CRUD dispatcher, answering a server-side apply of a status subresource as the real API
   * server does when one field manager owns all of status (as the operator does): the applied
   * status replaces the stored one. The mock itself knows JSON and merge patches only, and answers
   * an apply with 415.
   */
  private static final class StatusApplyingDispatcher extends KubernetesMixedDispatcher {
    StatusApplyingDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses) {
      super(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String type = request.getHeader("Content-Type");
      String path = request.getPath().split("\\?")[0]; // without fieldManager and force
      if (request.method() != HttpMethod.PATCH
          || type == null
          || !type.startsWith(PatchType.SERVER_SIDE_APPLY.getContentType())
          || !path.endsWith("/status")) {
        return super.dispatch(request);
      }
      Object status =
          Serialization.unmarshal(request.getUtf8Body(), GenericKubernetesResource.class)
              .getAdditionalProperties()
              .get("status");
      String patch =
          "[{\"op\":\"add\",\"path\":\"/status\",\"value\":" + Serialization.asJson(status) + "}]";
      return super.dispatch(
          new RecordedRequest(
              request.getHttpVersion(),
              HttpMethod.PATCH,
              path,
              request
                  .getHeaders()
                  .newBuilder()
                  .set("Content-Type", PatchType.JSON.getContentType())
                  .build(),
              new Buffer(patch.getBytes(StandardCharsets.UTF_8))));
    }
  }

  /** A started server in CRUD mode and a client of it. */
  private record Running(KubernetesMockServer server, NamespacedKubernetesClient client)
      implements AutoCloseable {

    static Running start() {
      // tests add expectations while the server answers the operators
      Map<ServerRequest, Queue<ServerResponse>> responses = new ConcurrentHashMap<>();
      KubernetesMockServer server =
          new KubernetesMockServer(
              new Context(Serialization.jsonMapper()),
              new MockWebServer(),
              responses,
              new StatusApplyingDispatcher(responses),
              false);
      server.init();
      return new Running(server, server.createClient());
    }

    void inject(List<Field> fields, Object instance) throws IllegalAccessException {
      for (Field field : fields) {
        field.setAccessible(true);
        if (field.getType() == KubernetesMockServer.class) {
          field.set(instance, server);
        } else {
          field.set(instance, client.adapt(field.getType().asSubclass(Client.class)));
        }
      }
    }

    @Override
    public void close() {
      client.close();
      try {
        server.destroy();
      } catch (RejectedExecutionException e) {
        // vert.x sometimes completes its close on an event loop that has already terminated; the
        // server is down either way
      }
    }
  }
}
