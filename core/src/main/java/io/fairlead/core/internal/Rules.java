package io.fairlead.core.internal;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import java.util.Arrays;
import java.util.Collection;

/**
 * The pairwise hard rules and soft preferences of one lead and one rep, as static functions that
 * need no {@link ProblemIndex}: the batch (through {@code ProblemIndex}) and the single-lead router
 * ({@code io.fairlead.core.routing}) must apply the very same checks in the very same order.
 *
 * <p>Not part of the API. Stateless and thread-safe.
 */
public final class Rules {

  private Rules() {}

  /**
   * The id of the first pairwise hard rule (in {@link Rule} declaration order) that forbids giving
   * the lead to the rep, or {@code null} if none does. Custom rules answer {@code "custom:<name>"}.
   *
   * @param tier the lead's tier under the policy ({@link Policy#tierOf(Lead)})
   * @param asNew whether the rep would receive the lead as a new one; availability applies only
   *     then (a rep on leave keeps what it already owns)
   */
  public static String firstFailure(Policy policy, Rep rep, Lead lead, Tier tier, boolean asNew) {
    if (policy.enforces(Rule.AVAILABILITY) && !rep.available() && asNew) {
      return Rule.AVAILABILITY.id();
    }
    if (!inRegion(policy, rep, lead)) {
      return Rule.REGION.id();
    }
    if (policy.enforces(Rule.INDUSTRY)
        && !rep.industries().isEmpty()
        && !rep.industries().contains(lead.industry())) {
      return Rule.INDUSTRY.id();
    }
    if (policy.enforces(Rule.COMPANY_SIZE) && !rep.companySizes().contains(lead.companySize())) {
      return Rule.COMPANY_SIZE.id();
    }
    if (policy.enforces(Rule.TIER)
        && !rep.allowedTiers().isEmpty()
        && !rep.allowedTiers().contains(tier)) {
      return Rule.TIER.id();
    }
    if (policy.enforces(Rule.ROLE) && !rep.role().works(lead.kind())) {
      return Rule.ROLE.id();
    }
    if (policy.enforces(Rule.CUSTOM)) {
      for (CustomRule c : policy.customRules()) {
        if (!c.allows(rep, lead)) {
          return "custom:" + c.name();
        }
      }
    }
    return null;
  }

  /**
   * Whether the region rule lets the rep take the lead: always, if the policy does not enforce it.
   */
  public static boolean inRegion(Policy policy, Rep rep, Lead lead) {
    return !policy.enforces(Rule.REGION)
        || rep.regions().isEmpty()
        || rep.regions().contains(lead.region());
  }

  /** Soft mismatches of a pair: industry outside the rep's preferences, role misfit when soft. */
  public static int preferenceMismatches(Policy policy, Rep rep, Lead lead) {
    int m = 0;
    if (!rep.preferredIndustries().isEmpty()
        && !rep.preferredIndustries().contains(lead.industry())) {
      m++;
    }
    if (!policy.enforces(Rule.ROLE) && !rep.role().works(lead.kind())) {
      m++;
    }
    return m;
  }

  /**
   * Cut points at every edge of the reps' company-size bands, ascending: leads whose sizes fall in
   * the same interval between two cuts pass exactly the same reps' size rule.
   */
  public static int[] sizeCuts(Collection<Rep> reps) {
    int[] cuts = new int[2 * reps.size()];
    int k = 0;
    for (Rep r : reps) {
      cuts[k++] = r.companySizes().min();
      int max = r.companySizes().max();
      cuts[k++] = max == Integer.MAX_VALUE ? Integer.MAX_VALUE : max + 1;
    }
    return distinctSorted(cuts);
  }

  /** The distinct values of {@code xs}, ascending; sorts {@code xs} in place. */
  private static int[] distinctSorted(int[] xs) {
    Arrays.sort(xs);
    int k = 0;
    for (int i = 0; i < xs.length; i++) {
      if (k == 0 || xs[i] != xs[k - 1]) {
        xs[k++] = xs[i];
      }
    }
    return Arrays.copyOf(xs, k);
  }

  /**
   * The size band of a company size between the {@link #sizeCuts cuts}: band {@code k} is the
   * half-open interval {@code [cuts[k-1], cuts[k])}. A size equal to a cut starts the next band (a
   * cut is a band's first size, or one past its last).
   */
  public static int sizeBand(int[] cuts, int companySize) {
    int pos = Arrays.binarySearch(cuts, companySize);
    return pos >= 0 ? pos + 1 : -pos - 1;
  }
}
