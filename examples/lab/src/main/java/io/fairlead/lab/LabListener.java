package io.fairlead.lab;

import java.time.Duration;
import java.util.Optional;

/**
 * Hears a lab run as it goes: progress day by day, and each lead as a policy's run consumes it.
 * Quiet by default ({@link #QUIET}); methods are called on the thread that runs the lab.
 *
 * <pre>{@code
 * LabResult r = Lab.run(scenario, new LabListener() {
 *   public void progress(LabListener.Progress p) {
 *     System.err.printf("%s: day %d of %d, %.0f %% of the lab, about %s left%n", p.policy(),
 *         p.day(), p.days(), 100 * p.fractionDone(), p.estimatedTimeLeft().orElse(null));
 *   }
 * });
 * }</pre>
 *
 * @since 0.1.0
 */
public interface LabListener {

  /** A listener that hears nothing. */
  LabListener QUIET = new LabListener() {};

  /** Called at the end of each day of each run. */
  default void progress(Progress progress) {}

  /** Called for each lead of the stream as a run takes it in, before the book sees it. */
  default void consumed(String policy, DatedLead lead) {}

  /**
   * Where a lab run is.
   *
   * @param policy the policy running ({@code "history"} for the recorded owners)
   * @param run its position among the runs, from 1
   * @param runs how many runs there are
   * @param day the days done in this run
   * @param days the scenario's horizon
   * @param leads the leads of the stream consumed so far in this run
   * @param elapsed the time since the lab run began (all runs)
   * @since 0.1.0
   */
  record Progress(
      String policy, int run, int runs, int day, int days, int leads, Duration elapsed) {

    /** The days done over all runs, as a fraction of all runs' days, from 0 to 1. */
    public double fractionDone() {
      long total = (long) runs * days;
      return total == 0 ? 1 : ((long) (run - 1) * days + day) / (double) total;
    }

    /**
     * The time left at the pace so far (days take about as long in every run); empty before the
     * first day is done.
     */
    public Optional<Duration> estimatedTimeLeft() {
      double f = fractionDone();
      if (f <= 0) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * (1 - f) / f)));
    }
  }
}
