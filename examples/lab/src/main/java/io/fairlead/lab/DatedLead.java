package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import java.time.LocalDate;

/**
 * A lead of a stream and the day it arrives.
 *
 * <pre>{@code
 * DatedLead d = new DatedLead(LocalDate.of(2017, 4, 3), Lead.builder("c1").region("East").build());
 * }</pre>
 *
 * @param day the day it arrives
 * @param lead the lead as it arrives (a {@code currentOwner} means a rep brought it in)
 * @since 0.1.0
 */
public record DatedLead(LocalDate day, Lead lead) {

  public DatedLead {
    requireNonNull(day, "day");
    requireNonNull(lead, "lead");
  }
}
