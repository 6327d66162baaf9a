package io.scaledapi.operator.reconciler;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code kubectl get sapi} output in README.md's "Status, conditions and events" section, as
 * {@link KubectlGetIT} printed it. The command is shown as a user types it, {@code kubectl get sapi
 * -n demo}; the test's namespace carries a suffix, which the output does not show.
 */
final class KubectlGetDoc {
  static final Path README = Path.of("../README.md");
  static final String COMMAND = "$ kubectl get sapi -n demo";

  /** The section the block belongs to, and the paragraph it follows. */
  private static final String SECTION = "## Status, conditions and events";

  private static final String AFTER = "`kubectl get sapi` shows";
  private static final Pattern BLOCK =
      Pattern.compile("```\n" + Pattern.quote(COMMAND) + "\n.*?```\n", Pattern.DOTALL);

  private KubectlGetDoc() {}

  /** The fenced block showing the command and what kubectl printed. */
  static String block(String kubectlOutput) {
    return "```\n" + COMMAND + "\n" + kubectlOutput.stripTrailing() + "\n```\n";
  }

  /** README's block, or an error naming what to do when it has none. */
  static String findBlock(String readme) {
    Matcher m = BLOCK.matcher(readme);
    if (!m.find()) {
      throw new AssertionError(
          "README.md has no fenced block starting with '"
              + COMMAND
              + "'; rerun with -Ddocs.write=true");
    }
    return m.group();
  }

  /**
   * README with {@code block} in place of its block; without one, the block goes after the
   * paragraph of the Status section that describes the columns.
   */
  static String withBlock(String readme, String block) {
    Matcher m = BLOCK.matcher(readme);
    if (m.find()) {
      return readme.substring(0, m.start()) + block + readme.substring(m.end());
    }
    int section = readme.indexOf(SECTION);
    int paragraph = section < 0 ? -1 : readme.indexOf(AFTER, section);
    int end = paragraph < 0 ? -1 : readme.indexOf("\n\n", paragraph);
    if (end < 0) {
      throw new IllegalStateException(
          "README.md has no paragraph starting with " + AFTER + " under " + SECTION);
    }
    return readme.substring(0, end + 2) + block + "\n" + readme.substring(end + 2);
  }

  /** The block with each row's last cell, the AGE, replaced: it changes from run to run. */
  static String ageMasked(String block) {
    StringBuilder masked = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      boolean row = !line.startsWith("```") && !line.startsWith("$ ") && !line.startsWith("NAME");
      masked.append(row && !line.isBlank() ? line.replaceFirst("\\S+$", "<age>") : line);
      masked.append('\n');
    }
    return masked.toString();
  }
}
