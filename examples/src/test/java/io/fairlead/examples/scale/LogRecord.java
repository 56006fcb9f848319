package io.fairlead.examples.scale;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;

/**
 * One record of the incoming stream, as a producer writes it to a partition of the log (and as the
 * one instance of the reference run reads it).
 *
 * <p>{@link #at()} is the producer's sequence number: the order one instance over the whole book
 * would see the records in. A partition's records are in that order; records of two partitions are
 * in no order to each other, and need none, as no rep is in two partitions.
 */
sealed interface LogRecord {

  /** The producer's sequence number of the record. */
  long at();

  /** A lead to route (a CRM webhook; it may be delivered more than once). */
  record Route(long at, Lead lead) implements LogRecord {}

  /** A lead leaves the book (won, lost, deleted); keyed like the lead it releases. */
  record Release(long at, Lead lead) implements LogRecord {}

  /** A new ledger period; written to every partition. */
  record NewPeriod(long at) implements LogRecord {}

  /** A rep's new definition (leave, return, capacity); written to the rep's partition. */
  record UpdateRep(long at, Rep rep) implements LogRecord {}
}
