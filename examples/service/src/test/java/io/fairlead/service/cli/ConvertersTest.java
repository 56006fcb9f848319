package io.fairlead.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

  private final Converters.PositiveDuration duration = new Converters.PositiveDuration();

  @ParameterizedTest
  @CsvSource({
    "30s, PT30S",
    "2m, PT2M",
    "1h30m, PT1H30M",
    "500ms, PT0.5S",
    "1m5s250ms, PT1M5.25S",
    "PT30S, PT30S",
    "pt2m, PT2M",
    "P1D, PT24H"
  })
  void durations_shortAndIso(String text, String iso) {
    assertThat(duration.convert(text)).isEqualTo(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "30", "", "s", "30 s", "1.5s", "30sec", "2m1h", "P", "PTxS"})
  void notADuration_saysWhatWasExpected(String text) {
    assertThatThrownBy(() -> duration.convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("expected a duration such as 30s or PT30S, was '" + text + "'");
  }

  @Test
  void aDurationOfZeroOrLess_isRefused() {
    assertThatThrownBy(() -> duration.convert("0ms")).hasMessage("must be more than 0, was '0ms'");
    assertThatThrownBy(() -> duration.convert("PT-1S"))
        .hasMessage("must be more than 0, was 'PT-1S'");
  }

  @Test
  void theShortForm_isTheIsoDuration_ofTheSameParts() {
    // Seeded so that a failure can be replayed.
    qt().withFixedSeed(20261202L)
        .forAll(
            integers().between(0, 999),
            integers().between(0, 999),
            integers().between(0, 99_999),
            integers().between(1, 999))
        .check(
            (h, m, s, ms) -> {
              Duration expected = Duration.ofHours(h).plusMinutes(m).plusSeconds(s).plusMillis(ms);
              return duration.convert(h + "h" + m + "m" + s + "s" + ms + "ms").equals(expected)
                  && duration.convert(expected.toString()).equals(expected);
            });
  }

  @Test
  void wholeNumbers_withTheirLeastValue() {
    Converters.PositiveLong positive = new Converters.PositiveLong();
    Converters.NonNegativeLong nonNegative = new Converters.NonNegativeLong();

    assertThat(positive.convert("2_000_000")).isEqualTo(2_000_000L);
    assertThat(nonNegative.convert("0")).isZero();
    assertThatThrownBy(() -> positive.convert("0")).hasMessage("must be at least 1, was 0");
    assertThatThrownBy(() -> nonNegative.convert("-3")).hasMessage("must be at least 0, was -3");
    assertThatThrownBy(() -> positive.convert("9223372036854775808"))
        .hasMessage("too large, was '9223372036854775808'");
    assertThatThrownBy(() -> positive.convert("1e6"))
        .hasMessage("expected a whole number such as 200000, was '1e6'");
  }

  @Test
  void serviceUrls_httpOrHttps_withoutATrailingSlash() {
    Converters.ServiceUrl url = new Converters.ServiceUrl();

    assertThat(url.convert("http://127.0.0.1:7070/"))
        .isEqualTo(URI.create("http://127.0.0.1:7070"));
    assertThat(url.convert("https://leads.example.org/fairlead"))
        .isEqualTo(URI.create("https://leads.example.org/fairlead"));
    for (String bad :
        new String[] {"127.0.0.1:7070", "ftp://x", "http://", "http://h/?a=1", "::"}) {
      assertThatThrownBy(() -> url.convert(bad))
          .as(bad)
          .hasMessageStartingWith("expected the service's URL");
    }
  }
}
