package io.fairlead.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap every 10 ms on a daemon thread and keeps the largest figure. */
final class HeapSampler implements Runnable {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final AtomicLong peak = new AtomicLong();
  private volatile boolean running = true;
  private final Thread thread = new Thread(this, "heap-sampler");

  static HeapSampler start() {
    HeapSampler s = new HeapSampler();
    s.thread.setDaemon(true);
    s.thread.start();
    return s;
  }

  @Override
  public void run() {
    while (running) {
      peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  long stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
  }
}
