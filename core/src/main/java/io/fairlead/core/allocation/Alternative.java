package io.fairlead.core.allocation;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.RepId;
import java.util.Optional;

/**
 * Another rep the lead could have gone to, and why it did not.
 *
 * @param rep the other rep
 * @param excludedBy the hard rule that excludes it ({@code "region"}, {@code "capacity"}, {@code
 *     "custom:language"}…), empty if it was eligible
 * @param hardDelta how much the hard penalty would grow if the lead went there instead
 * @param softDelta how much the soft penalty would grow (negative = it would improve; it never does
 *     at a local optimum)
 * @since 0.1.0
 */
public record Alternative(RepId rep, Optional<String> excludedBy, long hardDelta, long softDelta) {

  public Alternative {
    requireNonNull(rep, "rep");
    requireNonNull(excludedBy, "excludedBy");
  }
}
