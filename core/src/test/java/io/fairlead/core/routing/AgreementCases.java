package io.fairlead.core.routing;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.policy.CustomRule;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.Rule;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.policy.TierScheme;
import io.fairlead.core.policy.ValueBasis;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Random whole problems and states of them, for {@link RulebookAgreementTest}: a policy with any
 * subset of the hard rules switched off (capacity, new-lead cap and custom rules included), 0–2
 * custom rules, rebalancing on or off, one to three tiers, random objective and tier weights and
 * weight bounds; a roster with every kind of rule and cap (capacities of 0, reps holding more
 * outside the book than their capacity, new-lead caps, leave, extreme weights, preferences); leads
 * with and without region or industry, owners, locks, tiers, zero and long-tailed values, some of
 * one class; and a state: a partial book that may break any rule (who holds which lead), and the
 * router's ledger in some period.
 */
final class AgreementCases {

  private AgreementCases() {}

  /**
   * A problem and one state of it.
   *
   * @param problem the policy, roster and leads
   * @param holder the rep index holding each lead, -1 if it is not in the book
   * @param period the router's ledger period
   * @param received per rep, the new leads the router's ledger counts this period
   * @param ledgerIsBook whether {@code received} is exactly the new leads each rep holds in the
   *     book (as the batch counts them); otherwise leads received earlier this period were
   *     released, or some were received in earlier periods
   * @param credited per rep, the ledger's credit
   * @param lastLead per rep, the sequence number of its last lead
   * @param tolerance the router's ledger tolerance
   */
  record Case(
      Problem problem,
      int[] holder,
      int period,
      int[] received,
      boolean ledgerIsBook,
      double[] credited,
      long[] lastLead,
      double tolerance) {

    Policy policy() {
      return problem.policy();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Case[\n  ").append(problem.policy()).append('\n');
      for (int r = 0; r < problem.reps().size(); r++) {
        sb.append("  ")
            .append(r)
            .append(": ")
            .append(problem.reps().get(r))
            .append(", ledger received ")
            .append(received[r])
            .append(" credited ")
            .append(credited[r])
            .append(" last ")
            .append(lastLead[r])
            .append('\n');
      }
      for (int i = 0; i < problem.leads().size(); i++) {
        sb.append("  ")
            .append(problem.leads().get(i))
            .append(holder[i] < 0 ? " not in the book" : " held by " + holder[i])
            .append('\n');
      }
      return sb.append("  period ")
          .append(period)
          .append(ledgerIsBook ? ", ledger = book" : ", ledger drifted")
          .append(", tolerance ")
          .append(tolerance)
          .append(']')
          .toString();
    }
  }

  private static final String[] REGIONS = {"East", "West", "North"};
  private static final String[] LEAD_REGIONS = {"East", "West", "North", "South"};
  private static final String[] INDUSTRIES = {"retail", "tech", "energy"};
  private static final String[] LEAD_INDUSTRIES = {"retail", "tech", "energy", "bank"};
  private static final String[] TIERS = {"A", "B", "C"};
  private static final SizeRange[] SIZES = {
    SizeRange.ANY, SizeRange.ANY, SizeRange.of(0, 99), SizeRange.atLeast(100), SizeRange.of(50, 500)
  };
  private static final int[] COMPANY_SIZES = {0, 10, 49, 50, 99, 100, 500, 501, 5000};
  private static final double[] REP_WEIGHTS = {0.1, 0.5, 1, 1, 1.7, 3, 150};
  private static final int[] CAPACITIES = {Rep.UNLIMITED, Rep.UNLIMITED, 0, 1, 2, 3, 5};
  private static final int[] NEW_LEAD_CAPS = {Rep.UNLIMITED, Rep.UNLIMITED, 0, 1, 2, 4};
  private static final double[] OBJECTIVE_WEIGHTS = {0, 0, 0.2, 1, 3, 40};
  private static final double[] TIER_WEIGHTS = {0, 1, 3, 10};
  private static final double[] TOLERANCES = {0, 1, 2.5, Double.POSITIVE_INFINITY};

  /** Host rules of every shape: on attributes, values, industries with roles, and owners. */
  private static final List<CustomRule> CUSTOM_RULES =
      List.of(
          CustomRule.of(
              "language",
              (rep, lead) -> {
                String lang = lead.attributes().get("lang");
                return lang == null
                    || lang.equals("en")
                    || rep.regions().isEmpty()
                    || rep.regions().contains("North");
              }),
          CustomRule.of(
              "big-deals-to-seniors", (rep, lead) -> lead.value() < 50_000 || rep.weight() >= 1),
          CustomRule.of(
              "no-energy-for-hunters",
              (rep, lead) ->
                  rep.role() != Role.HUNTER || !lead.industry().equals(Optional.of("energy"))),
          CustomRule.of(
              "owners-farm-only",
              (rep, lead) ->
                  !lead.currentOwner().equals(Optional.of(rep.id()))
                      || lead.kind() == LeadKind.EXISTING_CUSTOMER));

  /** Cases of 1–{@code maxReps} reps and 0–{@code maxLeads} leads. */
  static Gen<Case> cases(int maxReps, int maxLeads) {
    Gen<Case> gen = in -> build(new Source(in), maxReps, maxLeads);
    return gen.describedAs(Case::toString);
  }

  private static Case build(Source s, int maxReps, int maxLeads) {
    String[] tiers = s.chance(70) ? TIERS : Arrays.copyOf(TIERS, s.between(1, 2));
    Policy policy = policy(s, tiers);
    int repCount = s.between(1, maxReps);
    List<Rep> reps = new ArrayList<>();
    for (int r = 0; r < repCount; r++) {
      reps.add(rep(s, "r" + r, tiers));
    }
    int leadCount = s.between(0, maxLeads);
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < leadCount; i++) {
      leads.add(
          i > 0 && s.chance(35)
              ? sibling(s, leads.get(s.between(0, i - 1)), "l" + i, repCount, tiers)
              : lead(s, "l" + i, repCount, tiers));
    }
    int[] holder = new int[leadCount];
    int[] newHeld = new int[repCount];
    for (int i = 0; i < leadCount; i++) {
      holder[i] = -1;
      if (s.chance(50)) {
        Optional<String> owner = leads.get(i).currentOwner().map(o -> o.value());
        holder[i] =
            owner.isPresent() && s.chance(65)
                ? Integer.parseInt(owner.get().substring(1))
                : s.between(0, repCount - 1);
        if (!owner.equals(Optional.of("r" + holder[i]))) {
          newHeld[holder[i]]++;
        }
      }
    }
    boolean ledgerIsBook = s.chance(50);
    int[] received = new int[repCount];
    double[] credited = new double[repCount];
    long[] lastLead = new long[repCount];
    for (int r = 0; r < repCount; r++) {
      received[r] = ledgerIsBook ? newHeld[r] : s.between(0, newHeld[r] + 2);
      // At least the book's new leads: the batch counts them on top of its ledger's credit, so the
      // problem's ledger credits each rep the rest and both see the same credit.
      credited[r] = Math.max(received[r], newHeld[r]) + s.between(0, 4) / 2.0;
      lastLead[r] = s.between(-1, 50);
    }
    List<Ledger.Entry> entries = new ArrayList<>();
    for (int r = 0; r < repCount; r++) {
      if (credited[r] > newHeld[r]) {
        entries.add(new Ledger.Entry(reps.get(r).id(), 0, credited[r] - newHeld[r]));
      }
    }
    Problem problem = Problem.of(policy, reps, leads, Ledger.of(entries));
    return new Case(
        problem,
        holder,
        s.between(1, 3),
        received,
        ledgerIsBook,
        credited,
        lastLead,
        TOLERANCES[s.between(0, TOLERANCES.length - 1)]);
  }

  /** A policy over the tiers given, top first (a prefix of A, B, C). */
  private static Policy policy(Source s, String[] tiers) {
    Policy.Builder pb = Policy.builder();
    for (Rule r : Rule.values()) {
      if (s.chance(30)) {
        pb.disable(r);
      }
    }
    List<CustomRule> pool = new ArrayList<>(CUSTOM_RULES);
    for (int k = 0, n = s.between(0, 2); k < n; k++) {
      pb.customRule(pool.remove(s.between(0, pool.size() - 1)));
    }
    pb.allowRebalancing(s.chance(50));
    pb.tiers(TierScheme.of(tiers));
    double[] tierWeights = new double[tiers.length];
    boolean anyTier = false;
    for (int t = 0; t < tiers.length; t++) {
      tierWeights[t] = TIER_WEIGHTS[s.between(0, TIER_WEIGHTS.length - 1)];
      pb.tierWeight(tiers[t], tierWeights[t]);
      anyTier |= tierWeights[t] > 0;
    }
    double[] w = new double[Objective.values().length];
    for (Objective o : Objective.values()) {
      w[o.ordinal()] = OBJECTIVE_WEIGHTS[s.between(0, OBJECTIVE_WEIGHTS.length - 1)];
    }
    boolean balances =
        w[Objective.COUNT.ordinal()] > 0
            || w[Objective.VALUE.ordinal()] > 0
            || (w[Objective.TIER.ordinal()] > 0 && anyTier);
    if (!balances) {
      w[Objective.COUNT.ordinal()] = 1; // a policy must balance count, value or tiers
    }
    for (Objective o : Objective.values()) {
      pb.weight(o, w[o.ordinal()]);
    }
    if (s.chance(50)) {
      double min = new double[] {0.01, 0.25, 0.5, 1}[s.between(0, 3)];
      double max = Math.max(min, new double[] {1, 2, 4, 100}[s.between(0, 3)]);
      pb.weightBounds(min, max);
    }
    if (s.chance(30)) {
      pb.valueBasis(ValueBasis.EXPECTED);
    }
    if (s.chance(30)) {
      TierRule.Builder rule = TierRule.byValue();
      double[] mins = {50_000, 2_000};
      for (int t = 0; t + 1 < tiers.length; t++) {
        rule.threshold(tiers[t], mins[t]);
      }
      pb.tierRule(rule.otherwise(tiers[tiers.length - 1]));
    }
    return pb.build();
  }

  private static Rep rep(Source s, String id, String[] tiers) {
    int capacity = CAPACITIES[s.between(0, CAPACITIES.length - 1)];
    int heldOutside;
    if (s.chance(4)) {
      heldOutside = Integer.MAX_VALUE - s.between(0, 1); // only "no cap" leaves room for more
    } else if (s.chance(20)) {
      heldOutside = capacity == Rep.UNLIMITED ? s.between(0, 3) : capacity + s.between(1, 3);
    } else {
      heldOutside = s.chance(50) ? 0 : s.between(0, 2);
    }
    return Rep.builder(id)
        .regions(s.chance(35) ? new String[0] : s.subset(REGIONS))
        .industries(s.chance(35) ? new String[0] : s.subset(INDUSTRIES))
        .tiers(s.chance(65) ? new String[0] : s.subset(tiers))
        .role(Role.values()[s.between(0, 2)])
        .companySizes(SIZES[s.between(0, SIZES.length - 1)])
        .capacity(capacity)
        .heldOutside(heldOutside)
        .newLeadCap(NEW_LEAD_CAPS[s.between(0, NEW_LEAD_CAPS.length - 1)])
        .available(!s.chance(20))
        .weight(REP_WEIGHTS[s.between(0, REP_WEIGHTS.length - 1)])
        .preferredIndustries(s.chance(50) ? new String[0] : s.subset(INDUSTRIES))
        .build();
  }

  private static Lead lead(Source s, String id, int repCount, String[] tiers) {
    Lead.Builder b = Lead.builder(id);
    if (!s.chance(20)) {
      b.region(LEAD_REGIONS[s.between(0, LEAD_REGIONS.length - 1)]);
    }
    if (!s.chance(20)) {
      b.industry(LEAD_INDUSTRIES[s.between(0, LEAD_INDUSTRIES.length - 1)]);
    }
    b.companySize(COMPANY_SIZES[s.between(0, COMPANY_SIZES.length - 1)]);
    // Zero, or long-tailed from 1 to about 10^6.
    b.value(s.chance(15) ? 0 : Math.round(Math.exp(s.between(0, 1400) / 100.0)));
    b.kind(s.chance(55) ? LeadKind.NEW_BUSINESS : LeadKind.EXISTING_CUSTOMER);
    if (s.chance(50)) {
      b.tier(tiers[s.between(0, tiers.length - 1)]);
    }
    if (s.chance(30)) {
      b.winProbability(s.between(0, 10) / 10.0);
    }
    if (s.chance(30)) {
      b.attribute("lang", new String[] {"en", "fr", "de"}[s.between(0, 2)]);
    }
    if (s.chance(40)) {
      b.currentOwner("r" + s.between(0, repCount - 1));
      b.locked(s.chance(25));
    }
    return b.build();
  }

  /**
   * A lead of the same class as another (region, industry, size, tier, kind and attributes: the
   * same reps may take it) with an owner and a lock of its own, so that the router's caches of
   * eligibility and reasons serve leads of one class with and without owners.
   */
  private static Lead sibling(Source s, Lead of, String id, int repCount, String[] tiers) {
    Lead fresh = lead(s, id, repCount, tiers);
    return new Lead(
        fresh.id(),
        of.region(),
        of.industry(),
        of.companySize(),
        of.tier().isPresent() ? fresh.value() : of.value(),
        of.winProbability(),
        of.tier(),
        of.kind(),
        fresh.currentOwner(),
        fresh.locked(),
        of.attributes());
  }

  /** Draws from QuickTheories' randomness. */
  private record Source(RandomnessSource in) {
    int between(int lo, int hi) {
      return (int) in.next(Constraint.between(lo, hi));
    }

    boolean chance(int percent) {
      return between(0, 99) < percent;
    }

    String[] subset(String[] values) {
      return Arrays.stream(values).filter(v -> chance(50)).toArray(String[]::new);
    }
  }
}
