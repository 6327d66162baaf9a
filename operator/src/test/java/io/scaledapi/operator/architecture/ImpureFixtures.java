package io.scaledapi.operator.architecture;

import java.time.Instant;
import java.util.Random;

/** Classes that break purity one way each, for {@link ArchitectureTest} to catch. */
final class ImpureFixtures {
  private ImpureFixtures() {}

  static final class ReadsTheClock {
    Instant now() {
      return Instant.now();
    }
  }

  static final class ReadsTheSystemClock {
    long now() {
      return System.currentTimeMillis();
    }
  }

  static final class ReadsTheEnvironment {
    String home() {
      return System.getenv("HOME");
    }
  }

  static final class HoldsAClock {
    java.time.Clock clock;
  }

  static final class OpensAFile {
    java.nio.file.Path path = java.nio.file.Path.of("x");
  }

  static final class SendsOverTheNetwork {
    java.net.URI uri;
  }

  static final class StartsAThread {
    void start(Runnable r) {
      new Thread(r).start();
    }
  }

  static final class UsesAnExecutor {
    java.util.concurrent.Executor executor;
  }

  static final class DrawsUnseededRandomness {
    Random random = new Random();
  }

  static final class DrawsMathRandom {
    double draw() {
      return Math.random();
    }
  }

  /** Pure: time passed in, randomness from a seed. */
  static final class Pure {
    Instant later(Instant now) {
      return now.plusSeconds(new Random(7).nextInt(10));
    }
  }
}
