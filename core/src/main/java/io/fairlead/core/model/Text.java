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
