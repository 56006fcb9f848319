package io.fairlead.core.check;

import java.util.List;
import java.util.Locale;

/** Numbers and lists in a failure message: words a data analyst reads. */
final class Figures {

  /** At most this many offending reps, leads or runs are listed; the rest are counted. */
  static final int LISTED = 10;

  private Figures() {}

  /** 12, 8.8, 33.3, 120,000: one decimal below 1,000 unless whole, none from 1,000 on. */
  static String number(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? "infinity" : "-infinity";
    }
    double rounded = Math.rint(x);
    if (Math.abs(x) >= 1000 || Math.abs(x - rounded) < 1e-9 * Math.max(1, Math.abs(x))) {
      return String.format(Locale.ROOT, "%,.0f", rounded);
    }
    return String.format(Locale.ROOT, "%,.1f", x);
  }

  /** 1.1 → "110 %". */
  static String percent(double ratio) {
    return number(100 * ratio) + " %";
  }

  /** "1 rep", "3 reps". */
  static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The headline, then each line indented, at most {@link #LISTED} of them and "and N more". */
  static String listing(String headline, List<String> lines) {
    StringBuilder sb = new StringBuilder(headline);
    for (int i = 0; i < Math.min(LISTED, lines.size()); i++) {
      sb.append("\n  ").append(lines.get(i));
    }
    if (lines.size() > LISTED) {
      sb.append("\n  and ").append(lines.size() - LISTED).append(" more");
    }
    return sb.toString();
  }
}
