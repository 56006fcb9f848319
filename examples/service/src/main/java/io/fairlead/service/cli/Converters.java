package io.fairlead.service.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The option types picocli does not know, each refusing a value with what was expected and what was
 * given; the error handler puts the option's name in front ({@link UsageErrors}).
 */
final class Converters {

  private Converters() {}

  /**
   * A positive duration: {@code 30s}, {@code 2m}, {@code 1h30m}, {@code 500ms}, or ISO-8601 such as
   * {@code PT30S}.
   */
  static final class PositiveDuration implements ITypeConverter<Duration> {

    private static final Pattern SHORT =
        Pattern.compile("(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,12})s)?(?:(\\d{1,15})ms)?");

    @Override
    public Duration convert(String value) {
      Duration d = parse(value.strip());
      if (d == null) {
        throw new TypeConversionException(
            "expected a duration such as 30s or PT30S, was '" + value + "'");
      }
      if (d.isNegative() || d.isZero()) {
        throw new TypeConversionException("must be more than 0, was '" + value + "'");
      }
      return d;
    }

    /** The duration, or null when the text is not one. */
    static Duration parse(String s) {
      if (s.isEmpty()) {
        return null;
      }
      if (s.charAt(0) == 'P' || s.charAt(0) == 'p') {
        try {
          return Duration.parse(s.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
          return null;
        }
      }
      Matcher m = SHORT.matcher(s.toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        return null;
      }
      return Duration.ofHours(number(m.group(1)))
          .plusMinutes(number(m.group(2)))
          .plusSeconds(number(m.group(3)))
          .plusMillis(number(m.group(4)));
    }

    private static long number(String digits) {
      return digits == null ? 0 : Long.parseLong(digits);
    }
  }

  /** A whole number of at least 1 ({@code 200000}; {@code 2_000_000} for readability). */
  static final class PositiveLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return wholeNumber(value, 1);
    }
  }

  /** A whole number of at least 0 (an audit line's id). */
  static final class NonNegativeLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return wholeNumber(value, 0);
    }
  }

  private static long wholeNumber(String value, long least) {
    String digits = value.strip().replace("_", "");
    if (!digits.matches("-?\\d{1,19}")) {
      throw new TypeConversionException(
          "expected a whole number such as 200000, was '" + value + "'");
    }
    long n;
    try {
      n = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("too large, was '" + value + "'");
    }
    if (n < least) {
      throw new TypeConversionException("must be at least " + least + ", was " + n);
    }
    return n;
  }

  /** The service's base URL: {@code http://} or {@code https://}, a host, no query. */
  static final class ServiceUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      URI u;
      try {
        u = new URI(value.strip());
      } catch (URISyntaxException e) {
        u = null;
      }
      if (u == null
          || u.getScheme() == null
          || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
          || u.getHost() == null
          || u.getRawQuery() != null
          || u.getRawFragment() != null) {
        throw new TypeConversionException(
            "expected the service's URL such as http://127.0.0.1:7070, was '" + value + "'");
      }
      String s = u.toString();
      return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
  }
}
