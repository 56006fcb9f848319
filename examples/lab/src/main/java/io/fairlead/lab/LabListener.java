package io.fairlead.lab;

/**
 * Hears a lab run as it goes: progress day by day, and each lead as a policy's run consumes it.
 * Quiet by default ({@link #QUIET}); methods are called on the thread that runs the lab.
 *
 * <pre>{@code
 * LabResult r = Lab.run(scenario, new LabListener() {
 *   public void progress(LabListener.Progress p) {
 *     System.err.printf("%s: day %d of %d, %d leads%n", p.policy(), p.day(), p.days(), p.leads());
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
   * @since 0.1.0
   */
  record Progress(String policy, int run, int runs, int day, int days, int leads) {}
}
