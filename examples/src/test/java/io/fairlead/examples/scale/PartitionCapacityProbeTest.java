package io.fairlead.examples.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PartitionCapacityProbeTest {

  @Test
  void aTinyBook_printsItsRow_andTheSnapshotReadBackIsTheRoutersState() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PartitionCapacityProbe.Routers r =
        PartitionCapacityProbe.run(
            500, 20, 0.05, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8).trim()).startsWith("500 ");
    assertThat(r.measured().bookSize()).isGreaterThan(500);
    assertThat(r.restored().state()).isEqualTo(r.measured().state());
  }
}
