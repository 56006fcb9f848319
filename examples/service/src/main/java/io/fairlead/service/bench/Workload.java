package io.fairlead.service.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A load for the service: a team of reps in four regions, each rep with its own token, and client
 * threads that send a mix of routes (60 %: a manager routes a new lead; one in fifty is a repeat of
 * a lead sent before), claims (20 %: a rep of the lead's region claims a customer the clients saw
 * go to the pool; one claim in ten goes for a customer another claim may be taking at the same
 * time) and releases (20 %: an owner gives a customer back). Every answer is recorded: the
 * acknowledged ones (2xx) with their book events, the refusals (4xx) counted, and their latencies.
 *
 * <p>Capacities are set so that the caps bind sometimes: the expected number of routed leads per
 * rep is {@code threads × requests × 0.6 / reps} (the share of routes); capacities spread from 0.6
 * to 1.4 times it, and every fourth rep has a new-lead cap of 0.7 times it.
 *
 * <p>The same workload (same seed) runs against any {@link Target}: the service over HTTP ({@link
 * HttpTarget}) or the library's book directly ({@link BookTarget}). The load test, the crash test
 * and {@link LoadBenchmark} run it; {@link Invariants} checks what it left.
 */
public final class Workload {

  /** The admin's token in {@link #configJson}. */
  public static final String ADMIN = "bench-admin-token";

  /** The manager's token in {@link #configJson}; the manager routes every lead. */
  public static final String MANAGER = "bench-manager-token";

  static final List<String> REGIONS = List.of("North", "East", "South", "West");
  static final int CLAIMS_PER_DAY = 25;
  static final int COOL_DOWN_DAYS = 30;

  /** What a client thread does. */
  public enum Op {
    ROUTE,
    CLAIM,
    RELEASE;

    /** The action's name in the audit log. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A new lead of the load. */
  public record LeadSpec(String id, String region, double value) {
    /** As a lead document. */
    public String json() {
      return "{\"id\": \""
          + id
          + "\", \"region\": \""
          + region
          + "\", \"industry\": \"retail\", \"value\": "
          + value
          + "}";
    }
  }

  /**
   * An answer of a target.
   *
   * @param status the HTTP status (or what the service would answer)
   * @param outcome for a route, {@code added} or {@code repeat}; otherwise null
   * @param owner for a route, the rep it went to (null: the pool); for a claim, the claimant
   * @param events the book events that record it, in order
   * @param reason the reason given
   * @param rules for a refusal, the rules that said no
   */
  public record Answer(
      int status, String outcome, String owner, long[] events, String reason, List<String> rules) {
    public Answer {
      rules = List.copyOf(rules);
    }

    boolean ok() {
      return status / 100 == 2;
    }
  }

  /** The service, or the book: what the client threads send their requests to. */
  public interface Target {
    /** Adds a rep to the team, as the admin. */
    Answer addRep(String repRequestJson);

    /** Routes a lead, as the manager. */
    Answer route(LeadSpec lead);

    /** Rep {@code rep} (an index of the team) claims the customer. */
    Answer claim(int rep, String lead);

    /** Rep {@code rep} releases the customer. */
    Answer release(int rep, String lead);
  }

  /**
   * An acknowledged (2xx) answer, as the client received it.
   *
   * @param op what was asked
   * @param lead the lead or customer
   * @param rep the rep that asked (claims and releases), or -1 for the manager
   * @param answer the answer
   */
  public record Ack(Op op, String lead, int rep, Answer answer) {}

  /**
   * What a run did.
   *
   * @param acks every acknowledged answer
   * @param refused answers 4xx (a rule said no, a customer that changed hands meanwhile)
   * @param failed requests that got no answer or a 5xx
   * @param firstFailure the first failure, or null
   * @param latencies nanoseconds of each answered request (2xx and 4xx), by operation
   * @param nanos the run's wall time
   */
  public record Result(
      List<Ack> acks,
      int refused,
      int failed,
      String firstFailure,
      Map<Op, long[]> latencies,
      long nanos) {

    /** Requests answered (acknowledged or refused). */
    public int answered() {
      return acks.size() + refused;
    }
  }

  private final int reps;
  private final int threads;
  private final int requests;
  private final long seed;
  private final double claims;
  private final double releases;
  private final int[] capacity;
  private final int[] newLeadCap;

  /**
   * @param reps the team's size, at least 4 (a multiple of 4 puts as many in each region)
   * @param threads client threads
   * @param requests requests per thread
   * @param seed the seed of every random choice (each thread its own stream); the leads' ids carry
   *     it, so runs of several seeds on one service route different leads
   */
  public Workload(int reps, int threads, int requests, long seed) {
    this(reps, threads, requests, seed, 0.2, 0.2);
  }

  /**
   * A workload of another mix: {@code claims} and {@code releases} are the shares of requests that
   * claim and release (when the clients know a customer to claim or release), the rest route.
   */
  public Workload(int reps, int threads, int requests, long seed, double claims, double releases) {
    checkArgument(reps >= 4, "reps must be >= 4, was %s", reps);
    checkArgument(
        claims >= 0 && releases >= 0 && claims + releases < 1,
        "the shares of claims and releases must be >= 0 and leave some routes, were %s and %s",
        claims,
        releases);
    checkArgument(threads >= 1, "threads must be >= 1, was %s", threads);
    checkArgument(requests >= 1, "requests must be >= 1, was %s", requests);
    this.reps = reps;
    this.threads = threads;
    this.requests = requests;
    this.seed = seed;
    this.claims = claims;
    this.releases = releases;
    double expected = Math.max(2.0, threads * (double) requests * (1 - claims - releases) / reps);
    Random r = new Random(seed);
    capacity = new int[reps];
    newLeadCap = new int[reps];
    for (int i = 0; i < reps; i++) {
      capacity[i] = Math.max(2, (int) Math.round(expected * (0.6 + 0.8 * r.nextDouble())));
      newLeadCap[i] = i % 4 == 3 ? Math.max(1, (int) Math.round(expected * 0.7)) : -1;
    }
  }

  public int reps() {
    return reps;
  }

  public int threads() {
    return threads;
  }

  public int requests() {
    return requests;
  }

  /** Rep {@code i}'s id: {@code r000}, {@code r001}, ... */
  public static String repId(int i) {
    return String.format(Locale.ROOT, "r%03d", i);
  }

  /** The index of a rep id. */
  public static int repIndex(String id) {
    return Integer.parseInt(id.substring(1));
  }

  /** Rep {@code i}'s token. */
  public static String repToken(int i) {
    return "bench-rep-token-" + repId(i);
  }

  static String region(int rep) {
    return REGIONS.get(rep % REGIONS.size());
  }

  /** The request that adds rep {@code i}: its region, capacity and new-lead cap. */
  public String repRequest(int i) {
    return "{\"rep\": {\"id\": \""
        + repId(i)
        + "\", \"regions\": [\""
        + region(i)
        + "\"], \"capacity\": "
        + capacity[i]
        + (newLeadCap[i] < 0 ? "" : ", \"newLeadCap\": " + newLeadCap[i])
        + "}, \"reason\": \"joins\"}";
  }

  /**
   * The service's configuration on a database: the default policy, a lifecycle of {@value
   * #CLAIMS_PER_DAY} claims a day and a {@value #COOL_DOWN_DAYS}-day cool-down, any free port, and
   * tokens for the admin, the manager and every rep.
   */
  public String configJson(String url, String user, String password) {
    StringBuilder tokens = new StringBuilder();
    tokens.append("{\"token\": \"").append(ADMIN).append("\", \"actor\": \"root\", \"role\": ");
    tokens.append("\"admin\"},\n    {\"token\": \"").append(MANAGER);
    tokens.append("\", \"actor\": \"lee\", \"role\": \"manager\"}");
    for (int i = 0; i < reps; i++) {
      tokens.append(",\n    {\"token\": \"").append(repToken(i)).append("\", \"actor\": \"");
      tokens.append(repId(i)).append("\", \"role\": \"rep\", \"rep\": \"").append(repId(i));
      tokens.append("\"}");
    }
    return """
        {
          "port": 0,
          "database": {"url": "%s", "user": "%s", "password": "%s"},
          "lifecycle": {"claimsPerDay": %d, "coolDownDays": %d},
          "tokens": [
            %s
          ]
        }
        """
        .formatted(json(url), json(user), json(password), CLAIMS_PER_DAY, COOL_DOWN_DAYS, tokens);
  }

  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Adds the team through the target. */
  public void addTeam(Target target) {
    for (int i = 0; i < reps; i++) {
      Answer a = target.addRep(repRequest(i));
      if (a.status() != 201) {
        throw new IllegalStateException("cannot add rep " + repId(i) + ": " + a);
      }
    }
  }

  /** Runs every thread's requests to the end. */
  public Result run(Target target) {
    return run(target, () -> false);
  }

  /**
   * Runs the load: each thread sends its requests until it has sent them all, {@code stop} says so
   * (checked before every request), or a request failed (no answer, or a 5xx): the first failure
   * stops every thread, and the threads' requests then in flight are counted as failed too.
   */
  public Result run(Target target, BooleanSupplier stop) {
    requireNonNull(target, "target");
    requireNonNull(stop, "stop");
    Shared shared = new Shared();
    List<Client> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      clients.add(new Client(t, target, shared, stop));
    }
    List<Thread> running = new ArrayList<>();
    long start = System.nanoTime();
    for (Client c : clients) {
      Thread th = new Thread(c, "load-" + c.thread);
      th.start();
      running.add(th);
    }
    for (Thread th : running) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the load ran", e);
      }
    }
    long nanos = System.nanoTime() - start;
    List<Ack> acks = new ArrayList<>();
    int refused = 0;
    Map<Op, long[]> latencies = new EnumMap<>(Op.class);
    for (Op op : Op.values()) {
      latencies.put(op, new long[0]);
    }
    for (Client c : clients) {
      acks.addAll(c.acks);
      refused += c.refused;
      for (Op op : Op.values()) {
        long[] a = latencies.get(op);
        long[] b = Arrays.copyOf(c.latency[op.ordinal()], c.count[op.ordinal()]);
        long[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        latencies.put(op, both);
      }
    }
    return new Result(
        List.copyOf(acks),
        refused,
        shared.failed.get(),
        shared.firstFailure.get(),
        latencies,
        nanos);
  }

  /** What the client threads know of the book from their answers. */
  private static final class Shared {
    final Map<String, String> regionOf = new ConcurrentHashMap<>();
    final ConcurrentLinkedDeque<String> pooled = new ConcurrentLinkedDeque<>();
    final ConcurrentLinkedDeque<Held> held = new ConcurrentLinkedDeque<>();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicReference<String> firstFailure = new AtomicReference<>();
  }

  private record Held(String lead, int rep) {}

  private final class Client implements Runnable {
    final int thread;
    final Target target;
    final Shared shared;
    final BooleanSupplier stop;
    final Random random;
    final List<Ack> acks = new ArrayList<>();
    final List<String> routed = new ArrayList<>();
    int nextLead;
    final long[][] latency = new long[Op.values().length][];
    final int[] count = new int[Op.values().length];
    int refused;

    Client(int thread, Target target, Shared shared, BooleanSupplier stop) {
      this.thread = thread;
      this.target = target;
      this.shared = shared;
      this.stop = stop;
      this.random = new Random(seed * 1_000_003L + thread);
      for (Op op : Op.values()) {
        latency[op.ordinal()] = new long[Math.max(16, requests / 2)];
      }
    }

    @Override
    public void run() {
      for (int n = 0; n < requests && shared.failed.get() == 0 && !stop.getAsBoolean(); n++) {
        double x = random.nextDouble();
        try {
          if (x < claims && !shared.pooled.isEmpty()) {
            claim();
          } else if (x < claims + releases && !shared.held.isEmpty()) {
            release();
          } else {
            route();
          }
        } catch (RuntimeException e) {
          if (shared.failed.incrementAndGet() == 1) {
            shared.firstFailure.set(e.toString());
          }
        }
      }
    }

    private void route() {
      LeadSpec lead;
      if (!routed.isEmpty() && random.nextInt(50) == 0) {
        String id = routed.get(random.nextInt(routed.size()));
        lead = new LeadSpec(id, shared.regionOf.get(id), 1000);
      } else {
        String id = "L" + seed + "-" + thread + "-" + nextLead++;
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        lead = new LeadSpec(id, region, 100 + random.nextInt(99_900));
        shared.regionOf.put(id, region);
      }
      long t0 = System.nanoTime();
      Answer a = target.route(lead);
      if (!record(Op.ROUTE, lead.id(), -1, a, t0)) {
        return;
      }
      if ("added".equals(a.outcome())) {
        routed.add(lead.id());
        if (a.owner() == null) {
          shared.pooled.addLast(lead.id());
        } else {
          shared.held.addLast(new Held(lead.id(), repIndex(a.owner())));
        }
      }
    }

    private void claim() {
      boolean contend = random.nextInt(10) == 0;
      String lead = contend ? shared.pooled.peekFirst() : shared.pooled.pollFirst();
      if (lead == null) {
        route();
        return;
      }
      int region = REGIONS.indexOf(shared.regionOf.get(lead));
      int inRegion = (reps - region + REGIONS.size() - 1) / REGIONS.size();
      int rep = region + REGIONS.size() * random.nextInt(inRegion);
      long t0 = System.nanoTime();
      Answer a = target.claim(rep, lead);
      if (record(Op.CLAIM, lead, rep, a, t0)) {
        if (contend) {
          shared.pooled.remove(lead);
        }
        shared.held.addLast(new Held(lead, rep));
      } else if (!contend && a.status() == 409 && !a.rules().contains("pool")) {
        shared.pooled.addLast(lead); // still in the pool: another rep may claim it
      }
    }

    private void release() {
      Held h = shared.held.pollFirst();
      if (h == null) {
        route();
        return;
      }
      long t0 = System.nanoTime();
      Answer a = target.release(h.rep(), h.lead());
      if (record(Op.RELEASE, h.lead(), h.rep(), a, t0)) {
        shared.pooled.addLast(h.lead());
      }
    }

    /** Records an answer; returns whether it was acknowledged. */
    private boolean record(Op op, String lead, int rep, Answer a, long t0) {
      long t = System.nanoTime() - t0;
      if (a.status() >= 500) {
        throw new IllegalStateException(
            op.id() + " " + lead + ": " + a.status() + " " + a.reason());
      }
      int i = op.ordinal();
      if (count[i] == latency[i].length) {
        latency[i] = Arrays.copyOf(latency[i], latency[i].length * 2);
      }
      latency[i][count[i]++] = t;
      if (a.ok()) {
        acks.add(new Ack(op, lead, rep, a));
        return true;
      }
      refused++;
      return false;
    }
  }
}
