package io.fairlead.core.allocation;

/**
 * Told how a solve is going: when its first complete allocation exists, then as the search finds
 * better ones (no more often than the interval it was registered with), and once at the end. Called
 * on the solving threads, one call at a time; it should return quickly.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {

  /** One report; the argument is only valid during the call. */
  void onProgress(SolveProgress progress);
}
