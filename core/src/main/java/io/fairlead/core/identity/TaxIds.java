package io.fairlead.core.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tax-id normalisers behind {@link Normalizers#uscc} and {@link Normalizers#taxId}: the Chinese
 * unified social credit code checked per GB 32100-2015, and a generic form for the rest.
 */
final class TaxIds {

  private TaxIds() {}

  /** The 31 characters of a USCC, in the order of their values 0..30 (no I, O, S, V, Z). */
  static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Separators people type inside codes: spaces, hyphens, dots, slashes, underscores. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./_]+");

  private static final Pattern GENERIC = Pattern.compile("[A-Z0-9]{5,30}");

  /** Upper case, half width, separators removed. */
  private static String compact(String code) {
    return SEPARATORS
        .matcher(Normalizer.normalize(code, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT))
        .replaceAll("");
  }

  /**
   * A unified social credit code: 18 characters of {@link #USCC_ALPHABET}, the administrative
   * division code (characters 3 to 8) in digits, and the 18th character the check character of the
   * first 17 (weights 3^(i-1) mod 31, check value 31 - (sum mod 31), 31 read as 0).
   */
  static Optional<String> uscc(String code) {
    String s = compact(code);
    if (s.length() != 18) {
      return Optional.empty();
    }
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      int value = USCC_ALPHABET.indexOf(s.charAt(i));
      if (value < 0 || (i >= 2 && i < 8 && value > 9)) {
        return Optional.empty();
      }
      sum += value * weight;
      weight = weight * 3 % 31;
    }
    char check = USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    return s.charAt(17) == check ? Optional.of(s) : Optional.empty();
  }

  /**
   * Any other tax or registration number: 5 to 30 ASCII letters and digits once separators are
   * removed, at least one of them a digit, and not one character repeated.
   */
  static Optional<String> taxId(String code) {
    String s = compact(code);
    if (!GENERIC.matcher(s).matches()
        || s.chars().noneMatch(c -> c >= '0' && c <= '9')
        || s.chars().allMatch(c -> c == s.charAt(0))) {
      return Optional.empty();
    }
    return Optional.of(s);
  }
}
