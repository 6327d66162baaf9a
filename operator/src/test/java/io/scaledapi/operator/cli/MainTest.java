package io.scaledapi.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The top-level command: its version, here from target/classes as from the jar. */
class MainTest {

  static final String VERSION = "scaledapi-operator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R";

  @Test
  void versionIsTheProjectVersion() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("--version")).isZero();
    assertThat(cli.out()).matches(VERSION);
  }

  @Test
  void everySubcommandAnswersVersion() {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("run", "--version")).isZero();
    assertThat(cli.out()).matches(VERSION);
    assertThat(cli.run("forecast-accuracy", "-V")).isZero();
    assertThat(cli.out()).matches(VERSION);
  }
}
