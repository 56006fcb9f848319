package io.fairlead.core.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Checks on the text of ids and names: not blank, and well-formed UTF-16 (no lone surrogate), so
 * that everything read can be written back as JSON or UTF-8.
 */
final class Text {

  private Text() {}

  /**
   * Returns {@code value} if it is not null, not blank and well-formed.
   *
   * @param what the record and field, for the message, e.g. {@code "lead c42: region"}
   */
  static String name(String value, String what) {
    checkArgument(value != null && !value.isBlank(), "%s must not be blank", what);
    return wellFormed(value, what);
  }

  /**
   * The longest name that is written as a JSON field name (a tier name, an attribute name): the
   * JSON parser's limit for field names, so that whatever is written can be read back.
   */
  static final int MAX_KEY_LENGTH = 50_000;

  /** Returns {@code value} if it is a {@link #name} short enough to be a JSON field name. */
  static String key(String value, String what) {
    name(value, what);
    checkArgument(
        value.length() <= MAX_KEY_LENGTH,
        "%s must be at most %s characters (it is written as a JSON field name), was %s characters",
        what,
        MAX_KEY_LENGTH,
        value.length());
    return value;
  }

  /** Returns {@code value} if it holds no lone surrogate (it may be empty or blank). */
  static String wellFormed(String value, String what) {
    checkArgument(value != null, "%s must not be null", what);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            what
                + " must be well-formed text, but holds a lone surrogate (\\u"
                + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                + ") at index "
                + i);
      }
    }
    return value;
  }
}
