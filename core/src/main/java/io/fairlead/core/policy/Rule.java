package io.fairlead.core.policy;

/**
 * A hard rule: a lead may only go to a rep that passes every enabled rule. Each rule has a stable
 * id ({@link #id()}) that explanations, JSON and the docs use.
 *
 * <p>The pairwise rules ({@link #AVAILABILITY} to {@link #ROLE}) are checked in declaration order,
 * so the reason a rep is excluded is always the first rule it fails. {@link #CAPACITY} and {@link
 * #NEW_LEAD_CAP} depend on the whole assignment.
 *
 * @since 0.1.0
 */
public enum Rule {
  /** A rep on leave takes nothing new (it keeps what it already owns). */
  AVAILABILITY("availability"),
  /** The lead's region must be one of the rep's regions (or the rep covers every region). */
  REGION("region"),
  /** The lead's industry must be one of the rep's industries (or the rep takes any industry). */
  INDUSTRY("industry"),
  /** The lead's company size must fall in the rep's size band. */
  COMPANY_SIZE("company-size"),
  /** The lead's tier must be one the rep's experience allows. */
  TIER("tier"),
  /** Hunters take new business, farmers existing customers. */
  ROLE("role"),
  /** Host-defined rules ({@link CustomRule}) must all allow the pair. */
  CUSTOM("custom"),
  /** A rep holds at most its capacity (counting customers held outside the problem). */
  CAPACITY("capacity"),
  /** A rep receives at most its cap of leads it does not already own. */
  NEW_LEAD_CAP("new-lead-cap");

  private final String id;

  Rule(String id) {
    this.id = id;
  }

  /** The stable id, e.g. {@code "company-size"}. */
  public String id() {
    return id;
  }

  /** Returns whether the rule is decided by one lead and one rep alone. */
  public boolean isPairwise() {
    return this != CAPACITY && this != NEW_LEAD_CAP;
  }

  /** Returns the rule with the given id. */
  public static Rule fromId(String id) {
    for (Rule r : values()) {
      if (r.id.equals(id)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown rule '"
            + id
            + "', expected one of "
            + java.util.Arrays.stream(values()).map(Rule::id).toList());
  }
}
