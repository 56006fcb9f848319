package io.fairlead.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreTest {

  @Test
  void anH2Url_getsWriteDelay0_orKeepsIt_butOneThatDelaysWritesIsRefused() {
    assertThat(Store.durableH2("jdbc:h2:file:./data/book"))
        .isEqualTo("jdbc:h2:file:./data/book;WRITE_DELAY=0");
    assertThat(Store.durableH2("jdbc:h2:file:./data/book;write_delay=0;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:file:./data/book;write_delay=0;MODE=PostgreSQL");

    // With WRITE_DELAY=2000, CrashSafetyTest lost an event its reader had seen before the kill.
    assertThatThrownBy(() -> Store.durableH2("jdbc:h2:file:./data/book;WRITE_DELAY=500"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WRITE_DELAY=500");
    assertThatThrownBy(() -> Store.durableH2("jdbc:h2:file:./b;WRITE_DELAY=0;Write_Delay = 10"))
        .hasMessageContaining("WRITE_DELAY=");
  }

  @Test
  void aConfigurationWhoseH2UrlDelaysWrites_isRefusedAtItsPath() {
    String json =
        Fixture.configJson(
            new ServiceConfig.Database("jdbc:h2:file:./data/book;WRITE_DELAY=500", "sa", ""), 5);

    assertThatThrownBy(() -> ServiceConfig.read(json))
        .isInstanceOf(ApiError.class)
        .hasMessageContaining("$.database.url")
        .hasMessageContaining("WRITE_DELAY=500");
  }
}
