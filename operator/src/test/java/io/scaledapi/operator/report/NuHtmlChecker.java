package io.scaledapi.operator.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process and offline: the
 * HTML5 schema, its assertions and checkers, on a document given as text.
 */
public final class NuHtmlChecker {

  private static final String HTML5_SCHEMA = "http://s.validator.nu/html5-all.rnc";

  private NuHtmlChecker() {}

  /** What the checker reports about {@code html}: errors and warnings, with line and column. */
  public static List<String> messages(String html) {
    Collector collector = new Collector();
    try {
      SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
      validator.setUpMainSchema(HTML5_SCHEMA, collector);
      validator.setUpValidatorAndParsers(collector, true, false);
      InputSource source =
          new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
      source.setSystemId("report.html");
      validator.checkHtmlInputSource(source);
    } catch (Exception e) {
      throw new IllegalStateException("the Nu HTML checker failed to run", e);
    }
    return collector.messages;
  }

  private static final class Collector implements ErrorHandler {
    final List<String> messages = new ArrayList<>();

    @Override
    public void warning(SAXParseException e) {
      add("warning", e);
    }

    @Override
    public void error(SAXParseException e) {
      add("error", e);
    }

    @Override
    public void fatalError(SAXParseException e) {
      add("fatal", e);
    }

    private void add(String kind, SAXParseException e) {
      messages.add(
          kind + " at " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
    }
  }
}
