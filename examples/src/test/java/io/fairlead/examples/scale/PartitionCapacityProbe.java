package io.fairlead.examples.scale;

import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RouterState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * What one partition costs, for docs/scaling.md: a router holding a book of {@code leads} leads
 * over {@code reps} reps. Prints, per book size: the heap the router holds (its leads included);
 * its routing rate on one thread at a steady book (each route followed by the release of the lead
 * routed 4,096 routes earlier; building the lead included) and the p99 of a route and release; the
 * leads decoded from JSON per second ({@link FairleadJson#readLead}: what a consumer spends on a
 * record of the log besides routing it); the time {@link LeadRouter#state()} takes (the instance's
 * pause, between two records); the time and size of the JSON snapshot ({@link
 * FairleadJson#writeRouter}), and gzipped; and the time to read it back ({@link
 * FairleadJson#readRouter}: the restore of a dead instance before its replay). Times are medians of
 * three runs. The routing rate, and the write and read times, are also given in the thread's own
 * CPU time (garbage collection aside), which other processes on a shared machine disturb less; the
 * last column is the machine's load average after the row.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx8g mvn -q -B -pl examples -am test-compile exec:java -Dspotless.check.skip=true \
 *     -Dexec.classpathScope=test -Dexec.mainClass=io.fairlead.examples.scale.PartitionCapacityProbe \
 *     -Dexec.args="--leads 100000,1000000 --reps 2000 --seconds 10"
 * </pre>
 *
 * <p>A probe, not a test: it lives beside the simulation it sizes, and its test runs it on a tiny
 * book.
 */
public final class PartitionCapacityProbe {

  private static final String[] REGIONS = {"North", "South", "East", "West", "Central"};
  private static final String[] INDUSTRIES = {"retail", "software", "finance", "medical"};
  private static final String[] TIERS = {"A", "B", "C", "C", "C"};
  private static final int LAG = 4_096;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private PartitionCapacityProbe() {}

  public static void main(String[] args) {
    List<Integer> sizes = List.of(100_000, 1_000_000);
    int reps = 2_000;
    double seconds = 10;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--leads" ->
            sizes = Arrays.stream(args[i + 1].split(",")).map(Integer::valueOf).toList();
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "PartitionCapacityProbe: %,d reps, %.0f s of routing per size, %d cores, max heap %.1f"
            + " GiB, Java %s%n",
        reps,
        seconds,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (double) (1L << 30),
        System.getProperty("java.version"));
    out.printf(
        Locale.ROOT,
        "%10s %8s %9s %9s %7s %9s %8s %13s %8s %8s %7s %13s %5s%n",
        "book",
        "heap MiB",
        "routes/s",
        "(per cpu)",
        "p99 us",
        "decodes/s",
        "state ms",
        "write ms(cpu)",
        "JSON MiB",
        "gzip MiB",
        "gzip ms",
        "read ms(cpu)",
        "load");
    for (int leads : sizes) {
      run(leads, reps, seconds, out);
    }
  }

  /** The router measured, and the one read back from its last snapshot. */
  record Routers(LeadRouter measured, LeadRouter restored) {}

  /** Measures one book size and prints its row. */
  static Routers run(int leads, int reps, double seconds, PrintStream out) {
    Policy policy = Policy.defaults();
    Random random = new Random(7);
    List<Rep> roster = new ArrayList<>();
    for (int r = 0; r < reps; r++) {
      Rep.Builder b = Rep.builder("r" + r).regions(REGIONS[r % REGIONS.length]);
      if (r % 3 == 1) {
        b.industries(INDUSTRIES[r % INDUSTRIES.length], INDUSTRIES[(r + 1) % INDUSTRIES.length]);
      }
      roster.add(b.weight(0.8 + 0.05 * (r % 9)).build());
    }
    long before = usedHeap();
    List<Lead> book = new ArrayList<>(leads);
    for (int i = 0; i < leads; i++) {
      int owner = random.nextInt(reps);
      book.add(
          lead(random, "b" + i, REGIONS[owner % REGIONS.length], "retail")
              .currentOwner("r" + owner)
              .build());
    }
    LeadRouter router = LeadRouter.builder(policy).roster(roster).book(book).build();
    book = null; // the router holds the leads themselves, and its own index of them
    long heap = usedHeap() - before;

    // Routing at a steady book size, one thread.
    ArrayDeque<LeadId> routed = new ArrayDeque<>();
    long[] latency = new long[1 << 16];
    int n = 0;
    long routes = 0;
    long cpu = CPU.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now = start;
    while (now < end) {
      Lead l =
          lead(
                  random,
                  "n" + routes,
                  REGIONS[random.nextInt(REGIONS.length)],
                  INDUSTRIES[random.nextInt(INDUSTRIES.length)])
              .build();
      long t = System.nanoTime();
      router.route(l);
      if (routed.size() >= LAG) {
        router.release(routed.removeFirst());
      }
      now = System.nanoTime();
      routed.addLast(l.id());
      latency[n++ & (latency.length - 1)] = now - t; // the last 65,536
      routes++;
    }
    double rate = routes / ((now - start) / 1e9);
    double cpuRate = routes / ((CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
    long[] last = Arrays.copyOf(latency, Math.min(n, latency.length));
    Arrays.sort(last);
    double p99 = last[(int) Math.floor(0.99 * (last.length - 1))] / 1e3;

    long[] state = new long[3];
    long[] write = new long[3];
    long[] writeCpu = new long[3];
    long[] read = new long[3];
    long[] readCpu = new long[3];
    String json = null;
    LeadRouter restored = null;
    for (int k = 0; k < 3; k++) {
      long t = System.nanoTime();
      RouterState s = router.state();
      state[k] = System.nanoTime() - t;
      s = null;
      long c = CPU.getCurrentThreadCpuTime();
      t = System.nanoTime();
      json = FairleadJson.writeRouter(router);
      write[k] = System.nanoTime() - t;
      writeCpu[k] = CPU.getCurrentThreadCpuTime() - c;
      restored = null;
      c = CPU.getCurrentThreadCpuTime();
      t = System.nanoTime();
      restored = FairleadJson.readRouter(json, policy);
      read[k] = System.nanoTime() - t;
      readCpu[k] = CPU.getCurrentThreadCpuTime() - c;
    }
    double decoded = decodeRate(random);
    long t = System.nanoTime();
    long gzip = gzipped(json);
    long gzipTime = System.nanoTime() - t;
    out.printf(
        Locale.ROOT,
        "%10s %8.0f %,9.0f %,9.0f %7.1f %,9.0f %8.0f %13s %8.1f %8.1f %7.0f %13s %5.1f%n",
        String.format(Locale.ROOT, "%,d", leads),
        heap / (double) (1 << 20),
        rate,
        cpuRate,
        p99,
        decoded,
        median(state) / 1e6,
        String.format(Locale.ROOT, "%,.0f (%,.0f)", median(write) / 1e6, median(writeCpu) / 1e6),
        json.getBytes(StandardCharsets.UTF_8).length / (double) (1 << 20),
        gzip / (double) (1 << 20),
        gzipTime / 1e6,
        String.format(Locale.ROOT, "%,.0f (%,.0f)", median(read) / 1e6, median(readCpu) / 1e6),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return new Routers(router, restored);
  }

  private static Lead.Builder lead(Random random, String id, String region, String industry) {
    double value = Math.round(10_000 * Math.exp(0.8 * random.nextGaussian()));
    return Lead.builder(id)
        .region(region)
        .industry(industry)
        .companySize(1 + random.nextInt(500))
        .value(value)
        .tier(TIERS[random.nextInt(TIERS.length)]);
  }

  /**
   * Leads read from their JSON ({@link FairleadJson#readLead}) per second on one thread: what a
   * consumer spends on each record of the log before routing it.
   */
  private static double decodeRate(Random random) {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      records.add(FairleadJson.writeLead(lead(random, "d" + i, "East", "retail").build()));
    }
    long decoded = 0;
    long start = System.nanoTime();
    long now = start;
    while (now - start < 1_000_000_000L) {
      for (String r : records) {
        FairleadJson.readLead(r);
      }
      decoded += records.size();
      now = System.nanoTime();
    }
    return decoded / ((now - start) / 1e9);
  }

  private static long gzipped(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.size();
  }

  private static long median(long[] xs) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
