package io.fairlead.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import org.junit.jupiter.api.Test;

/**
 * Spark's Scala Jackson module refuses a jackson-databind of another minor version (when Spark
 * first builds its object mapper, deep in a job). The root pom's jackson-bom must stay on the
 * Jackson Spark is built on; this test says so early and plainly.
 */
class JacksonAlignmentTest {

  @Test
  void sparksScalaJacksonModule_acceptsOurDatabind_ofTheSameMinorVersion() {
    ObjectMapper mapper = new ObjectMapper();
    var scala = DefaultScalaModule$.MODULE$;

    mapper.registerModule(scala); // throws if the minor versions differ

    assertThat(scala.version().getMajorVersion()).isEqualTo(mapper.version().getMajorVersion());
    assertThat(scala.version().getMinorVersion()).isEqualTo(mapper.version().getMinorVersion());
    assertThat(mapper.getRegisteredModuleIds()).isNotEmpty();
  }
}
