package io.fairlead.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything a {@link LeadRouter}'s next decisions depend on, as values: its settings, its roster
 * with each rep's ledger, and its book. {@link LeadRouter#state()} takes one, {@link
 * LeadRouter#restore} builds a router from one that decides exactly as the original would have, and
 * {@code FairleadJson.writeRouter} / {@code readRouter} store one as JSON. The policy is not part
 * of it: give it to {@code restore}.
 *
 * <p>The per-rep aggregates (leads held, value units, leads per tier) are not stored: they follow
 * from the book.
 *
 * @param period the ledger period, from 1
 * @param sequence the number of leads received so far (the ledger's clock), in {@code [0, 2^53]}
 * @param meanValue the money worth of 1000 value units; empty until the router has seen a positive
 *     value
 * @param ledgerTolerance the ledger tolerance, {@code >= 0} or {@code +Infinity}
 * @param reps the roster in order, each rep with its ledger
 * @param book the leads in the book, in the order they entered it
 * @since 0.1.0
 */
public record RouterState(
    int period,
    long sequence,
    OptionalDouble meanValue,
    double ledgerTolerance,
    List<RepLedger> reps,
    List<BookEntry> book) {

  public RouterState {
    checkArgument(period >= 1, "period must be >= 1, was %s", period);
    checkArgument(
        sequence >= 0 && sequence <= RouterCore.MAX_SEQUENCE,
        "sequence must be in [0, 2^53], was %s",
        sequence);
    requireNonNull(meanValue, "meanValue");
    meanValue.ifPresent(
        m ->
            checkArgument(
                m > 0 && m <= Lead.MAX_VALUE, "meanValue must be in (0, 1e15], was %s", m));
    checkArgument(
        !Double.isNaN(ledgerTolerance) && ledgerTolerance >= 0,
        "ledgerTolerance must be >= 0 (or Infinity), was %s",
        ledgerTolerance);
    reps = List.copyOf(reps);
    book = List.copyOf(book);
    checkArgument(!reps.isEmpty(), "reps: the roster is empty, at least one rep is needed");
  }

  /**
   * One rep and its ledger in the current period.
   *
   * @param rep the rep
   * @param received leads new to it that it received this period, {@code >= 0}
   * @param receivedValueUnits their value units, {@code >= 0} and at most 10^9 per lead received
   *     (no lead is worth more than a million times the mean, 1000 units)
   * @param credited what the ledger counts for it ({@code received} plus catch-up), finite, {@code
   *     >= 0}
   * @param lastLead the sequence number of the last lead it received, {@code -1} if none
   * @since 0.1.0
   */
  public record RepLedger(
      Rep rep, int received, long receivedValueUnits, double credited, long lastLead) {
    public RepLedger {
      requireNonNull(rep, "rep");
      checkArgument(received >= 0, "rep %s: received must be >= 0, was %s", rep.id(), received);
      checkArgument(
          receivedValueUnits >= 0,
          "rep %s: receivedValueUnits must be >= 0, was %s",
          rep.id(),
          receivedValueUnits);
      checkArgument(
          receivedValueUnits <= received * RouterCore.MAX_LEAD_UNITS,
          "rep %s: receivedValueUnits must be at most %s per lead received (%s), was %s",
          rep.id(),
          RouterCore.MAX_LEAD_UNITS,
          received,
          receivedValueUnits);
      checkArgument(
          credited >= 0 && credited < Double.POSITIVE_INFINITY,
          "rep %s: credited must be finite and >= 0, was %s",
          rep.id(),
          credited);
      checkArgument(lastLead >= -1, "rep %s: lastLead must be >= -1, was %s", rep.id(), lastLead);
    }
  }

  /**
   * A lead in the book.
   *
   * @param lead the lead as it arrived
   * @param rep who holds it
   * @param status how it got there: {@code ASSIGNED}, {@code KEPT}, {@code LOCKED} or {@code MOVED}
   * @since 0.1.0
   */
  public record BookEntry(Lead lead, RepId rep, Status status) {
    public BookEntry {
      requireNonNull(lead, "lead");
      requireNonNull(rep, "rep");
      requireNonNull(status, "status");
      checkArgument(
          status != Status.UNASSIGNED,
          "lead %s: a lead in the book cannot be UNASSIGNED",
          lead.id());
    }
  }
}
