package io.scaledapi.operator.reconciler;

import java.util.List;
import java.util.Optional;

/** Objects of one kind as the operator's informers cache them, by namespace. */
interface CachedObjects<T> {

  Optional<T> get(String namespace, String name);

  List<T> list(String namespace);

  /** Why the cache of {@code namespace} cannot be relied on now; empty when it can. */
  Optional<String> untrusted(String namespace);
}
