package io.scaledapi.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Scales an API workload on the depth of its request queue, read from Prometheus.
 *
 * <p>{@code kubectl get sapi} shows target, bounds, replicas, the last queue depth, the forecast
 * and the mode the operator applies (status.mode: Enforce, DryRun, Paused, ScaleUpPaused or
 * ScaleDownPaused), in the order declared here.
 *
 * <p>Every object is read, whatever it holds, so that one bad object never stops the operator's
 * reading of the others: a spec that does not fit the types carries its problems (see {@link
 * ScaledApiSpec#readProblems()}), an unreadable status is dropped, unknown fields beside them are
 * ignored.
 */
@Group(ScaledApi.GROUP)
@Version(ScaledApi.VERSION)
@Kind("ScaledApi")
@Plural("scaledapis")
@Singular("scaledapi")
@ShortNames("sapi")
@AdditionalPrinterColumn(
    name = "Target",
    jsonPath = ".spec.scaleTargetRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Min",
    jsonPath = ".spec.minReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Max",
    jsonPath = ".spec.maxReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Replicas",
    jsonPath = ".status.currentReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Desired",
    jsonPath = ".status.desiredReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Queue",
    jsonPath = ".status.signals.queueDepth.value",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "Forecast",
    jsonPath = ".status.forecast.rate",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "Mode",
    jsonPath = ".status.mode",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ScaledApi extends CustomResource<ScaledApiSpec, ScaledApiStatus>
    implements Namespaced {
  public static final String GROUP = "autoscaling.scaledapi.io";
  public static final String VERSION = "v1alpha1";
  private static final long serialVersionUID = 1L;

  @Override
  @JsonSerialize(using = LenientSpec.Serializer.class)
  public ScaledApiSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonDeserialize(using = LenientSpec.Deserializer.class)
  public void setSpec(ScaledApiSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @JsonDeserialize(using = LenientStatus.class)
  public void setStatus(ScaledApiStatus status) {
    super.setStatus(status);
  }
}
