package io.fairlead.core.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The phone normaliser behind {@link Normalizers#phone(String, int)}: the country calling code and
 * the national number as digits, from international or national notation. Deliberately small: it
 * knows the international prefixes 00 (and 011 in North America), the trunk prefixes 0 (1 in North
 * America, 8 in Russia and Kazakhstan, none in Italy), the lengths E.164 allows, and the length of
 * national numbers after +1, +7 and +86; it knows no other numbering plan.
 */
final class Phones {

  private Phones() {}

  /** Shortest number kept, calling code included: shorter ones are partial or service numbers. */
  static final int MIN_DIGITS = 8;

  /** Longest number E.164 allows, calling code included. */
  static final int MAX_DIGITS = 15;

  /** An extension after the number: "x12", "ext. 12", "#12", "转12", "分机 12", ", 12". */
  private static final Pattern EXTENSION =
      Pattern.compile("(?:ext|extn|extension|x|#|转|轉|分机号?|分機號?|,|;|;ext)[.:=]?\\s*[0-9]{1,6}#?");

  /** "(0)": the trunk prefix, written in international numbers such as +44 (0)20 7946 0018. */
  private static final Pattern TRUNK_IN_BRACKETS = Pattern.compile("\\(\\s*0\\s*\\)");

  /**
   * The number as digits (calling code, then national number), or empty.
   *
   * @param defaultCallingCode the calling code of national numbers, or 0 to give them no key
   */
  static Optional<String> normalize(String phone, int defaultCallingCode) {
    String s = Normalizer.normalize(phone, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("tel:")) {
      s = s.substring("tel:".length()).strip();
    }
    int end = 0;
    while (end < s.length() && "0123456789 +-.()/\t".indexOf(s.charAt(end)) >= 0) {
      end++;
    }
    String number = s.substring(0, end).strip();
    String rest = s.substring(end).strip();
    if (!rest.isEmpty() && !EXTENSION.matcher(rest).matches()) {
      return Optional.empty(); // letters or other text: not a phone number
    }
    if (number.lastIndexOf('+') > 0) {
      return Optional.empty();
    }
    boolean plus = number.startsWith("+");
    String digits = digits(number);
    String international;
    if (plus) {
      international = digits(TRUNK_IN_BRACKETS.matcher(number).replaceAll(""));
    } else if (digits.startsWith("00")) {
      international = digits(TRUNK_IN_BRACKETS.matcher(number).replaceAll("")).substring(2);
    } else if (defaultCallingCode == 1 && digits.startsWith("011")) {
      international = digits.substring(3);
    } else if (defaultCallingCode == 0) {
      return Optional.empty(); // a national number, and no country to place it in
    } else {
      String national = withoutTrunkPrefix(digits, defaultCallingCode);
      if (national.isEmpty() || (national.charAt(0) == '0' && defaultCallingCode != 39)) {
        return Optional.empty();
      }
      international = defaultCallingCode + national;
      if (!plausibleLength(international)
          && fixedLength(defaultCallingCode)
          && digits.startsWith(String.valueOf(defaultCallingCode))
          && plausibleLength(digits)) {
        international = digits; // "86 138 0013 8000": the calling code, without + or 00
      }
    }
    if (!plausibleLength(international)
        || international.charAt(0) == '0'
        || oneDigitRepeated(international.substring(3))) {
      return Optional.empty();
    }
    return Optional.of(international);
  }

  /**
   * 8 to 15 digits in all; and for the calling codes whose national numbers have a fixed length,
   * that length: 10 digits after +1 (North America) and +7 (Russia, Kazakhstan), 10 or 11 after +86
   * (China), so that a local number typed without its area code gives no key. Calling codes are
   * prefix-free, so a number starting with 1, 7 or 86 has that code.
   */
  private static boolean fixedLength(int callingCode) {
    return callingCode == 1 || callingCode == 7 || callingCode == 86;
  }

  private static boolean plausibleLength(String digits) {
    int n = digits.length();
    if (digits.startsWith("1") || digits.startsWith("7")) {
      return n == 11;
    }
    if (digits.startsWith("86")) {
      return n == 12 || n == 13;
    }
    return n >= MIN_DIGITS && n <= MAX_DIGITS;
  }

  private static String withoutTrunkPrefix(String digits, int callingCode) {
    switch (callingCode) {
      case 1:
        return digits.length() == 11 && digits.charAt(0) == '1' ? digits.substring(1) : digits;
      case 7:
        return digits.length() == 11 && digits.charAt(0) == '8' ? digits.substring(1) : digits;
      case 39:
        return digits;
      default:
        return digits.startsWith("0") ? digits.substring(1) : digits;
    }
  }

  private static String digits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** "1111111111", "0000000": a placeholder, not a number. */
  private static boolean oneDigitRepeated(String s) {
    return s.chars().allMatch(c -> c == s.charAt(0));
  }
}
