package io.scaledapi.example.queueapi;

/**
 * What a load run did: requests sent, answered 2xx, answered 503, and failed otherwise (another
 * status, a connection error, or no answer before the run's deadline).
 */
public record LoadReport(int sent, int ok, int rejected, int errors) {
  @Override
  public String toString() {
    return "sent=" + sent + " ok=" + ok + " rejected=" + rejected + " errors=" + errors;
  }
}
