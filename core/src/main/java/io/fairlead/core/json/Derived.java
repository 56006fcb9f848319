package io.fairlead.core.json;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares figures read from a document with the ones derived from its assignment, and names the
 * first field where they differ: a result whose score or metrics were edited by hand is refused.
 * Records are compared component by component (their names are the JSON field names), lists by
 * index, maps by key, optionals by content.
 */
final class Derived {

  private Derived() {}

  /**
   * Fails at the first field where {@code read} and {@code derived} differ.
   *
   * @param what what the derived figures come from, for the message
   */
  static void check(JsonPath at, Object read, Object derived, String what) {
    String diff = diff(read, derived);
    if (diff != null) {
      JsonPath here = at;
      String[] parts = diff.split("\u0000", -1);
      for (int i = 0; i < parts.length - 1; i++) {
        String p = parts[i];
        here = p.startsWith("[") ? here.index(Integer.parseInt(p.substring(1))) : here.field(p);
      }
      throw here.error(parts[parts.length - 1].replace("%what", what));
    }
  }

  /** Null if equal, else the path segments and a message, separated by NUL characters. */
  private static String diff(Object read, Object derived) {
    if (read instanceof Optional<?> a && derived instanceof Optional<?> b) {
      return diff(a.orElse(null), b.orElse(null));
    }
    if (read != null
        && derived != null
        && read.getClass().isRecord()
        && read.getClass() == derived.getClass()) {
      for (RecordComponent c : read.getClass().getRecordComponents()) {
        String d = diff(value(c, read), value(c, derived));
        if (d != null) {
          return c.getName() + "\u0000" + d;
        }
      }
      return null;
    }
    if (read instanceof List<?> a && derived instanceof List<?> b) {
      if (a.size() != b.size()) {
        return "holds " + a.size() + " entries, but %what gives " + b.size();
      }
      for (int i = 0; i < a.size(); i++) {
        String d = diff(a.get(i), b.get(i));
        if (d != null) {
          return "[" + i + "\u0000" + d;
        }
      }
      return null;
    }
    if (read instanceof Map<?, ?> a && derived instanceof Map<?, ?> b) {
      if (!a.keySet().equals(b.keySet())) {
        return "holds " + a.keySet() + ", but %what gives " + b.keySet();
      }
      Iterator<? extends Map.Entry<?, ?>> it = a.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        String d = diff(e.getValue(), b.get(e.getKey()));
        if (d != null) {
          return String.valueOf(e.getKey()) + "\u0000" + d;
        }
      }
      return null;
    }
    if (read instanceof Double x && derived instanceof Double y) {
      return Double.compare(x, y) == 0 ? null : mismatch(read, derived);
    }
    return Objects.equals(read, derived) ? null : mismatch(read, derived);
  }

  private static String mismatch(Object read, Object derived) {
    return "was "
        + read
        + ", but %what gives "
        + derived
        + " (a result's figures follow from its outcomes and cannot be edited)";
  }

  private static Object value(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c, e);
    }
  }
}
