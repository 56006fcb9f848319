package io.fairlead.core.csv;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the columns of a reps or leads CSV file map to fairlead's fields: which column holds which
 * field, how a multi-valued cell is split, which columns are ignored, and (for leads) which columns
 * are lead attributes. Without changes, every field is read from the column of its own name (the
 * JSON field name) and a multi-valued cell is split at {@code ;}.
 *
 * <pre>{@code
 * CsvMapping mapping = CsvMapping.forLeads()
 *     .column("id", "Opportunity")
 *     .column("value", "Amount")
 *     .ignore("Notes")
 *     .build();
 * List<Lead> leads = FairleadCsv.readLeads(Files.readString(Path.of("leads.csv")), mapping);
 * }</pre>
 *
 * <p>Columns that are neither mapped nor ignored are an error in a reps file. In a leads file they
 * become lead attributes (named by their header), unless {@link Builder#attributes} lists the
 * attribute columns: then every other unknown column is an error. The format is documented in
 * {@code docs/csv-format.md}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CsvMapping {

  /** The fields of a rep, in the order of {@code docs/csv-format.md}. */
  static final List<String> REP_FIELDS =
      List.of(
          "id",
          "regions",
          "industries",
          "allowedTiers",
          "role",
          "companySizeMin",
          "companySizeMax",
          "capacity",
          "heldOutside",
          "newLeadCap",
          "available",
          "weight",
          "share",
          "preferredIndustries");

  /** The fields of a lead, in the order of {@code docs/csv-format.md}; attributes are extra. */
  static final List<String> LEAD_FIELDS =
      List.of(
          "id",
          "region",
          "industry",
          "companySize",
          "value",
          "winProbability",
          "tier",
          "kind",
          "currentOwner",
          "locked");

  /** The default separator of the items of a multi-valued cell. */
  public static final char DEFAULT_SEPARATOR = ';';

  private final boolean leads;
  private final Map<String, String> columns; // field -> header, in field order
  private final char separator;
  private final Set<String> ignored;
  private final Optional<Set<String>> attributes;

  private CsvMapping(Builder b) {
    this.leads = b.leads;
    Map<String, String> cols = new LinkedHashMap<>();
    for (String field : b.fields()) {
      cols.put(field, b.columns.getOrDefault(field, field));
    }
    this.columns = Collections.unmodifiableMap(cols);
    this.separator = b.separator == null ? DEFAULT_SEPARATOR : b.separator;
    this.ignored = Collections.unmodifiableSet(new LinkedHashSet<>(b.ignored));
    this.attributes =
        b.attributes == null
            ? Optional.empty()
            : Optional.of(Collections.unmodifiableSet(new LinkedHashSet<>(b.attributes)));
    Map<String, String> owner = new HashMap<>();
    columns.forEach((field, header) -> claim(owner, header, "field " + field));
    ignored.forEach(header -> claim(owner, header, "ignored"));
    attributes.ifPresent(a -> a.forEach(header -> claim(owner, header, "an attribute")));
  }

  private static void claim(Map<String, String> owner, String header, String what) {
    String before = owner.putIfAbsent(header, what);
    checkArgument(
        before == null, "CsvMapping: column '%s' is both %s and %s", header, before, what);
  }

  /** The default mapping of a reps file: every field in the column of its name, {@code ;}. */
  public static CsvMapping reps() {
    return forReps().build();
  }

  /** The default mapping of a leads file: every field in the column of its name, {@code ;}. */
  public static CsvMapping leads() {
    return forLeads().build();
  }

  /** Returns a builder of a mapping for a reps file, starting from the defaults. */
  public static Builder forReps() {
    return new Builder(false);
  }

  /** Returns a builder of a mapping for a leads file, starting from the defaults. */
  public static Builder forLeads() {
    return new Builder(true);
  }

  /** Whether this mapping is for a leads file ({@code false}: a reps file). */
  public boolean isForLeads() {
    return leads;
  }

  /** The fields and the header of the column each is read from, in the documented field order. */
  public Map<String, String> columns() {
    return columns;
  }

  /** The separator of the items of a multi-valued cell. */
  public char separator() {
    return separator;
  }

  /** The columns read and dropped, in the order given. */
  public Set<String> ignored() {
    return ignored;
  }

  /**
   * The columns that are lead attributes, when listed; empty when every unknown column of a leads
   * file is an attribute.
   */
  public Optional<Set<String>> attributes() {
    return attributes;
  }

  String document() {
    return leads ? "leads" : "reps";
  }

  @Override
  public String toString() {
    return "CsvMapping["
        + document()
        + ", columns="
        + columns
        + ", separator="
        + separator
        + ", ignored="
        + ignored
        + attributes.map(a -> ", attributes=" + a).orElse("")
        + "]";
  }

  /**
   * Builds a {@link CsvMapping}. Each option may be set once; a field may be mapped once and a
   * column used once. {@link #build()} validates and leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final boolean leads;
    private final Map<String, String> columns = new HashMap<>();
    private Character separator;
    private final Set<String> ignored = new LinkedHashSet<>();
    private List<String> attributes;

    private Builder(boolean leads) {
      this.leads = leads;
    }

    private List<String> fields() {
      return leads ? LEAD_FIELDS : REP_FIELDS;
    }

    /**
     * Reads {@code field} (a name of {@code docs/csv-format.md}, e.g. {@code "value"}) from the
     * column with header {@code header} instead of the column of its own name.
     *
     * @throws IllegalArgumentException if the field is unknown or mapped already, or the header is
     *     blank
     */
    public Builder column(String field, String header) {
      requireNonNull(field, "field");
      checkArgument(
          fields().contains(field),
          "CsvMapping: unknown %s field '%s', expected one of %s",
          leads ? "lead" : "rep",
          field,
          String.join(", ", fields()));
      checkArgument(
          !columns.containsKey(field),
          "CsvMapping: field '%s' is mapped twice ('%s', then '%s')",
          field,
          columns.get(field),
          header);
      columns.put(field, header(header));
      return this;
    }

    /**
     * Splits multi-valued cells (a rep's regions, industries, allowed tiers and preferred
     * industries) at {@code separator} instead of {@code ;}.
     *
     * @throws IllegalArgumentException if set twice, or if it is a comma, a quote or whitespace
     */
    public Builder separator(char separator) {
      checkArgument(this.separator == null, "CsvMapping: separator is set twice");
      checkArgument(
          separator != ',' && separator != '"' && !Character.isWhitespace(separator),
          "CsvMapping: separator must not be a comma, a quote or whitespace, was '%s'",
          separator);
      this.separator = separator;
      return this;
    }

    /**
     * Reads the columns with these headers and drops them.
     *
     * @throws IllegalArgumentException if a header is blank or ignored twice
     */
    public Builder ignore(String... headers) {
      for (String h : headers) {
        checkArgument(ignored.add(header(h)), "CsvMapping: column '%s' is ignored twice", h);
      }
      return this;
    }

    /**
     * Lists the columns of a leads file that are lead attributes: every other column that is
     * neither mapped nor ignored is then an error. Without it, every such column is an attribute.
     *
     * @throws IllegalArgumentException for a reps mapping (reps have no attributes), if set twice,
     *     or if a header is blank or listed twice
     */
    public Builder attributes(String... headers) {
      checkArgument(leads, "CsvMapping: reps have no attributes");
      checkArgument(attributes == null, "CsvMapping: attributes are set twice");
      List<String> list = new ArrayList<>();
      for (String h : headers) {
        checkArgument(
            !list.contains(header(h)), "CsvMapping: attribute column '%s' is listed twice", h);
        list.add(h);
      }
      attributes = list;
      return this;
    }

    private static String header(String header) {
      checkArgument(
          header != null && !header.isBlank(), "CsvMapping: a column header must not be blank");
      checkArgument(
          header.strip().equals(header),
          "CsvMapping: a column header must not start or end with whitespace, was '%s'",
          header);
      return header;
    }

    /**
     * Builds the mapping.
     *
     * @throws IllegalArgumentException if one column would be read twice: by two fields, or as a
     *     field and ignored or an attribute
     */
    public CsvMapping build() {
      return new CsvMapping(this);
    }
  }
}
