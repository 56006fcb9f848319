package io.fairlead.service.bench;

import io.fairlead.service.FairleadService;
import io.fairlead.service.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The service under a bounded load on loopback: {@link Workload}'s mix of routes, claims and
 * releases from client threads against a roster of reps, with throughput and latency (p50, p90,
 * p99, max) per operation and overall, the heap, and the {@link Invariants}' verdicts. The same
 * load runs, in alternating order round after round, against the baselines measured in the same
 * run: the library's book called directly (no HTTP, no database), the service on an in-memory H2
 * (HTTP and SQL, no disk), the service on H2 in a file (durable: the default), and on request a
 * PostgreSQL database.
 *
 * <pre>
 * java -cp examples/service/target/fairlead.jar io.fairlead.service.bench.LoadBenchmark
 * java -cp examples/service/target/fairlead.jar io.fairlead.service.bench.LoadBenchmark \
 *     --threads 8 --requests 5000 --reps 200 --rounds 2 --database jdbc:postgresql://localhost/db
 * </pre>
 *
 * Figures are printed, never asserted; the exit code is 1 if an invariant is broken.
 */
@Command(
    name = "LoadBenchmark",
    mixinStandardHelpOptions = true,
    description =
        "Runs the service under a bounded concurrent load and prints throughput, latency and the"
            + " invariants' verdicts next to the baselines measured in the same run.")
public final class LoadBenchmark implements Callable<Integer> {

  @Option(names = "--threads", description = "client threads (default ${DEFAULT-VALUE})")
  int threads = 8;

  @Option(names = "--requests", description = "requests per thread (default ${DEFAULT-VALUE})")
  int requests = 5_000;

  @Option(names = "--reps", description = "reps on the roster (default ${DEFAULT-VALUE})")
  int reps = 200;

  @Option(
      names = "--rounds",
      description = "rounds, each running every target once (default ${DEFAULT-VALUE})")
  int rounds = 2;

  @Option(names = "--seed", description = "the workload's seed (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Option(
      names = "--targets",
      split = ",",
      description = "targets to run, of book, h2-mem, h2-file (default: all three)")
  List<String> targets = List.of("book", "h2-mem", "h2-file");

  @Option(
      names = "--database",
      paramLabel = "JDBC-URL",
      description =
          "also run on this PostgreSQL database, in a new schema per run (dropped after it)")
  String database;

  @Option(names = "--user", description = "the PostgreSQL user")
  String user = "postgres";

  @Option(names = "--password", description = "the PostgreSQL password")
  String password = "";

  @Option(
      names = "--mix",
      split = ",",
      paramLabel = "ROUTE,CLAIM,RELEASE",
      description = "the mix in percent (default 60,20,20); 100,0,0 routes only")
  List<Integer> mix = List.of(60, 20, 20);

  @Option(
      names = "--warm-up",
      description = "requests per thread of the warm-up runs (default ${DEFAULT-VALUE}; 0: none)")
  int warmUp = 500;

  private int runs;

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(new CommandLine(new LoadBenchmark()).execute(args));
  }

  /** One run's figures. */
  private record Run(String target, Workload.Result result, long heapAfter, long heapPeak) {}

  @Override
  public Integer call() throws Exception {
    List<String> all = new ArrayList<>(targets);
    if (database != null) {
      all.add("postgres");
    }
    for (String t : all) {
      if (!List.of("book", "h2-mem", "h2-file", "postgres").contains(t)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--targets: unknown target '" + t + "'");
      }
    }
    if (mix.size() != 3 || mix.get(0) + mix.get(1) + mix.get(2) != 100 || mix.get(0) <= 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--mix: three percentages adding up to 100, routes > 0");
    }
    System.out.printf(
        Locale.ROOT,
        "fairlead service load, %s: %d threads x %,d requests (%d %% route, %d %% claim,"
            + " %d %% release), %d reps, seed %d; %d CPUs, Java %s, max heap %,d MB%n",
        LocalDate.now(),
        threads,
        requests,
        mix.get(0),
        mix.get(1),
        mix.get(2),
        reps,
        seed,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    if (warmUp > 0) {
      for (String t : all) {
        Run r = run(t, workload(warmUp, seed + 1));
        System.out.printf(
            Locale.ROOT,
            "warm-up %-8s %,7d requests, %,7.0f req/s%n",
            t,
            r.result().answered(),
            perSecond(r.result()));
      }
    }
    boolean ok = true;
    Map<String, List<Run>> byTarget = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      List<String> order = new ArrayList<>(all);
      if (round % 2 == 0) {
        java.util.Collections.reverse(order);
      }
      for (String t : order) {
        Workload w = workload(requests, seed);
        Run r = run(t, w);
        byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
        System.out.printf(Locale.ROOT, "%nround %d, %s%n", round, describe(t));
        print(r);
        ok &= r.result().failed() == 0 && lastChecksHeld;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nmedians over %d rounds%n%-10s %10s %10s %10s %10s %10s %10s%n",
        rounds,
        "target",
        "req/s",
        "p50 ms",
        "p99 ms",
        "route p99",
        "claim p99",
        "heap MB");
    for (Map.Entry<String, List<Run>> e : byTarget.entrySet()) {
      List<Run> rs = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "%-10s %,10.0f %10.2f %10.2f %10.2f %10.2f %,10d%n",
          e.getKey(),
          median(rs.stream().mapToDouble(r -> perSecond(r.result())).toArray()),
          median(rs.stream().mapToDouble(r -> ms(pct(all(r.result()), 50))).toArray()),
          median(rs.stream().mapToDouble(r -> ms(pct(all(r.result()), 99))).toArray()),
          median(
              rs.stream()
                  .mapToDouble(r -> ms(pct(sorted(r.result(), Workload.Op.ROUTE), 99)))
                  .toArray()),
          median(
              rs.stream()
                  .mapToDouble(r -> ms(pct(sorted(r.result(), Workload.Op.CLAIM), 99)))
                  .toArray()),
          (long) median(rs.stream().mapToDouble(r -> r.heapPeak() >> 20).toArray()));
    }
    System.out.println(ok ? "every invariant held in every run" : "AN INVARIANT WAS BROKEN");
    return ok ? 0 : 1;
  }

  private Workload workload(int perThread, long seed) {
    return new Workload(reps, threads, perThread, seed, mix.get(1) / 100.0, mix.get(2) / 100.0);
  }

  private static String describe(String target) {
    return switch (target) {
      case "book" -> "book: the library's Book called directly (no HTTP, no database)";
      case "h2-mem" -> "h2-mem: the service on an in-memory H2 (HTTP and SQL, no disk)";
      case "h2-file" -> "h2-file: the service on H2 in a file (durable, the default)";
      case "postgres" -> "postgres: the service on PostgreSQL";
      default -> target;
    };
  }

  private boolean lastChecksHeld;
  private List<Invariants.Check> lastChecks = List.of();

  /** Runs a workload on a fresh target and checks what it left. */
  private Run run(String target, Workload w) throws IOException, SQLException {
    int n = ++runs;
    System.gc();
    resetPeaks();
    if (target.equals("book")) {
      ServiceConfig config = ServiceConfig.read(w.configJson("jdbc:h2:mem:unused", "sa", ""));
      BookTarget t = new BookTarget(config);
      w.addTeam(t);
      Workload.Result r = w.run(t);
      long peak = heapPeak();
      check(r, t.observe(), config);
      return new Run(target, r, heapAfterGc(), peak);
    }
    String url;
    String u = "sa";
    String p = "";
    Path dir = null;
    String schema = null;
    switch (target) {
      case "h2-mem" -> url = "jdbc:h2:mem:fairlead-bench-" + n + ";DB_CLOSE_DELAY=-1";
      case "h2-file" -> {
        dir = Files.createTempDirectory("fairlead-bench");
        url = "jdbc:h2:file:" + dir.resolve("book").toAbsolutePath();
      }
      case "postgres" -> {
        schema = "fairlead_bench_" + ProcessHandle.current().pid() + "_" + n;
        sql(database, user, password, "create schema " + schema);
        url = database + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        u = user;
        p = password;
      }
      default -> throw new IllegalArgumentException(target);
    }
    try {
      ServiceConfig config = ServiceConfig.read(w.configJson(url, u, p));
      try (FairleadService s = FairleadService.start(config)) {
        HttpTarget t = new HttpTarget(s.port());
        w.addTeam(t);
        Workload.Result r = w.run(t);
        long peak = heapPeak();
        check(r, t.observe(), config);
        return new Run(target, r, heapAfterGc(), peak);
      }
    } finally {
      if (target.equals("h2-mem")) {
        sql(url, "sa", "", "shutdown");
      } else if (dir != null) {
        delete(dir);
      } else if (schema != null) {
        sql(database, user, password, "drop schema " + schema + " cascade");
      }
    }
  }

  private void check(Workload.Result r, Invariants.Observed seen, ServiceConfig config) {
    lastChecks = Invariants.check(r, seen, config);
    lastChecksHeld = Invariants.allHold(lastChecks);
  }

  private void print(Run run) {
    Workload.Result r = run.result();
    System.out.printf(
        Locale.ROOT,
        "  %,d requests answered (%,d acknowledged, %,d refused by a rule), %d failed, in %.1f s:"
            + " %,.0f requests/s; heap peak %,d MB, %,d MB after GC%n",
        r.answered(),
        r.acks().size(),
        r.refused(),
        r.failed(),
        r.nanos() / 1e9,
        perSecond(r),
        run.heapPeak() >> 20,
        run.heapAfter() >> 20);
    if (r.firstFailure() != null) {
      System.out.println("  first failure: " + r.firstFailure());
    }
    System.out.printf(
        Locale.ROOT,
        "  %-8s %8s %9s %9s %9s %9s%n",
        "op",
        "count",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms");
    for (Workload.Op op : Workload.Op.values()) {
      line(op.id(), sorted(r, op));
    }
    line("all", all(r));
    lastChecks.forEach(System.out::println);
  }

  private static void line(String name, long[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "  %-8s %,8d %9.3f %9.3f %9.3f %9.1f%n",
        name,
        sorted.length,
        ms(pct(sorted, 50)),
        ms(pct(sorted, 90)),
        ms(pct(sorted, 99)),
        ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
  }

  private static double perSecond(Workload.Result r) {
    return r.answered() / (r.nanos() / 1e9);
  }

  private static long[] sorted(Workload.Result r, Workload.Op op) {
    long[] a = r.latencies().get(op).clone();
    Arrays.sort(a);
    return a;
  }

  private static long[] all(Workload.Result r) {
    long[] a = r.latencies().values().stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(a);
    return a;
  }

  /** The nearest-rank percentile of sorted values (0 for none). */
  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
      if (m.getType() == MemoryType.HEAP) {
        m.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
      if (m.getType() == MemoryType.HEAP) {
        sum += m.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void sql(String url, String user, String password, String statement)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
