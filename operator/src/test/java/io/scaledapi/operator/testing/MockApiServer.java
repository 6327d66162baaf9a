package io.scaledapi.operator.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * fabric8's mock API server in CRUD mode for a test class, as {@code
 * EnableKubernetesMockClient(crud = true)} gives, but started only where the class asks for one: a
 * static {@code KubernetesMockServer} or {@code KubernetesClient} field gets one server for the
 * whole class, an instance field a fresh server for each test. ({@code EnableKubernetesMockClient}
 * also starts and stops a server around every test method, used or not.) It takes a server-side
 * apply of status as the real API server does for its one field manager; see {@code
 * MockApiServerExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MockApiServerExtension.class)
public @interface MockApiServer {}
