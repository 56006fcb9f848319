package io.fairlead.examples;

import io.fairlead.core.allocation.ProgressListener;
import io.fairlead.core.allocation.SolveProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A progress line for long solves, on standard error so that a program's standard output stays what
 * it was:
 *
 * <pre>
 * search 43 % · 860,000 of 2,000,000 moves · count gap 0.12 % · about 14 s left
 * done · 2,000,000 moves in 31.2 s · count gap 0.08 %
 * </pre>
 *
 * <p>On a terminal the line is rewritten in place ({@code \r}), at most once per {@link #INTERVAL}
 * of solve time; elsewhere (a log file, a CI job) it is written as separate lines, at most one per
 * {@link #LINE_EVERY}, so that a long run leaves a short log. A listener registered with a shorter
 * interval (to measure something else as well) does not make it write more often. The last report
 * (the solve is done) is always written, and ends the line. The time left is the report's estimate
 * ({@link SolveProgress#estimatedTimeLeft()}), shown once 1 % of the move budget is spent.
 *
 * <pre>{@code
 * LeadAllocator allocator = LeadAllocator.builder()
 *     .policy(policy)
 *     .progress(ConsoleProgress.INTERVAL, ConsoleProgress.toStandardError())
 *     .build();
 * }</pre>
 *
 * <p>One solve at a time: an instance may serve solve after solve (each ends its line), not
 * concurrent ones, whose lines would mix.
 */
public final class ConsoleProgress implements ProgressListener {

  /** The report interval to register it with: a terminal's line is rewritten this often. */
  public static final Duration INTERVAL = Duration.ofMillis(500);

  /** Off a terminal, the least solve time between two lines. */
  public static final Duration LINE_EVERY = Duration.ofSeconds(5);

  private final PrintStream out;
  private final boolean terminal;
  private final long everyNanos;

  /** Solve time of the last line written; -1 before the first one of a solve. */
  private long lastLine = -1;

  /** Length of the line on the terminal, to blank what a shorter line leaves. */
  private int shown;

  private ConsoleProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    this.everyNanos = (terminal ? INTERVAL : LINE_EVERY).toNanos();
  }

  /**
   * The line on {@link System#err}: rewritten in place when the program runs on a terminal ({@link
   * System#console()} is there), separate lines otherwise.
   */
  public static ConsoleProgress toStandardError() {
    return to(System.err, System.console() != null);
  }

  /**
   * The line on {@code out}.
   *
   * @param terminal whether to rewrite one line in place rather than write separate lines
   */
  public static ConsoleProgress to(PrintStream out, boolean terminal) {
    return new ConsoleProgress(out, terminal);
  }

  @Override
  public synchronized void onProgress(SolveProgress progress) {
    boolean done = progress.phase() == SolveProgress.Phase.DONE;
    long now = progress.elapsed().toNanos();
    if (lastLine >= 0 && now < lastLine) {
      lastLine = -1; // a new solve whose predecessor did not finish
    }
    if (!done && lastLine >= 0 && now - lastLine < everyNanos) {
      return;
    }
    lastLine = done ? -1 : now;
    String line = line(progress);
    if (terminal) {
      out.print('\r' + line + " ".repeat(Math.max(0, shown - line.length())));
      shown = done ? 0 : line.length();
      if (done) {
        out.println();
      }
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** The line of one report, without line ending. */
  static String line(SolveProgress p) {
    return switch (p.phase()) {
      case CONSTRUCTION -> String.format(Locale.ROOT, "construction · %s", seconds(p.elapsed()));
      case SEARCH -> {
        String s =
            String.format(
                Locale.ROOT,
                "search %d %% · %,d of %,d moves · %s",
                (int) Math.floor(100 * p.fractionDone()),
                p.moves(),
                p.moveBudget(),
                gap(p.countGap()));
        // The pace of the first moves says little (the clock started with the problem's
        // compilation and the construction): no estimate before 1 % of the budget.
        Optional<Duration> left =
            p.fractionDone() < 0.01 ? Optional.empty() : p.estimatedTimeLeft();
        yield left.isPresent() ? s + " · " + timeLeft(left.get()) : s;
      }
      case DONE ->
          String.format(
              Locale.ROOT,
              "done · %,d moves in %s · %s",
              p.moves(),
              seconds(p.elapsed()),
              gap(p.countGap()));
    };
  }

  private static String gap(double gap) {
    return Double.isFinite(gap)
        ? String.format(Locale.ROOT, "count gap %.2f %%", 100 * gap)
        : "count gap n/a";
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** "about 14 s left" up to two minutes, then "about 5 min left". */
  private static String timeLeft(Duration d) {
    long s = Math.round(d.toMillis() / 1000.0);
    if (s < 1) {
      return "less than 1 s left";
    }
    if (s < 120) {
      return "about " + s + " s left";
    }
    return "about " + Math.round(s / 60.0) + " min left";
  }
}
