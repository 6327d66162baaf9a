package io.scaledapi.operator.promql;

/** The type of a PromQL expression's value. */
enum ValueType {
  SCALAR("scalar"),
  VECTOR("instant vector"),
  MATRIX("range vector"),
  STRING("string");

  private final String documented;

  ValueType(String documented) {
    this.documented = documented;
  }

  @Override
  public String toString() {
    return documented;
  }
}
