package io.fairlead.core.routing;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CatchUp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rep's aggregates in a {@link LeadRouter} at one moment: what it holds in the book (the
 * numbers the score is computed from) and what it received in the current period (the ledger).
 *
 * <p>Immutable.
 *
 * @param rep the rep
 * @param available whether it takes new leads (not on leave)
 * @param weight its effective weight: bounded by the policy, times its share
 * @param leads the leads of the book it holds
 * @param valueUnits their total value in units where a lead of the router's mean value is 1000
 * @param tierLeads its leads per tier, in the policy's tier order
 * @param held everything it holds: {@code leads} plus customers held outside the book
 * @param capacity its capacity ({@code Rep.UNLIMITED} for none)
 * @param received the leads it received in the current period (new to it: assigned or moved to it)
 * @param receivedValueUnits their total value units
 * @param credited what the ledger counts for it: {@code received} plus the catch-up adjustment it
 *     got when it joined, came back from leave or got a larger effective weight (see the policy's
 *     {@link CatchUp}); may be fractional
 * @param lastLead the router's sequence number of the last lead it received (any period), {@code
 *     -1} if none: the "longest since its last lead" tie-break
 * @since 0.1.0
 */
public record RepSnapshot(
    RepId rep,
    boolean available,
    double weight,
    int leads,
    long valueUnits,
    Map<Tier, Integer> tierLeads,
    int held,
    int capacity,
    int received,
    long receivedValueUnits,
    double credited,
    long lastLead) {

  public RepSnapshot {
    requireNonNull(rep, "rep");
    tierLeads = Collections.unmodifiableMap(new LinkedHashMap<>(tierLeads));
  }

  /**
   * The rep's ledger per unit of weight, {@code credited / weight}; lower = more due. (The due band
   * orders reps by {@code (credited + ½) / weight}, which is the same order at equal weights.)
   */
  public double standing() {
    return credited / weight;
  }
}
