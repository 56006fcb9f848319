package io.fairlead.core.policy;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one answer to "may rep R take lead L now, and which rule says no?". Every part of fairlead
 * asks it: the batch allocators and their proven bounds, the baselines, the online router, the
 * fairness metrics' list of broken rules, the explanations and the reasons a lead is left
 * unassigned. So they all agree, and they name the same rules in the same words.
 *
 * <pre>{@code
 * Rulebook rules = policy.rulebook();
 * Verdict v = rules.check(ana, lead, new RepLoad(57, 4)); // ana holds 57 leads, got 4 new ones
 * if (!v.allowed()) System.out.println(v.first().get().reason()); // "ana covers [East], not West"
 * Map<RepId, Verdict> who = rules.checkAll(roster, lead);     // which reps may take it at all
 * }</pre>
 *
 * <p>The rules, in the order they are checked and reported: a lock ({@code locked}: a locked lead
 * may only be held by its owner), then the pairwise rules of {@link Rule} that the policy enforces
 * ({@code availability}, {@code region}, {@code industry}, {@code company-size}, {@code tier},
 * {@code role}, each {@link CustomRule} as {@code custom:<name>}), then the caps ({@code capacity}:
 * customers held, outside the book included, at most the capacity; {@code new-lead-cap}: new leads
 * received in the period at most the cap). Availability and the new-lead cap apply only to leads
 * new to the rep: a rep on leave keeps what it owns.
 *
 * <p>Absent fields: a lead with no region may go only to reps that cover every region, and one with
 * no industry only to reps that take any industry.
 *
 * <p>Immutable and thread-safe (custom rules must be too).
 *
 * @since 0.1.0
 */
public final class Rulebook {

  private final Policy policy;
  private final boolean availability;
  private final boolean region;
  private final boolean industry;
  private final boolean size;
  private final boolean tier;
  private final boolean role;
  private final List<CustomRule> custom;
  private final boolean capacity;
  private final boolean newLeadCap;

  Rulebook(Policy policy) {
    this.policy = requireNonNull(policy, "policy");
    availability = policy.enforces(Rule.AVAILABILITY);
    region = policy.enforces(Rule.REGION);
    industry = policy.enforces(Rule.INDUSTRY);
    size = policy.enforces(Rule.COMPANY_SIZE);
    tier = policy.enforces(Rule.TIER);
    role = policy.enforces(Rule.ROLE);
    custom = policy.enforces(Rule.CUSTOM) ? policy.customRules() : List.of();
    capacity = policy.enforces(Rule.CAPACITY);
    newLeadCap = policy.enforces(Rule.NEW_LEAD_CAP);
  }

  /** The policy whose rules these are. */
  public Policy policy() {
    return policy;
  }

  /**
   * Every rule that stops the rep from taking the lead now, in order; an empty verdict if it may.
   *
   * @param load what the rep carries now, without this lead
   */
  public Verdict check(Rep rep, Lead lead, RepLoad load) {
    requireNonNull(rep, "rep");
    requireNonNull(lead, "lead");
    requireNonNull(load, "load");
    boolean asNew = isNew(rep, lead);
    List<Exclusion> out = new ArrayList<>(2);
    if (lead.locked() && asNew) {
      out.add(
          new Exclusion(
              Exclusion.LOCKED,
              "lead " + lead.id() + " is locked to " + lead.currentOwner().orElseThrow()));
    }
    pairwise(rep, lead, policy.tierOf(lead), asNew, out);
    String full = fullBy(rep, load.held(), load.received(), asNew);
    if (full != null) {
      out.add(new Exclusion(full, capReason(full, rep, load.held(), load.received())));
    }
    return out.isEmpty() ? Verdict.ALLOWED : new Verdict(out);
  }

  /** Returns whether every rule lets the rep take the lead now ({@link #check} is empty). */
  public boolean allows(Rep rep, Lead lead, RepLoad load) {
    requireNonNull(load, "load");
    boolean asNew = isNew(rep, lead);
    return !(lead.locked() && asNew)
        && firstExclusion(rep, lead, policy.tierOf(lead), asNew) == null
        && fullBy(rep, load.held(), load.received(), asNew) == null;
  }

  /**
   * Checks every rep of a roster for a lead, as if none held anything yet: which reps may take it
   * at all, and why the others may not. Roster order.
   */
  public Map<RepId, Verdict> checkAll(Collection<Rep> roster, Lead lead) {
    Map<RepId, Verdict> out = new LinkedHashMap<>();
    for (Rep r : roster) {
      out.put(r.id(), check(r, lead, RepLoad.NONE));
    }
    return out;
  }

  /**
   * The id of the first pairwise rule that stops the rep from taking the lead ({@code availability}
   * to {@code custom:<name>}, in order), or {@code null} if none does. For callers that decide many
   * pairs and know the lead's tier already; neither locks nor caps are looked at.
   *
   * @param tier the lead's tier under the policy ({@link Policy#tierOf(Lead)})
   * @param asNew whether the lead would be new to the rep (it is not its current owner); only then
   *     does availability apply
   */
  public String firstExclusion(Rep rep, Lead lead, Tier tier, boolean asNew) {
    if (availability && asNew && !rep.available()) {
      return Rule.AVAILABILITY.id();
    }
    if (!inTerritory(rep, lead)) {
      return Rule.REGION.id();
    }
    if (industry && !covers(rep.industries(), lead.industry())) {
      return Rule.INDUSTRY.id();
    }
    if (size && !rep.companySizes().contains(lead.companySize())) {
      return Rule.COMPANY_SIZE.id();
    }
    if (this.tier && !rep.allowedTiers().isEmpty() && !rep.allowedTiers().contains(tier)) {
      return Rule.TIER.id();
    }
    if (role && !rep.role().works(lead.kind())) {
      return Rule.ROLE.id();
    }
    for (CustomRule c : custom) {
      if (!c.allows(rep, lead)) {
        return customId(c);
      }
    }
    return null;
  }

  private void pairwise(Rep rep, Lead lead, Tier t, boolean asNew, List<Exclusion> out) {
    String r = rep.id().value();
    if (availability && asNew && !rep.available()) {
      out.add(new Exclusion(Rule.AVAILABILITY.id(), r + " is on leave"));
    }
    if (!inTerritory(rep, lead)) {
      out.add(
          new Exclusion(
              Rule.REGION.id(),
              lead.region().isPresent()
                  ? r + " covers " + sorted(rep.regions()) + ", not " + lead.region().get()
                  : "the lead has no region and " + r + " covers only " + sorted(rep.regions())));
    }
    if (industry && !covers(rep.industries(), lead.industry())) {
      out.add(
          new Exclusion(
              Rule.INDUSTRY.id(),
              lead.industry().isPresent()
                  ? r + " takes " + sorted(rep.industries()) + ", not " + lead.industry().get()
                  : "the lead has no industry and "
                      + r
                      + " takes only "
                      + sorted(rep.industries())));
    }
    if (size && !rep.companySizes().contains(lead.companySize())) {
      out.add(
          new Exclusion(
              Rule.COMPANY_SIZE.id(),
              r
                  + " works companies of "
                  + rep.companySizes()
                  + " employees, not "
                  + lead.companySize()));
    }
    if (tier && !rep.allowedTiers().isEmpty() && !rep.allowedTiers().contains(t)) {
      out.add(
          new Exclusion(
              Rule.TIER.id(),
              r
                  + " may take tiers "
                  + sorted(rep.allowedTiers().stream().map(Tier::name).toList())
                  + ", not "
                  + t));
    }
    if (role && !rep.role().works(lead.kind())) {
      out.add(
          new Exclusion(
              Rule.ROLE.id(),
              r
                  + " is a "
                  + rep.role().name().toLowerCase(java.util.Locale.ROOT)
                  + " and the lead is "
                  + describe(lead)));
    }
    for (CustomRule c : custom) {
      if (!c.allows(rep, lead)) {
        out.add(new Exclusion(customId(c), c.reason(rep, lead)));
      }
    }
  }

  /**
   * Whether the region rule lets the rep take the lead (always, if the policy does not enforce it).
   */
  public boolean inTerritory(Rep rep, Lead lead) {
    return !region || covers(rep.regions(), lead.region());
  }

  private static boolean covers(java.util.Set<String> scope, Optional<String> value) {
    return scope.isEmpty() || (value.isPresent() && scope.contains(value.get()));
  }

  /**
   * Whether the rep takes new leads at all: it is available, or the policy does not enforce
   * availability. The reps that do are the <em>active</em> reps of the period ledger: those a
   * returning rep is calibrated against ({@link CatchUp#calibrate}) and whose entitlement the
   * receipts metrics measure.
   */
  public boolean takesNew(Rep rep) {
    return !availability || rep.available();
  }

  /**
   * The most customers the rep may hold under this policy: its capacity, or {@link Rep#UNLIMITED}
   * (no cap: no count of customers ever reaches it).
   */
  public int holdingCap(Rep rep) {
    return capacity ? rep.capacity() : Rep.UNLIMITED;
  }

  /**
   * The most new leads the rep may receive in a period under this policy: its cap times its share
   * of full time (rounded down), or {@link Rep#UNLIMITED} (no cap).
   */
  public int periodCap(Rep rep) {
    if (!newLeadCap || rep.newLeadCap() == Rep.UNLIMITED) {
      return Rep.UNLIMITED;
    }
    return (int) Math.floor(rep.newLeadCap() * rep.share());
  }

  /**
   * The cap that stops the rep from taking one more lead, {@code "capacity"} (checked first) or
   * {@code "new-lead-cap"}, or {@code null} if it has room.
   *
   * @param held leads of the book it holds now
   * @param received new leads it received in the period
   * @param asNew whether the lead would be new to it (only new leads count against the period cap)
   */
  public String fullBy(Rep rep, int held, int received, boolean asNew) {
    if (exceeds((long) rep.heldOutside() + held + 1, holdingCap(rep))) {
      return Rule.CAPACITY.id();
    }
    if (asNew && exceeds((long) received + 1, periodCap(rep))) {
      return Rule.NEW_LEAD_CAP.id();
    }
    return null;
  }

  /** Returns whether the rep has room for one more lead ({@link #fullBy} is null). */
  public boolean hasRoom(Rep rep, int held, int received, boolean asNew) {
    return fullBy(rep, held, received, asNew) == null;
  }

  /**
   * The caps a load breaks as it stands (not counting one more lead): more customers than the
   * capacity, more new leads than the period cap. What the score's hard level and the metrics'
   * violations count.
   */
  public List<Exclusion> breaches(Rep rep, RepLoad load) {
    List<Exclusion> out = new ArrayList<>(0);
    long held = (long) rep.heldOutside() + load.held();
    if (exceeds(held, holdingCap(rep))) {
      out.add(
          new Exclusion(
              Rule.CAPACITY.id(),
              rep.id()
                  + " holds "
                  + held
                  + " customers ("
                  + load.held()
                  + " in the book + "
                  + rep.heldOutside()
                  + " held outside), over its capacity of "
                  + rep.capacity()));
    }
    if (exceeds(load.received(), periodCap(rep))) {
      out.add(
          new Exclusion(
              Rule.NEW_LEAD_CAP.id(),
              rep.id()
                  + " received "
                  + load.received()
                  + " new leads, over its new-lead cap of "
                  + periodCapText(rep)));
    }
    return out;
  }

  /** Whether a count is over a cap; {@link Rep#UNLIMITED} is no cap, not a number to pass. */
  private static boolean exceeds(long count, int cap) {
    return cap != Rep.UNLIMITED && count > cap;
  }

  private String capReason(String cap, Rep rep, int held, int received) {
    if (cap.equals(Rule.CAPACITY.id())) {
      long all = (long) rep.heldOutside() + held;
      return rep.id() + " holds " + all + " customers, its capacity is " + rep.capacity();
    }
    return rep.id()
        + " received "
        + received
        + " new leads this period, its cap is "
        + periodCapText(rep);
  }

  /** The period cap, and how a part-time share made it: {@code "2 (5 at share 0.5)"}. */
  private String periodCapText(Rep rep) {
    int cap = periodCap(rep);
    return rep.share() == 1 || cap == Rep.UNLIMITED
        ? Integer.toString(cap)
        : cap + " (" + rep.newLeadCap() + " at share " + rep.share() + ")";
  }

  /** The ids of the pairwise rules this policy enforces, in check order ({@code custom} once). */
  public List<String> pairwiseRules() {
    List<String> out = new ArrayList<>();
    for (Rule r : Rule.values()) {
      if (r.isPairwise()
          && policy.enforces(r)
          && (r != Rule.CUSTOM || !policy.customRules().isEmpty())) {
        out.add(r.id());
      }
    }
    return out;
  }

  /**
   * Soft mismatches of a pair, each costing the {@link Objective#PREFERENCE} weight: a lead outside
   * the rep's preferred industries (an unknown industry counts as outside), and, when the role rule
   * is off, a lead of a kind the rep's role does not work.
   */
  public int preferenceMismatches(Rep rep, Lead lead) {
    int m = 0;
    if (!rep.preferredIndustries().isEmpty()
        && !(lead.industry().isPresent()
            && rep.preferredIndustries().contains(lead.industry().get()))) {
      m++;
    }
    if (!role && !rep.role().works(lead.kind())) {
      m++;
    }
    return m;
  }

  /**
   * Whether the lead stays with its current owner before any optimisation: locked to it, or the
   * policy keeps owners and the owner passes every pairwise rule. (Kept leads still count against
   * the owner's capacity; the allocators keep at most as many as fit.)
   */
  public boolean keepsWithOwner(Rep owner, Lead lead, Tier tier) {
    return lead.locked()
        || (!policy.allowRebalancing() && firstExclusion(owner, lead, tier, false) == null);
  }

  /** Whether the lead would be new to the rep: the rep is not its current owner. */
  public static boolean isNew(Rep rep, Lead lead) {
    return lead.currentOwner().isEmpty() || !lead.currentOwner().get().equals(rep.id());
  }

  private static String customId(CustomRule c) {
    return Rule.CUSTOM.id() + ":" + c.name();
  }

  private static String describe(Lead lead) {
    return lead.kind() == io.fairlead.core.model.LeadKind.NEW_BUSINESS
        ? "new business"
        : "an existing customer";
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  @Override
  public String toString() {
    return "Rulebook" + pairwiseRules();
  }
}
