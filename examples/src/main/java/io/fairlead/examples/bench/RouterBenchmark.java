package io.fairlead.examples.bench;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RouteDecision;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Latency and throughput of {@link LeadRouter#route(Lead)} at 200 and 2,000 reps, from one and from
 * two threads sharing one router.
 *
 * <p>Each operation routes one incoming lead and releases the lead that thread routed 4,096
 * operations earlier, so the book stays at a steady size (about 20 leads per rep held before the
 * run, plus 4,096 per thread) instead of growing without bound; the figures are therefore those of
 * a route plus a release. Reps cover one of five regions, most of them every industry; a lead is
 * eligible for about an eighth of the roster ({@code territory=regional}, the default), or for
 * every rep ({@code territory=global}, the worst case: pass {@code global} as an argument).
 *
 * <pre>
 * mvn -q -B install -DskipTests -pl core \
 *   &amp;&amp; mvn -q -B -pl examples compile exec:java -Dexec.mainClass=io.fairlead.examples.bench.RouterBenchmark
 * </pre>
 *
 * <p>Prints JMH's own report, then one summary line per case: p50 and p99 latency (SampleTime) and
 * routes per second (Throughput, all threads together); {@code afterRosterChange} is a lead routed
 * right after {@code updateRep}, which makes it build its class's eligibility and candidate tree
 * afresh; {@code latency2Routers} has two threads each routing into a router of its own, which
 * shares nothing: the machine's own cost of running two threads at once, to set the two threads
 * sharing one router against. Takes about two and a half minutes.
 */
@State(Scope.Benchmark)
public class RouterBenchmark {

  private static final String[] REGIONS = {"North", "South", "East", "West", "Central"};
  private static final String[] INDUSTRIES = {
    "retail", "tech", "finance", "health", "energy", "logistics"
  };
  private static final int POOL = 8_192;
  private static final int LAG = 4_096;

  @Param({"200", "2000"})
  public int reps;

  @Param({"regional"})
  public String territory;

  LeadRouter router;
  private Rep firstRep;

  @Setup
  public void setUp() {
    Drawn d = draw(reps, territory);
    router = d.router();
    firstRep = d.roster.get(0);
  }

  /** A case's policy, roster and book, drawn from a fixed seed: the same for every call. */
  private record Drawn(Policy policy, List<Rep> roster, List<Lead> book) {
    LeadRouter router() {
      return LeadRouter.builder(policy).roster(roster).book(book).build();
    }
  }

  private static Drawn draw(int reps, String territory) {
    Policy policy =
        Policy.builder()
            .tierRule(
                TierRule.byValue().threshold("A", 60_000).threshold("B", 15_000).otherwise("C"))
            .build();
    Random random = new Random(42);
    boolean global = territory.equals("global");
    List<Rep> roster = new ArrayList<>(reps);
    for (int r = 0; r < reps; r++) {
      Rep.Builder b =
          Rep.builder("rep" + r)
              .capacity(1_000_000)
              .heldOutside(random.nextInt(50))
              .weight(0.5 + random.nextInt(4) * 0.5);
      if (!global) {
        // Drawn independently, so that every kind of lead has reps in every region.
        b.regions(REGIONS[random.nextInt(REGIONS.length)]);
        if (random.nextInt(3) == 0) {
          b.industries(INDUSTRIES[random.nextInt(6)], INDUSTRIES[random.nextInt(6)]);
        }
        int role = random.nextInt(5);
        b.role(role == 0 ? Role.HUNTER : role == 1 ? Role.FARMER : Role.BOTH);
        if (random.nextInt(10) == 0) {
          b.tiers("B", "C");
        }
        if (random.nextInt(4) == 0) {
          b.companySizes(SizeRange.of(0, 999));
        }
      }
      roster.add(b.build());
    }
    List<Lead> book = new ArrayList<>();
    for (int i = 0; i < 20 * reps; i++) {
      book.add(lead(random, "book" + i).toBuilder().currentOwner("rep" + (i % reps)).build());
    }
    return new Drawn(policy, roster, book);
  }

  static Lead lead(Random random, String id) {
    double value = Math.exp(9 + 1.2 * random.nextGaussian()); // median ~8k, long tail
    return Lead.builder(id)
        .region(REGIONS[random.nextInt(REGIONS.length)])
        .industry(INDUSTRIES[random.nextInt(INDUSTRIES.length)])
        .companySize((int) Math.min(100_000, Math.exp(4 + 2 * random.nextGaussian())))
        .value(Math.round(value))
        .kind(random.nextInt(10) < 7 ? LeadKind.NEW_BUSINESS : LeadKind.EXISTING_CUSTOMER)
        .build();
  }

  /** One thread's stream of leads: a ring of distinct ids, each released {@link #LAG} later. */
  @State(Scope.Thread)
  public static class Feed {
    private static final AtomicInteger THREADS = new AtomicInteger();
    Lead[] leads;
    int next;

    @Setup
    public void setUp() {
      int thread = THREADS.incrementAndGet();
      Random random = new Random(1000 + thread);
      leads = new Lead[POOL];
      for (int i = 0; i < POOL; i++) {
        leads[i] = lead(random, "t" + thread + "-" + i);
      }
    }
  }

  /**
   * A router of the thread's own, over the same roster and book: two threads each routing into
   * their own (one router per territory, say) share no lock and no data.
   */
  @State(Scope.Thread)
  public static class OwnRouter {
    @Param({"200", "2000"})
    public int reps;

    @Param({"regional"})
    public String territory;

    LeadRouter router;

    @Setup
    public void setUp() {
      router = draw(reps, territory).router();
    }
  }

  private RouteDecision routeAndRelease(Feed feed) {
    return routeAndRelease(router, feed);
  }

  private static RouteDecision routeAndRelease(LeadRouter router, Feed feed) {
    int i = feed.next++;
    RouteDecision d = router.route(feed.leads[i & (POOL - 1)]);
    if (i >= LAG) {
      router.release(feed.leads[(i - LAG) & (POOL - 1)].id());
    }
    return d;
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public RouteDecision latency1Thread(Feed feed) {
    return routeAndRelease(feed);
  }

  @Benchmark
  @Threads(2)
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public RouteDecision latency2Threads(Feed feed) {
    return routeAndRelease(feed);
  }

  /** Two threads, each routing into a router of its own (the machine's own two-thread cost). */
  @Benchmark
  @Threads(2)
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public RouteDecision latency2Routers(OwnRouter own, Feed feed) {
    return routeAndRelease(own.router, feed);
  }

  /**
   * A lead routed right after a roster change: {@code updateRep} (here with the same definition)
   * clears the class cache and the candidate trees, so the lead pays for its class's eligibility
   * and tree. Measures the update, the route and the release together.
   */
  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public RouteDecision afterRosterChange(Feed feed) {
    router.updateRep(firstRep);
    return routeAndRelease(feed);
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public RouteDecision throughput1Thread(Feed feed) {
    return routeAndRelease(feed);
  }

  @Benchmark
  @Threads(2)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public RouteDecision throughput2Threads(Feed feed) {
    return routeAndRelease(feed);
  }

  /**
   * Runs every case with short warm-up and measurement (about two minutes in all) and prints a
   * summary. Arguments: {@code global} to measure every rep eligible for every lead instead.
   */
  public static void main(String[] args) throws RunnerException {
    exposeClassPathToForks();
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(RouterBenchmark.class.getName() + "\\.")
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(2))
            .jvmArgsAppend("-Xmx2g")
            .shouldFailOnError(true);
    if (args.length > 0) {
      options.param("territory", args[0]);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    System.out.println("RouterBenchmark summary (route + release of an older lead, per operation)");
    for (RunResult run : results) {
      var params = run.getParams();
      Result<?> r = run.getPrimaryResult();
      String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      String where =
          String.format(
              "%-18s reps=%-5s territory=%-8s",
              name, params.getParam("reps"), params.getParam("territory"));
      if (params.getMode() == Mode.SampleTime) {
        var s = r.getStatistics();
        System.out.printf(
            "%s p50 %.2f us  p99 %.2f us  p99.9 %.2f us  max %.0f us  (%d samples)%n",
            where,
            s.getPercentile(50),
            s.getPercentile(99),
            s.getPercentile(99.9),
            s.getMax(),
            s.getN());
      } else {
        System.out.printf("%s %,.0f routes/s (± %,.0f)%n", where, r.getScore(), r.getScoreError());
      }
    }
  }

  /**
   * Under {@code mvn exec:java} the benchmark classes are on a class loader, not on {@code
   * java.class.path}, which is what JMH gives the forked JVMs; copy the loader's URLs there.
   */
  private static void exposeClassPathToForks() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (!(loader instanceof URLClassLoader urls)) {
      return;
    }
    StringBuilder cp = new StringBuilder();
    for (URL url : urls.getURLs()) {
      if (!"file".equals(url.getProtocol())) {
        continue;
      }
      if (cp.length() > 0) {
        cp.append(File.pathSeparatorChar);
      }
      try {
        cp.append(new File(url.toURI()).getPath());
      } catch (URISyntaxException e) {
        cp.append(url.getPath());
      }
    }
    if (cp.length() > 0) {
      System.setProperty("java.class.path", cp.toString());
    }
  }
}
