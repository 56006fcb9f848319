package io.fairlead.core.policy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;

/**
 * A host-defined hard rule, e.g. "only reps who speak the lead's language", read from {@link
 * Lead#attributes()}. Custom rules live in code: they are not part of a policy's JSON form.
 *
 * <pre>{@code
 * CustomRule language = CustomRule.of("language",
 *     (rep, lead) -> !lead.attributes().containsKey("lang") || rep.id().value().startsWith("fr"));
 * }</pre>
 *
 * <p>Implementations must be pure and thread-safe: the solver calls them once per lead–rep pair.
 *
 * @since 0.1.0
 */
public interface CustomRule {

  /** A stable, non-blank name that explanations show when this rule excludes a rep. */
  String name();

  /** Returns whether the rep may own the lead. */
  boolean allows(Rep rep, Lead lead);

  /**
   * Why the rule does not allow the pair, in a manager's words; by default {@code "custom rule
   * '<name>' does not allow it"}. Called only for a pair the rule does not allow.
   */
  default String reason(Rep rep, Lead lead) {
    return "custom rule '" + name() + "' does not allow it";
  }

  /** Returns a rule with the given name and test. */
  static CustomRule of(String name, java.util.function.BiPredicate<Rep, Lead> test) {
    java.util.Objects.requireNonNull(test, "test");
    com.google.common.base.Preconditions.checkArgument(
        name != null && !name.isBlank(), "custom rule name must not be blank");
    return new CustomRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean allows(Rep rep, Lead lead) {
        return test.test(rep, lead);
      }

      @Override
      public String toString() {
        return "CustomRule[" + name + "]";
      }
    };
  }
}
