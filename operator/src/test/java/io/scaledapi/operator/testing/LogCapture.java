package io.scaledapi.operator.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything this JVM logs while open: {@code System.out} and {@code System.err} are teed (slf4j's
 * simple logger writes to whatever {@code System.err} is at the time), and a handler on the root
 * {@code java.util.logging} logger takes every record that passes the loggers' levels (its own
 * console handler holds the {@code System.err} of its creation, so the tee would miss it). Output
 * still reaches the console.
 */
public final class LogCapture implements AutoCloseable {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final Handler handler = new Capturing();

  private LogCapture() {
    System.setOut(tee(originalOut));
    System.setErr(tee(originalErr));
    handler.setLevel(Level.ALL);
    handler.setFormatter(new SimpleFormatter());
    rootLogger().addHandler(handler);
  }

  /** Starts capturing. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** All that was logged or printed since the capture started. */
  public String text() {
    synchronized (buffer) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }

  /** Restores the streams and removes the handler. */
  @Override
  public void close() {
    rootLogger().removeHandler(handler);
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private PrintStream tee(PrintStream original) {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            original.write(b);
            synchronized (buffer) {
              buffer.write(b);
            }
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            original.write(bytes, offset, length);
            synchronized (buffer) {
              buffer.write(bytes, offset, length);
            }
          }

          @Override
          public void flush() {
            original.flush();
          }
        };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }

  private static Logger rootLogger() {
    return LogManager.getLogManager().getLogger("");
  }

  private final class Capturing extends Handler {
    @Override
    public void publish(LogRecord record) {
      if (!isLoggable(record)) {
        return;
      }
      byte[] line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
      synchronized (buffer) {
        buffer.write(line, 0, line.length);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
