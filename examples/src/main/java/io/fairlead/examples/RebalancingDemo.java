package io.fairlead.examples;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Baselines;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import io.fairlead.core.rebalance.Move;
import io.fairlead.core.rebalance.Rebalance;
import io.fairlead.core.rebalance.Rebalancer;
import io.fairlead.core.rebalance.TradeOffCurve;
import io.fairlead.core.rebalance.TradeOffPoint;
import io.fairlead.solver.LeadAllocator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Rebalancing an uneven book with a move budget: the trade-off curve between moves and fairness on
 * the Maven CRM sample (every open deal owned by its recorded agent) and on a synthetic book
 * ({@link SyntheticProblems#book}, 100k customers and 2k reps by default), next to two baselines
 * measured in the same run: no rebalancing (the book as it is) and the optimiser with rebalancing
 * allowed and no move limit ({@link LeadAllocator}, which pays the policy's continuity cost per
 * move instead).
 *
 * <pre>
 * mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=io.fairlead.examples.RebalancingDemo
 * mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=io.fairlead.examples.RebalancingDemo \
 *     -Dexec.args="--no-timings --synthetic none"    # the sample only, as docs/rebalancing.md shows it
 * </pre>
 *
 * <p>What the host holds back, as a CRM would: deals engaged in the sample's last {@value
 * #RECENT_DAYS} days (recent activity) and top-tier customers (the default). The curve has no
 * per-rep limit; one more line shows the unlimited run with at most {@value #PER_REP} customers
 * taken from, and given to, any rep. Everything but the times is the same on every machine: the
 * rebalancer is deterministic, and the optimiser runs with a fixed seed to its move budget (on the
 * sample; at 100k × 2k its {@link #SOLVER_CAP} may cut it).
 */
public final class RebalancingDemo {

  /** Days of activity that hold a deal back. */
  static final int RECENT_DAYS = 30;

  /** The per-rep budget of the extra line. */
  static final int PER_REP = 20;

  /** The optimiser baseline's time cap. */
  static final Duration SOLVER_CAP = Duration.ofSeconds(60);

  /** The seed of the optimiser and of the synthetic book. */
  static final long SEED = 42;

  private RebalancingDemo() {}

  /**
   * Arguments: {@value Timings#FLAG} to leave out the times; {@code --synthetic LEADSxREPS} for
   * another synthetic size (default 100000x2000), {@code --synthetic none} for the sample only.
   */
  public static void main(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    Timings timings = Timings.take(rest);
    int leads = 100_000;
    int reps = 2_000;
    int at = rest.indexOf("--synthetic");
    if (at >= 0 && at + 1 < rest.size()) {
      String size = rest.get(at + 1);
      if (size.equals("none")) {
        leads = 0;
      } else {
        String[] parts = size.split("x", -1);
        if (parts.length != 2) {
          throw new IllegalArgumentException("--synthetic: expected LEADSxREPS, was " + size);
        }
        leads = Integer.parseInt(parts[0]);
        reps = Integer.parseInt(parts[1]);
      }
      rest.subList(at, at + 2).clear();
    }
    if (!rest.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: RebalancingDemo ["
              + Timings.FLAG
              + "] [--synthetic LEADSxREPS|none], was "
              + List.of(args));
    }
    run(timings, leads, reps, System.out);
  }

  /**
   * Prints the curve of the sample and, unless {@code leads} is 0, of a synthetic book.
   *
   * @return the curves, sample first
   */
  public static List<TradeOffCurve> run(Timings timings, int leads, int reps, PrintStream out) {
    List<TradeOffCurve> curves = new ArrayList<>();
    // --- docs/rebalancing.md: the Maven sample's rebalancer
    MavenCrmData crm = MavenCrmData.load();
    Problem book = crm.book(); // every open deal owned by its recorded agent
    Instant recent = lastActivity(book).minus(Duration.ofDays(RECENT_DAYS));
    Predicate<Lead> activeLately =
        lead -> MavenCrmData.lastTouched(lead).map(t -> t.isAfter(recent)).orElse(false);
    Rebalancer rebalancer =
        Rebalancer.builder()
            .mustNotMove(activeLately) // recent activity stays with its agent
            .lastTouched(MavenCrmData::lastTouched) // ties over a capacity: longest untouched first
            .build();
    // --- end
    Rebalancer perRep =
        Rebalancer.builder()
            .maxMovesPerRep(PER_REP)
            .mustNotMove(activeLately)
            .lastTouched(MavenCrmData::lastTouched)
            .build();
    out.println(
        "== Maven CRM sample: "
            + book.leads().size()
            + " open deals, each owned by its recorded agent; "
            + book.reps().size()
            + " agents");
    out.println(
        "   held back: deals engaged after "
            + LocalDate.ofInstant(recent, ZoneOffset.UTC)
            + " (the data's last "
            + RECENT_DAYS
            + " days of activity), and top-tier deals");
    curves.add(
        report(
            out,
            timings,
            book,
            rebalancer,
            perRep,
            MavenCrmData.policyBuilder().allowRebalancing(true).build(),
            true));

    if (leads > 0) {
      out.println();
      long t0 = System.nanoTime();
      Problem synthetic = SyntheticProblems.book(leads, reps, SEED);
      Duration generated = Duration.ofNanos(System.nanoTime() - t0);
      out.println(
          "== Synthetic book: "
              + String.format(Locale.ROOT, "%,d customers, %,d reps", leads, reps)
              + " (SyntheticProblems.book, seed "
              + SEED
              + ")"
              + (timings == Timings.SHOW ? ", generated in " + ms(generated) : ""));
      out.println("   held back: locked and top-tier customers");
      Rebalancer plain = Rebalancer.create();
      curves.add(
          report(
              out,
              timings,
              synthetic,
              plain,
              Rebalancer.builder().maxMovesPerRep(PER_REP).build(),
              Policy.builder().allowRebalancing(true).build(),
              false));
    }
    return curves;
  }

  /** The curve of one book, the baselines, and (on the sample) the first moves explained. */
  private static TradeOffCurve report(
      PrintStream out,
      Timings timings,
      Problem book,
      Rebalancer rebalancer,
      Rebalancer perRepRebalancer,
      Policy solverPolicy,
      boolean showMoves) {
    long t0 = System.nanoTime();
    TradeOffCurve curve = rebalancer.curve(book); // 0, 1 %, 2 %, 5 %, 10 %, unlimited
    Duration curveTime = Duration.ofNanos(System.nanoTime() - t0);
    StringBuilder held = new StringBuilder();
    curve
        .heldBack()
        .forEach(
            (why, n) ->
                held.append(held.length() == 0 ? "" : ", ")
                    .append(grouped(n))
                    .append(' ')
                    .append(why));
    out.println("   " + grouped(curve.movable()) + " customers may move; held back: " + held);
    out.println();
    TextTable table =
        new TextTable(
            "budget", "moves", "hard", "count gap", "value max gap", "top-tier gap", "soft score");
    for (TradeOffPoint p : curve.points()) {
      table.row(
          p.budget() + (p.maxMoves() == Rebalancer.UNLIMITED ? "" : " (" + p.maxMoves() + ")"),
          grouped(p.moves()),
          Long.toString(p.score().hard()),
          percent(p.gaps().countGap()),
          percent(p.gaps().valueMaxGap()),
          percent(p.gaps().topTierGap()),
          grouped(p.score().soft()));
    }
    table.print(out);
    out.println();
    out.println(
        "   fewest moves that reach the exact count optimum (min-cost flow, a proven bound): "
            + text(curve.fewestMovesToCountOptimum(), "out of reach"));
    out.println(
        "   the rebalancer's count term reached it after: "
            + text(
                curve.movesToCountOptimum(),
                "never (the policy trades lead counts for value and tiers)"));
    TradeOffPoint counts = curve.countsOnly();
    out.println(
        "   balancing counts alone, the rebalancer "
            + curve.countsOnlyMovesToCountOptimum().stream()
                .mapToObj(m -> "reached it after " + grouped(m) + " moves")
                .findFirst()
                .orElse(
                    "stopped "
                        + percent(counts.gaps().countGap())
                        + " above it after "
                        + grouped(counts.moves())
                        + " moves"));

    // The unlimited run on its own, and with a per-rep budget.
    t0 = System.nanoTime();
    Rebalance unlimited = rebalancer.rebalance(book); // every move that helps, in order
    Duration unlimitedTime = Duration.ofNanos(System.nanoTime() - t0);
    t0 = System.nanoTime();
    Rebalance perRep = perRepRebalancer.rebalance(book);
    Duration perRepTime = Duration.ofNanos(System.nanoTime() - t0);

    // Baselines, measured in the rebalancing view: the book as it is, and the optimiser.
    Problem view = unlimited.after().problem();
    Problem solverProblem = Problem.of(solverPolicy, view.reps(), view.leads());
    t0 = System.nanoTime();
    Allocation solved =
        LeadAllocator.builder()
            .policy(solverPolicy)
            .timeLimit(SOLVER_CAP)
            .seed(SEED)
            .build()
            .allocate(solverProblem);
    Duration solverTime = Duration.ofNanos(System.nanoTime() - t0);
    Allocation solverInView = Baselines.measure(view, solved.assignment(), "optimiser");
    BoundGaps solverGaps = curve.bounds().gaps(solved.assignment());

    List<String> header =
        new ArrayList<>(
            List.of(
                "method",
                "moves",
                "hard",
                "count gap",
                "value max gap",
                "top-tier gap",
                "soft score"));
    if (timings == Timings.SHOW) {
      header.add("time ms");
    }
    out.println();
    TextTable base = new TextTable(header.toArray(String[]::new));
    row(base, timings, "no rebalancing", 0, curve.before(), curve.points().get(0).gaps(), null);
    row(
        base,
        timings,
        "rebalancer, no limit",
        unlimited.moves().size(),
        unlimited.after(),
        unlimited.gapsAfter(),
        unlimitedTime);
    row(
        base,
        timings,
        "rebalancer, " + PER_REP + " per rep",
        perRep.moves().size(),
        perRep.after(),
        perRep.gapsAfter(),
        perRepTime);
    row(
        base,
        timings,
        "optimiser, rebalancing on",
        moves(view, solved.assignment()),
        solverInView,
        solverGaps,
        solverTime);
    base.print(out);
    if (timings == Timings.SHOW) {
      out.println(
          "   the whole curve (six budgets, the bounds, the move flow and a counts-only run): "
              + ms(curveTime)
              + "; the optimiser's time cap: "
              + SOLVER_CAP.toSeconds()
              + " s");
    }
    if (showMoves) {
      out.println();
      out.println("   the first move of each kind, as the rebalancer words it:");
      for (Move.Kind kind : Move.Kind.values()) {
        unlimited.moves().stream()
            .filter(m -> m.kind() == kind)
            .findFirst()
            .ifPresent(
                m -> {
                  out.println(
                      "   - step "
                          + m.step()
                          + ", "
                          + m.lead()
                          + " from "
                          + m.from()
                          + " to "
                          + m.to()
                          + " ("
                          + kind
                          + "): "
                          + m.reason());
                });
      }
      Move first =
          unlimited.moves().stream()
              .filter(m -> m.kind() == Move.Kind.BALANCE)
              .findFirst()
              .orElseThrow();
      out.println("   and its lead in the book after the moves (Allocation.explain):");
      out.println("     " + unlimited.after().explain(first.lead()).summary());
    }
    return curve;
  }

  /** The latest activity in the sample: the last deal engaged. */
  static Instant lastActivity(Problem book) {
    return book.leads().stream()
        .map(MavenCrmData::lastTouched)
        .flatMap(Optional::stream)
        .max(Instant::compareTo)
        .orElseThrow();
  }

  private static void row(
      TextTable t,
      Timings timings,
      String method,
      long moves,
      Allocation a,
      BoundGaps g,
      Duration time) {
    List<String> cells =
        new ArrayList<>(
            List.of(
                method,
                grouped(moves),
                Long.toString(a.score().hard()),
                percent(g.countGap()),
                percent(g.valueMaxGap()),
                percent(g.topTierGap()),
                grouped(a.score().soft())));
    if (timings == Timings.SHOW) {
      cells.add(time == null ? "" : grouped(time.toMillis()));
    }
    t.row(cells.toArray());
  }

  /** Customers whose rep differs from their owner in the view. */
  private static long moves(Problem view, Map<LeadId, RepId> assignment) {
    return view.leads().stream()
        .filter(l -> !l.currentOwner().equals(Optional.ofNullable(assignment.get(l.id()))))
        .count();
  }

  private static String text(OptionalInt moves, String otherwise) {
    return moves.isPresent() ? grouped(moves.getAsInt()) + " moves" : otherwise;
  }

  private static String percent(double gap) {
    return Double.isInfinite(gap) ? "inf" : String.format(Locale.ROOT, "%.1f %%", 100 * gap);
  }

  private static String grouped(long x) {
    return String.format(Locale.ROOT, "%,d", x);
  }

  private static String ms(Duration d) {
    return grouped(d.toMillis()) + " ms";
  }
}
