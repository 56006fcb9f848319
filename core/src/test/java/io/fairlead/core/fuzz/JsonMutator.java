package io.fairlead.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Makes a mutant of a valid JSON document: one to four changes to its parsed tree (one in half the
 * mutants, so that many are still valid and reach what follows the reader), and now and then a
 * change to its text. Deterministic: the same document and the same {@link Random} state give the
 * same mutant.
 *
 * <p>Tree changes: numbers replaced by extremes (0, -1, 1e-300, 1e305, 1.8e305, 1.7e308, 1e309,
 * {@code Long.MAX_VALUE}, {@code Integer.MIN_VALUE}, 2^53 + 1, the bounds of valid ranges (1e15,
 * 1000, 100, 0.01) and just past them, 30- and 1100-digit numbers, the strings {@code "NaN"} and
 * {@code "Infinity"}, fractions where integers belong); numbers nudged (±1, negated, doubled, +
 * 0.5, written as {@code 10.0}); fields deleted, renamed (typos such as {@code capcity}, other
 * known names), added and repeated (a repeated key, with the same or another value); types changed
 * (string, number, boolean, null, array, object, and wrapped in an array or object); strings made
 * blank, very long, ill-formed (lone surrogates such as {@code \uD800}), odd (zero-width and
 * non-breaking spaces, combining marks, right-to-left override, NUL, quotes, path-like text) or
 * swapped for another string of the document (another id, a tier name: repeated ids and cross
 * references); array elements swapped, repeated (duplicate ids), removed, nulled, the array
 * emptied; a node replaced by deeply nested arrays or objects (up to 20,000 levels) or a copy of
 * another node.
 *
 * <p>Text changes: truncation, a range deleted or repeated, a character replaced, a token inserted
 * ({@code NaN}, a comment, a stray bracket, a byte-order mark), content after the document.
 */
public final class JsonMutator {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Number literals, written exactly as here. */
  private static final List<String> NUMBERS =
      List.of(
          "0",
          "-0",
          "-1",
          "1",
          "0.5",
          "-0.5",
          "1e-300",
          "-1e-300",
          "4.9e-324",
          "1e-9",
          "1e15",
          "999999999999999.9",
          "1e14",
          "1000",
          "1000.0000001",
          "100",
          "0.01",
          "0.009999",
          "1e-6",
          "1.0000000000000002e15",
          "9007199254740992",
          "9007199254740993",
          "1e305",
          "1.8e305",
          "1.7e308",
          "-1.7e308",
          "1e309",
          "-1e400",
          "2147483647",
          "2147483648",
          "-2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "123456789012345678901234567890",
          "1E2",
          "1.0",
          "100.0000001",
          "0.30000000000000004",
          "1" + "0".repeat(1100),
          "0." + "0".repeat(1100) + "1",
          "1e999999999",
          "-1e999999999",
          "1e-999999999");

  /** Strings where numbers belong: the non-finite doubles the codec reads, and others. */
  private static final List<String> NUMBER_STRINGS =
      List.of("NaN", "Infinity", "-Infinity", "1e309", "10", "", " 1");

  private static final List<String> ODD_STRINGS =
      List.of(
          "",
          " ",
          "\t",
          "\n",
          "\u00A0",
          "\u2003",
          "\u200B",
          "\uFEFF",
          "\u0000",
          "\uD800",
          "a\uD800",
          "\uDC00",
          "\uDC00\uD800",
          "\uDBFF\uDFFF",
          "\uD83D\uDE00",
          "e\u0301",
          "\u202Eevil",
          "'",
          "\"",
          "\\",
          "a'b",
          "$.leads[0].value",
          "a.b",
          "a b",
          "%s",
          "%n",
          "null",
          "true",
          "NaN",
          "Infinity",
          "0",
          "-1",
          "1e305",
          "A",
          "B",
          "C",
          "East");

  /** Field names that are not in any document, or in another one, or misspelt. */
  private static final List<String> FIELD_NAMES =
      List.of(
          "capcity",
          "Capacity",
          "ID",
          "id ",
          "",
          "\uD800",
          "x",
          "$",
          "polcy",
          "__proto__",
          "value");

  /** Inserted into the text. */
  private static final List<String> TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\"",
          "\\",
          "NaN",
          "-Infinity",
          "/* c */",
          "// c\n",
          "\uFEFF",
          "\u0000",
          "\uD800",
          "0",
          "-",
          "e",
          ".",
          "nul",
          "tru",
          "'",
          "\\u",
          "\\uD800",
          "\n",
          " ");

  private final Random random;
  private final Map<ObjectNode, List<Map.Entry<String, JsonNode>>> repeatedKeys =
      new IdentityHashMap<>();
  private final boolean escapeNonAscii;
  private final List<String> strings = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private JsonNode root;

  private JsonMutator(JsonNode root, Random random) {
    this.root = root;
    this.random = random;
    this.escapeNonAscii = random.nextBoolean();
    collectStrings(root);
  }

  /** Returns a mutant of a valid JSON document. */
  public static String mutate(String json, Random random) {
    JsonMutator m = new JsonMutator(Seeds.tree(json), random);
    int r = random.nextInt(100); // mostly one change, so that many mutants are still valid
    int changes = r < 50 ? 1 : r < 75 ? 2 : r < 90 ? 3 : 4;
    for (int i = 0; i < changes; i++) {
      m.mutateTree();
    }
    String text = m.render();
    if (random.nextInt(100) < 15) {
      text = m.mutateText(text);
    }
    return text;
  }

  // ------------------------------------------------------------------ tree

  /** A node and where it is: the root, a field of an object, or an element of an array. */
  private record Slot(JsonNode parent, String field, int index, JsonNode node) {}

  private void mutateTree() {
    int op = random.nextInt(100);
    if (op < 14) {
      Slot s = pick(JsonNode::isNumber, 85);
      replace(s, raw(NUMBERS.get(random.nextInt(NUMBERS.size()))));
    } else if (op < 18) {
      Slot s = pick(JsonNode::isNumber, 85);
      replace(s, TextNode.valueOf(NUMBER_STRINGS.get(random.nextInt(NUMBER_STRINGS.size()))));
    } else if (op < 24) {
      Slot s = pick(JsonNode::isNumber, 100);
      if (s.node().isNumber()) {
        replace(s, nudge(s.node()));
      }
    } else if (op < 32) {
      remove(pick(n -> true, 0));
    } else if (op < 37) {
      repeatKey();
    } else if (op < 47) {
      Slot s = pick(n -> true, 0);
      replace(s, otherType(s.node()));
    } else if (op < 57) {
      Slot s = pick(JsonNode::isTextual, 85);
      replace(s, TextNode.valueOf(oddString()));
    } else if (op < 65) {
      Slot s = pick(JsonNode::isTextual, 90);
      if (!strings.isEmpty()) {
        replace(s, TextNode.valueOf(strings.get(random.nextInt(strings.size()))));
      }
    } else if (op < 70) {
      swapElements();
    } else if (op < 77) {
      repeatElement();
    } else if (op < 81) {
      clearOrNull();
    } else if (op < 83) {
      replace(pick(n -> true, 0), raw(nested()));
    } else if (op < 88) {
      addField();
    } else if (op < 92) {
      renameField();
    } else {
      Slot to = pick(n -> true, 0);
      Slot from = pick(n -> true, 0);
      replace(to, from.node().deepCopy());
    }
  }

  private JsonNode nudge(JsonNode n) {
    String literal = n instanceof RawNumber r ? r.textValue() : null;
    double x = literal != null ? parse(literal) : n.asDouble();
    boolean integral = n.isIntegralNumber() || (literal != null && !literal.contains("."));
    long v = (long) x;
    switch (random.nextInt(7)) {
      case 0:
        return raw(integral ? Long.toString(v + 1) : Double.toString(x + 1));
      case 1:
        return raw(integral ? Long.toString(v - 1) : Double.toString(x - 1));
      case 2:
        return raw(integral ? Long.toString(-v) : Double.toString(-x));
      case 3:
        return raw(integral ? Long.toString(v * 2) : Double.toString(x * 2));
      case 4:
        return raw(Double.toString(x + 0.5));
      case 5:
        return raw(integral ? v + ".0" : Double.toString(x * 1e300));
      default:
        return raw(integral ? Long.toString(v * 1000) : Double.toString(x / 1e300));
    }
  }

  private static double parse(String literal) {
    try {
      return Double.parseDouble(literal);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private JsonNode otherType(JsonNode old) {
    switch (random.nextInt(10)) {
      case 0:
        return TextNode.valueOf(old.isValueNode() ? old.asText() : "x");
      case 1:
        return IntNode.valueOf(random.nextInt(5) - 1);
      case 2:
        return DoubleNode.valueOf(random.nextInt(1000) / 10.0);
      case 3:
        return BooleanNode.valueOf(random.nextBoolean());
      case 4:
        return NullNode.getInstance();
      case 5:
        return NODES.arrayNode();
      case 6:
        return NODES.objectNode();
      case 7:
        return NODES.arrayNode().add(old.deepCopy());
      case 8:
        return NODES.objectNode().set(keys.isEmpty() ? "x" : randomKey(), old.deepCopy());
      default:
        return TextNode.valueOf("");
    }
  }

  private String oddString() {
    int k = random.nextInt(10);
    if (k == 0) {
      int length = new int[] {300, 10_000, 100_000}[random.nextInt(3)];
      String base = strings.isEmpty() ? "x" : strings.get(random.nextInt(strings.size()));
      StringBuilder b = new StringBuilder(length + 1);
      while (b.length() < length) {
        b.append(base.isEmpty() ? "x" : base);
      }
      b.setLength(length);
      if (random.nextBoolean()) {
        b.append('\uD800');
      }
      return b.toString();
    }
    if (k <= 2 && !strings.isEmpty()) {
      String s = strings.get(random.nextInt(strings.size()));
      String odd = ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
      return random.nextBoolean() ? s + odd : odd + s;
    }
    return ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
  }

  private String nested() {
    int depth = new int[] {10, 200, 999, 1000, 1001, 5000, 20_000}[random.nextInt(7)];
    boolean arrays = random.nextBoolean();
    StringBuilder b = new StringBuilder(depth * 6);
    for (int i = 0; i < depth; i++) {
      b.append(arrays ? "[" : "{\"a\":");
    }
    b.append(random.nextBoolean() ? "1" : "\"x\"");
    for (int i = 0; i < depth; i++) {
      b.append(arrays ? "]" : "}");
    }
    return b.toString();
  }

  private void remove(Slot s) {
    if (s.parent() instanceof ObjectNode o) {
      o.remove(s.field());
    } else if (s.parent() instanceof ArrayNode a) {
      a.remove(s.index());
    } else {
      root = NODES.objectNode();
    }
  }

  private void repeatKey() {
    Slot s = pick(n -> n.isObject() && n.size() > 0, 100);
    if (!(s.node() instanceof ObjectNode o) || o.size() == 0) {
      return;
    }
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    String name = names.get(random.nextInt(names.size()));
    JsonNode value = random.nextBoolean() ? o.get(name).deepCopy() : otherType(o.get(name));
    repeatedKeys.computeIfAbsent(o, k -> new ArrayList<>()).add(Map.entry(name, value));
  }

  private void swapElements() {
    Slot s = pick(n -> n.isArray() && n.size() > 1, 100);
    if (s.node() instanceof ArrayNode a && a.size() > 1) {
      int i = random.nextInt(a.size());
      int j = random.nextInt(a.size());
      JsonNode x = a.get(i);
      a.set(i, a.get(j));
      a.set(j, x);
    }
  }

  private void repeatElement() {
    Slot s = pick(n -> n.isArray() && n.size() > 0, 100);
    if (s.node() instanceof ArrayNode a && a.size() > 0) {
      JsonNode copy = a.get(random.nextInt(a.size())).deepCopy();
      a.insert(random.nextInt(a.size() + 1), copy);
    }
  }

  private void clearOrNull() {
    Slot s = pick(JsonNode::isContainerNode, 100);
    if (s.node() instanceof ArrayNode a) {
      if (random.nextBoolean()) {
        a.removeAll();
      } else {
        a.insert(random.nextInt(a.size() + 1), NullNode.getInstance());
      }
    } else if (s.node() instanceof ObjectNode o) {
      if (random.nextBoolean()) {
        o.removeAll();
      } else if (o.size() > 0) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        o.putNull(names.get(random.nextInt(names.size())));
      }
    }
  }

  private void addField() {
    Slot s = pick(JsonNode::isObject, 100);
    if (s.node() instanceof ObjectNode o) {
      String name =
          random.nextBoolean() || keys.isEmpty()
              ? FIELD_NAMES.get(random.nextInt(FIELD_NAMES.size()))
              : randomKey();
      o.set(name, otherType(NullNode.getInstance()));
    }
  }

  private void renameField() {
    Slot s = pick(n -> n.isObject() && n.size() > 0, 100);
    if (!(s.node() instanceof ObjectNode o) || o.size() == 0) {
      return;
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
    List<String> names = new ArrayList<>(fields.keySet());
    String old = names.get(random.nextInt(names.size()));
    String name =
        switch (random.nextInt(4)) {
          case 0 -> // a typo: one character dropped (a field named "" stays "")
              old.isEmpty()
                  ? old
                  : old.substring(0, old.length() / 2) + old.substring(old.length() / 2 + 1);
          case 1 -> old.toUpperCase(java.util.Locale.ROOT);
          case 2 -> oddString();
          default -> keys.isEmpty() ? oddString() : randomKey();
        };
    o.removeAll();
    fields.forEach((k, v) -> o.set(k.equals(old) ? name : k, v));
  }

  private String randomKey() {
    return keys.get(random.nextInt(keys.size()));
  }

  private static JsonNode raw(String literal) {
    return new RawNumber(literal);
  }

  /**
   * A number written exactly as given (e.g. {@code 1.8e305} or a 30-digit integer), or deeply
   * nested text. A text node with its own identity, so the renderer can find it.
   */
  private static final class RawNumber extends TextNode {
    RawNumber(String literal) {
      super(literal);
    }

    @Override
    public JsonNodeType getNodeType() {
      boolean nested = textValue().startsWith("[") || textValue().startsWith("{");
      return nested ? JsonNodeType.POJO : JsonNodeType.NUMBER;
    }

    @Override
    public boolean isIntegralNumber() {
      return isNumber() && !textValue().contains(".") && !textValue().contains("e");
    }
  }

  /**
   * Picks a node: with probability {@code percent} % one that matches (if any), otherwise any node,
   * uniformly.
   */
  private Slot pick(Predicate<JsonNode> preferred, int percent) {
    List<Slot> all = new ArrayList<>();
    collect(null, null, -1, root, all);
    if (random.nextInt(100) < percent) {
      List<Slot> matching = all.stream().filter(s -> preferred.test(s.node())).toList();
      if (!matching.isEmpty()) {
        return matching.get(random.nextInt(matching.size()));
      }
    }
    return all.get(random.nextInt(all.size()));
  }

  private static void collect(
      JsonNode parent, String field, int index, JsonNode node, List<Slot> out) {
    out.add(new Slot(parent, field, index, node));
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        collect(o, e.getKey(), -1, e.getValue(), out);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        collect(a, null, i, a.get(i), out);
      }
    }
  }

  private void replace(Slot s, JsonNode value) {
    if (s.parent() == null) {
      root = value;
    } else if (s.parent() instanceof ObjectNode o) {
      o.set(s.field(), value);
    } else {
      ((ArrayNode) s.parent()).set(s.index(), value);
    }
  }

  private void collectStrings(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.fields()
          .forEachRemaining(
              e -> {
                keys.add(e.getKey());
                collectStrings(e.getValue());
              });
    } else if (node instanceof ArrayNode a) {
      a.forEach(this::collectStrings);
    } else if (node.isTextual()) {
      strings.add(node.textValue());
    }
  }

  // ------------------------------------------------------------------ text

  private String render() {
    StringBuilder out = new StringBuilder();
    render(root, out);
    return out.toString();
  }

  private void render(JsonNode node, StringBuilder out) {
    if (node instanceof RawNumber r) {
      out.append(r.textValue());
    } else if (node instanceof ObjectNode o) {
      out.append('{');
      boolean first = true;
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      List<Map.Entry<String, JsonNode>> extra = repeatedKeys.getOrDefault(o, List.of());
      List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
      it.forEachRemaining(all::add);
      all.addAll(extra);
      for (Map.Entry<String, JsonNode> e : all) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(e.getKey(), out);
        out.append(':');
        render(e.getValue(), out);
      }
      out.append('}');
    } else if (node instanceof ArrayNode a) {
      out.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          out.append(i % 3 == 0 ? ",\n" : ",");
        }
        render(a.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else {
      out.append(node.toString());
    }
  }

  private void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (escapeNonAscii && c > 0x7E)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private String mutateText(String text) {
    int n = text.length();
    int i = random.nextInt(n + 1);
    int j = Math.min(n, i + 1 + random.nextInt(20));
    switch (random.nextInt(7)) {
      case 0:
        return text.substring(0, i);
      case 1:
        return text.substring(0, i) + text.substring(j);
      case 2:
        return text.substring(0, j) + text.substring(i, j) + text.substring(j);
      case 3:
        return text.substring(0, i) + token() + text.substring(i);
      case 4:
        return i < n ? text.substring(0, i) + token() + text.substring(i + 1) : text;
      case 5:
        return text + List.of(" {}", "]", ",", "x", "\n\n", "// c", "null", "\u0000").get(i % 8);
      default:
        return (random.nextBoolean() ? "\uFEFF" : " \n") + text;
    }
  }

  private String token() {
    return TOKENS.get(random.nextInt(TOKENS.size()));
  }
}
