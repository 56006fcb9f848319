package io.fairlead.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The period ledger: what each rep received earlier in the current period (a day, a week, a month:
 * the host decides when a period starts). A batch {@code Problem} carries one, so that a nightly
 * run knows what the previous nights gave: the leads received count against each rep's new-lead
 * cap, and the credits are where the receipts objective ({@code Objective.RECEIPTS}) starts. After
 * a run, {@code Allocation.ledger()} is the next night's ledger; the router keeps the same figures
 * in its own ledger.
 *
 * <pre>{@code
 * Ledger ledger = Ledger.of(List.of(
 *     Ledger.Entry.of("ana", 12, 12),        // 12 leads received, credited 12
 *     Ledger.Entry.of("cat", 2, 9.5)));      // back from leave, calibrated up to 9.5
 * Problem tonight = Problem.of(policy, reps, leads, ledger);
 * }</pre>
 *
 * <p>A rep without an entry received nothing this period ({@link Entry#received()} and {@link
 * Entry#credited()} 0): {@link #empty()} starts a period. Entries are kept sorted by rep id, one
 * per rep. Immutable and thread-safe.
 *
 * @param entries one per rep at most, sorted by rep id
 * @since 0.1.0
 */
public record Ledger(List<Entry> entries) {

  /** The largest credit an entry may hold: {@code 2^53}, where doubles still count every lead. */
  public static final double MAX_CREDITED = 0x1p53;

  private static final Ledger EMPTY = new Ledger(List.of());

  public Ledger {
    requireNonNull(entries, "ledger entries");
    List<Entry> sorted = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      checkArgument(e != null, "ledger: entries must not hold null");
      sorted.add(e);
    }
    sorted.sort(Comparator.comparing(Entry::rep));
    for (int i = 1; i < sorted.size(); i++) {
      checkArgument(
          !sorted.get(i).rep().equals(sorted.get(i - 1).rep()),
          "ledger: rep %s: two entries",
          sorted.get(i).rep());
    }
    entries = List.copyOf(sorted);
  }

  /** A ledger with no entries: the start of a period. */
  public static Ledger empty() {
    return EMPTY;
  }

  /** A ledger of the given entries, in any order. */
  public static Ledger of(Collection<Entry> entries) {
    return new Ledger(List.copyOf(entries));
  }

  /** The rep's entry, or an entry of zeros if it has none. */
  public Entry entry(RepId rep) {
    requireNonNull(rep, "rep");
    int lo = 0;
    int hi = entries.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = entries.get(mid).rep().compareTo(rep);
      if (c == 0) {
        return entries.get(mid);
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return new Entry(rep, 0, 0);
  }

  /** Whether no rep has received or been credited anything. */
  public boolean isEmpty() {
    return entries.stream().allMatch(e -> e.received() == 0 && e.credited() == 0);
  }

  /**
   * One rep's figures in the period.
   *
   * @param rep the rep
   * @param received the leads new to it that it received earlier in the period, {@code >= 0}: they
   *     count against its new-lead cap
   * @param credited what the ledger counts for it: {@code received} plus any catch-up adjustment
   *     (possibly fractional), finite, in {@code [0, 2^53]}; the receipts objective balances {@code
   *     credited} plus the leads it receives now, per unit of weight
   * @since 0.1.0
   */
  public record Entry(RepId rep, int received, double credited) {
    public Entry {
      requireNonNull(rep, "ledger entry rep");
      checkArgument(received >= 0, "ledger: rep %s: received must be >= 0, was %s", rep, received);
      checkArgument(
          credited >= 0 && credited <= MAX_CREDITED,
          "ledger: rep %s: credited must be finite and in [0, 2^53], was %s",
          rep,
          credited);
    }

    /** The entry of the rep with the given id. */
    public static Entry of(String rep, int received, double credited) {
      return new Entry(RepId.of(rep), received, credited);
    }
  }
}
