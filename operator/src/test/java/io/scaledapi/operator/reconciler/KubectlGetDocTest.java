package io.scaledapi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How KubectlGetIT finds, compares and rewrites README's kubectl get sapi block. */
class KubectlGetDocTest {
  static final String HEADER = "NAME        TARGET      MIN   MAX   AGE\n";
  static final String OUTPUT = HEADER + "queue-api   queue-api   1     10    2s\n";
  static final String README =
      """
      # x

      ## Status, conditions and events

      `kubectl get sapi` shows the target and bounds:

      | condition | True means |
      """;

  @Test
  void theBlockGoesAfterTheParagraphOnTheColumnsAndIsThenReplaced() {
    String written = KubectlGetDoc.withBlock(README, KubectlGetDoc.block(OUTPUT));
    assertThat(written)
        .contains(
            "shows the target and bounds:\n\n```\n$ kubectl get sapi -n demo\n"
                + OUTPUT
                + "```\n\n| condition");

    String newer = OUTPUT.replace("10 ", "12 ");
    String rewritten = KubectlGetDoc.withBlock(written, KubectlGetDoc.block(newer));
    assertThat(KubectlGetDoc.findBlock(rewritten)).isEqualTo(KubectlGetDoc.block(newer));
    assertThat(rewritten).doesNotContain(OUTPUT);
  }

  @Test
  void onlyTheAgeMayDiffer() {
    String block = KubectlGetDoc.block(OUTPUT);
    assertThat(KubectlGetDoc.ageMasked(KubectlGetDoc.block(OUTPUT.replace("2s", "3m7s"))))
        .isEqualTo(KubectlGetDoc.ageMasked(block));
    assertThat(KubectlGetDoc.ageMasked(KubectlGetDoc.block(OUTPUT.replace("10 ", "11 "))))
        .isNotEqualTo(KubectlGetDoc.ageMasked(block));
    assertThat(KubectlGetDoc.ageMasked(KubectlGetDoc.block(OUTPUT.replace("AGE", "AGE2"))))
        .as("the header is compared whole")
        .isNotEqualTo(KubectlGetDoc.ageMasked(block));
  }

  @Test
  void aReadmeWithoutTheBlockFails() {
    assertThatThrownBy(() -> KubectlGetDoc.findBlock(README))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Ddocs.write=true");
  }
}
