package io.fairlead.examples.scale;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory stand-in for a log such as Kafka: a fixed number of partitions, each an append-only
 * sequence of records numbered by offset from 0. Appending returns the offset; a consumer reads by
 * offset, and may read an offset again (replay). Not thread-safe: the simulation is one thread.
 */
final class PartitionLog {

  private final List<List<LogRecord>> partitions = new ArrayList<>();

  PartitionLog(int partitions) {
    checkArgument(partitions >= 1, "partitions must be >= 1, was %s", partitions);
    for (int p = 0; p < partitions; p++) {
      this.partitions.add(new ArrayList<>());
    }
  }

  int partitions() {
    return partitions.size();
  }

  /** Appends a record to a partition; returns its offset. */
  long append(int partition, LogRecord record) {
    List<LogRecord> log = partitions.get(partition);
    log.add(record);
    return log.size() - 1L;
  }

  /** The offset the next record of the partition will get: how many it holds. */
  long end(int partition) {
    return partitions.get(partition).size();
  }

  LogRecord read(int partition, long offset) {
    List<LogRecord> log = partitions.get(partition);
    checkArgument(
        offset >= 0 && offset < log.size(),
        "partition %s: offset %s is not in [0, %s)",
        partition,
        offset,
        log.size());
    return log.get((int) offset);
  }
}
