package io.fairlead.examples.bench;

import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Does saving a router stop routing? One thread routes leads into a router holding a large book
 * (each route followed by the release of an older lead, so the book keeps its size) and records
 * each operation's latency: first alone, then while the main thread saves the router as JSON
 * ({@code FairleadJson.writeRouter}) over and over. Prints both latency profiles, in the same run,
 * and the saves' durations.
 *
 * <pre>
 * mvn -q -B -pl examples -am test-compile exec:java \
 *     -Dexec.mainClass=io.fairlead.examples.bench.RouterSaveBenchmark \
 *     -Dexec.args="--leads 110000 --reps 2000 --seconds 10"
 * </pre>
 */
public final class RouterSaveBenchmark {

  private static final String[] REGIONS = {"North", "South", "East", "West", "Central"};

  private RouterSaveBenchmark() {}

  public static void main(String[] args) throws Exception {
    int leads = 110_000;
    int reps = 2_000;
    int seconds = 10;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--leads" -> leads = Integer.parseInt(args[i + 1]);
        case "--reps" -> reps = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    run(leads, reps, seconds, System.out);
  }

  /** Runs both phases and prints them; returns the router (for tests). */
  static LeadRouter run(int leads, int reps, int seconds, java.io.PrintStream out)
      throws InterruptedException {
    Random random = new Random(7);
    List<Rep> roster = new ArrayList<>();
    for (int r = 0; r < reps; r++) {
      roster.add(Rep.builder("r" + r).regions(REGIONS[r % REGIONS.length]).build());
    }
    List<Lead> book = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      book.add(lead(random, "b" + i).currentOwner("r" + random.nextInt(reps)).build());
    }
    Policy policy = Policy.defaults();
    LeadRouter router = LeadRouter.builder(policy).roster(roster).book(book).build();
    out.printf(
        Locale.ROOT,
        "RouterSaveBenchmark: %,d reps, %,d leads in the book, %d s per phase%n",
        reps,
        router.bookSize(),
        seconds);
    long[] alone = phase(router, random, seconds, false, out);
    long[] saving = phase(router, random, seconds, true, out);
    out.printf(
        Locale.ROOT,
        "%-34s %9s %9s %9s %9s %9s%n",
        "",
        "ops",
        "p50 us",
        "p99 us",
        "p99.9 us",
        "max us");
    print(out, "routing alone", alone);
    print(out, "routing while the router is saved", saving);
    return router;
  }

  private static Lead.Builder lead(Random random, String id) {
    return Lead.builder(id)
        .region(REGIONS[random.nextInt(REGIONS.length)])
        .industry("retail")
        .value(1_000 + random.nextInt(50_000));
  }

  /** Routes for {@code seconds}, saving meanwhile if asked; returns the sorted latencies. */
  private static long[] phase(
      LeadRouter router, Random random, int seconds, boolean save, java.io.PrintStream out)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    long[][] result = new long[1][];
    Thread routing =
        new Thread(
            () -> {
              long[] lat = new long[1 << 20];
              int n = 0;
              ArrayList<LeadId> routed = new ArrayList<>();
              int next = 0;
              Random r = new Random(random.nextLong());
              while (!stop.get()) {
                Lead l = lead(r, (save ? "s" : "a") + next++).build();
                long t = System.nanoTime();
                router.route(l);
                if (routed.size() >= 1000) {
                  router.release(routed.remove(0));
                }
                long d = System.nanoTime() - t;
                routed.add(l.id());
                if (n == lat.length) {
                  lat = Arrays.copyOf(lat, 2 * n);
                }
                lat[n++] = d;
              }
              long[] sorted = Arrays.copyOf(lat, n);
              Arrays.sort(sorted);
              result[0] = sorted;
            });
    routing.start();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> saves = new ArrayList<>();
    long bytes = 0;
    while (System.nanoTime() < end) {
      if (save) {
        long t = System.nanoTime();
        bytes = FairleadJson.writeRouter(router).length();
        saves.add(System.nanoTime() - t);
      } else {
        Thread.sleep(50);
      }
    }
    stop.set(true);
    routing.join();
    if (save) {
      long[] s = saves.stream().mapToLong(Long::longValue).sorted().toArray();
      out.printf(
          Locale.ROOT,
          "%d saves of %,d characters: median %.0f ms, longest %.0f ms%n",
          s.length,
          bytes,
          s[s.length / 2] / 1e6,
          s[s.length - 1] / 1e6);
    }
    return result[0];
  }

  private static void print(java.io.PrintStream out, String label, long[] sorted) {
    out.printf(
        Locale.ROOT,
        "%-34s %9d %9.1f %9.1f %9.1f %9.1f%n",
        label,
        sorted.length,
        at(sorted, 0.5) / 1e3,
        at(sorted, 0.99) / 1e3,
        at(sorted, 0.999) / 1e3,
        sorted[sorted.length - 1] / 1e3);
  }

  private static long at(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }
}
