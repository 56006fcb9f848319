package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A policy sweep: scenarios × policy variants (policies × a parameter grid, and variants named one
 * by one) × seeds, expanded into independent {@linkplain SweepTask tasks}, each one full {@link
 * Lab#run(Scenario) scenario run} of one policy variant and seed, giving one {@link SweepRow row}
 * of figures.
 *
 * <pre>{@code
 * Sweep sweep =
 *     Sweep.builder(new MyScenarios()) // a Serializable ScenarioFactory class
 *         .scenarios("uniform", "skewed")
 *         .policies("default", "rebalancing")
 *         .grid("maxMovesShare", "0.01", "0.05")
 *         .seeds(1, 2, 3)
 *         .build(); // 2 × 2 × 2 × 3 = 24 tasks
 * List<SweepRow> rows = sweep.runLocal(4);
 * Sweep.writeCsv(rows, writer);
 * }</pre>
 *
 * <p>The tasks are descriptions (names, the grid's values as strings, a seed), and the sweep holds
 * no closure but its {@link ScenarioFactory}, a class of the user's: the sweep and its tasks are
 * {@link Serializable}, so the same sweep runs on a thread pool ({@link #runLocal(int)}) or on a
 * cluster (the {@code fairlead-spark} example ships the sweep and its tasks to Spark's executors
 * and calls {@link #run(SweepTask)} there).
 *
 * <p>Deterministic: the tasks come in a fixed order (scenario, then variant, then seed; the
 * variants are each policy with the grid's combinations, its last parameter varying fastest, then
 * the variants added one by one), and the rows in the tasks' order whatever the thread timing. A
 * row's figures are a function of its task when the factory builds equal scenarios for equal tasks
 * (the lab's default allocator is seeded with the scenario's seed). Immutable and thread-safe if
 * the factory is.
 *
 * @since 0.1.0
 */
public final class Sweep implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The columns of {@link #writeCsv} before the parameters. */
  static final List<String> KEY_COLUMNS = List.of("task", "scenario", "policy", "variant", "seed");

  /** The columns of {@link #writeCsv} after the parameters. */
  static final List<String> FIGURE_COLUMNS =
      List.of(
          "weeks",
          "reps",
          "countGini",
          "countJain",
          "valueGini",
          "valueJain",
          "countMaxDeviation",
          "valueMaxDeviation",
          "lag",
          "countGap",
          "valueMaxGap",
          "topTierGap",
          "receiptsGap",
          "rebalanceMoves",
          "otherMoves",
          "unassigned",
          "wallMillis");

  /**
   * Builds the scenario of a task: the user's part of a sweep. Implement it as a class (not a
   * lambda capturing local state) whose fields, if any, are serializable: a cluster receives the
   * factory by Java serialization.
   *
   * <pre>{@code
   * final class MyScenarios implements Sweep.ScenarioFactory {
   *   public Scenario scenario(SweepTask task) {
   *     double share = Double.parseDouble(task.parameters().get("maxMovesShare"));
   *     return Scenario.builder(task.scenario())
   *         .seed(task.seed())
   *         ...
   *         .policy(task.policy(), policies.get(task.policy()))
   *         .schedule(Schedule.nightly().rebalanceEvery(7, share))
   *         .build();
   *   }
   * }
   * }</pre>
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface ScenarioFactory extends Serializable {
    /**
     * The scenario of the task: one with the task's seed and a policy named as the task's ({@code
     * "history"} for the recorded owners). Other policies of the scenario are not run. Equal tasks
     * should give equal scenarios.
     */
    Scenario scenario(SweepTask task);
  }

  private final ScenarioFactory factory;
  private final List<SweepTask> tasks;
  private final List<String> parameters;

  private Sweep(ScenarioFactory factory, List<SweepTask> tasks, List<String> parameters) {
    this.factory = factory;
    this.tasks = tasks;
    this.parameters = parameters;
  }

  /** A builder of a sweep whose scenarios the factory builds. */
  public static Builder builder(ScenarioFactory factory) {
    return new Builder(requireNonNull(factory, "sweep: factory"));
  }

  /** The tasks, in the sweep's fixed order (a task's index is its place). Unmodifiable. */
  public List<SweepTask> tasks() {
    return tasks;
  }

  /**
   * The parameters' names, the grid's then the variants' in order (empty without any).
   * Unmodifiable.
   */
  public List<String> parameters() {
    return parameters;
  }

  /**
   * Runs one task: builds its scenario, runs the lab on it under the task's policy alone, and
   * measures the book at the end. Runs on the calling thread.
   *
   * @throws IllegalArgumentException if the factory's scenario has no policy of the task's name or
   *     another seed than the task's
   */
  public SweepRow run(SweepTask task) {
    requireNonNull(task, "task");
    long t0 = System.nanoTime();
    Scenario built = requireNonNull(factory.scenario(task), "sweep: the factory returned null");
    Scenario scenario = narrow(built, task);
    PolicyRun run = Lab.run(scenario).run(task.policy());
    return SweepRow.of(task, run, (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * Runs every task on a pool of {@code threads} threads and returns the rows in the tasks' order.
   * The first task to fail ends the sweep: its exception is rethrown (wrapped in an {@link
   * IllegalStateException} naming the task if it is checked), the tasks not started are cancelled.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public List<SweepRow> runLocal(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("sweep: threads must be >= 1, was " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<SweepRow>> futures = new ArrayList<>(tasks.size());
      for (SweepTask task : tasks) {
        futures.add(pool.submit(() -> run(task)));
      }
      List<SweepRow> rows = new ArrayList<>(tasks.size());
      for (int i = 0; i < futures.size(); i++) {
        rows.add(join(futures.get(i), tasks.get(i)));
      }
      return List.copyOf(rows);
    } finally {
      pool.shutdownNow();
    }
  }

  private static SweepRow join(Future<SweepRow> future, SweepTask task) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted at task " + task.index(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(
          "sweep task " + task.index() + " (" + task.variant() + ") failed", cause);
    }
  }

  /**
   * Writes rows as a CSV table with a header: {@code task, scenario, policy, variant, seed}, then
   * one column per parameter (in the order the rows first name them), then the figures in {@link
   * SweepRow}'s order. Numbers in Java's shortest round-trip form ({@code Double.toString}); a row
   * without a parameter has an empty cell. Cells are quoted only when they need it; every row ends
   * with {@code \n}. Deterministic.
   *
   * @throws IllegalArgumentException if a parameter is named as a fixed column
   */
  public static void writeCsv(Collection<SweepRow> rows, Writer out) {
    requireNonNull(rows, "rows");
    requireNonNull(out, "out");
    Set<String> params = new LinkedHashSet<>();
    rows.forEach(r -> params.addAll(r.parameters().keySet()));
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
    KEY_COLUMNS.forEach(schema::addColumn);
    for (String p : params) {
      if (KEY_COLUMNS.contains(p) || FIGURE_COLUMNS.contains(p)) {
        throw new IllegalArgumentException(
            "sweep: parameter '" + p + "' has the name of a fixed column");
      }
      schema.addColumn(p);
    }
    FIGURE_COLUMNS.forEach(schema::addColumn);
    List<List<String>> cells = new ArrayList<>(rows.size());
    for (SweepRow r : rows) {
      List<String> row = new ArrayList<>();
      row.addAll(
          List.of(
              Integer.toString(r.task()), r.scenario(), r.policy(), r.variant(), num(r.seed())));
      params.forEach(p -> row.add(r.parameters().getOrDefault(p, "")));
      row.addAll(
          List.of(
              num(r.weeks()),
              num(r.reps()),
              num(r.countGini()),
              num(r.countJain()),
              num(r.valueGini()),
              num(r.valueJain()),
              num(r.countMaxDeviation()),
              num(r.valueMaxDeviation()),
              num(r.lag()),
              num(r.countGap()),
              num(r.valueMaxGap()),
              num(r.topTierGap()),
              num(r.receiptsGap()),
              num(r.rebalanceMoves()),
              num(r.otherMoves()),
              num(r.unassigned()),
              num(r.wallMillis())));
      cells.add(row);
    }
    try {
      new CsvMapper().writer(schema.build()).writeValues(out).writeAll(cells).flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write CSV: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String num(long x) {
    return Long.toString(x);
  }

  private static String num(double x) {
    return Double.toString(x);
  }

  /** The scenario under the task's policy alone (and the history only when that is the task's). */
  private static Scenario narrow(Scenario s, SweepTask task) {
    if (s.seed() != task.seed()) {
      throw new IllegalArgumentException(
          "sweep task "
              + task.index()
              + ": the factory built scenario '"
              + s.name()
              + "' with seed "
              + s.seed()
              + ", the task's seed is "
              + task.seed());
    }
    boolean history = task.policy().equals(Scenario.HISTORY);
    if (history ? s.history().isEmpty() : !s.policies().containsKey(task.policy())) {
      throw new IllegalArgumentException(
          "sweep task "
              + task.index()
              + ": scenario '"
              + s.name()
              + "' has no policy '"
              + task.policy()
              + "'; it has "
              + s.policies().keySet()
              + (s.history().isEmpty() ? "" : " and history"));
    }
    String kept = history ? s.policies().keySet().iterator().next() : task.policy();
    if (s.policies().size() == 1 && (history || s.history().isEmpty())) {
      return s;
    }
    return new Scenario(
        s.name(),
        s.start(),
        s.days(),
        s.seed(),
        s.roster(),
        s.book(),
        s.events(),
        s.leads(),
        Map.of(kept, s.policies().get(kept)),
        history ? s.history() : Map.of(),
        s.schedule(),
        s.lifecycle(),
        s.allocator());
  }

  /**
   * Builds a {@link Sweep}. Each option is set once; {@code build()} leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final ScenarioFactory factory;
    private final Set<String> set = new HashSet<>();
    private List<String> scenarios = List.of();
    private List<String> policies = List.of();
    private List<Long> seeds = List.of();
    private final Map<String, List<String>> grid = new LinkedHashMap<>();
    private final List<Variant> variants = new ArrayList<>();

    private record Variant(String policy, Map<String, String> parameters) {}

    private Builder(ScenarioFactory factory) {
      this.factory = factory;
    }

    /** The scenarios' names, in order; the factory builds each (at least one, distinct). */
    public Builder scenarios(String... names) {
      once("scenarios");
      scenarios = distinct("scenarios", Arrays.asList(names));
      return this;
    }

    /**
     * The policies' names, in order (at least one, distinct); each runs with every combination of
     * the {@link #grid grid's} values.
     */
    public Builder policies(String... names) {
      once("policies");
      policies = distinct("policies", Arrays.asList(names));
      return this;
    }

    /**
     * One more policy variant: a policy under parameters of its own, run after the policies × the
     * grid. For settings that only some policies have, or variants a loop of the user's builds:
     *
     * <pre>{@code
     * for (String share : List.of("0.01", "0.02", "0.05")) {
     *   builder.variant("rebalancing", Map.of("maxMovesShare", share));
     * }
     * }</pre>
     *
     * @throws IllegalArgumentException if the same policy has these parameters already
     */
    public Builder variant(String policy, Map<String, String> parameters) {
      distinct("variant", List.of(policy));
      Map<String, String> params = new LinkedHashMap<>(parameters);
      params.forEach(
          (k, v) -> {
            requireNonNull(v, "sweep: variant " + policy + ": parameter " + k);
            checkParameter(k);
          });
      Variant v = new Variant(policy, params);
      if (variants.contains(v)) {
        throw new IllegalArgumentException(
            "sweep: variant " + policy + " " + params + " already added");
      }
      variants.add(v);
      return this;
    }

    /** The seeds, in order (at least one, distinct). */
    public Builder seeds(long... values) {
      once("seeds");
      List<Long> list = Arrays.stream(values).boxed().toList();
      if (list.isEmpty() || new HashSet<>(list).size() != list.size()) {
        throw new IllegalArgumentException(
            "sweep: seeds must be at least one and distinct, were " + list);
      }
      seeds = list;
      return this;
    }

    /**
     * A parameter of the grid and its values, in order (at least one, distinct); every policy runs
     * with every combination of the grid's values. The factory reads a task's values from {@link
     * SweepTask#parameters()}.
     */
    public Builder grid(String parameter, String... values) {
      checkParameter(parameter);
      once("grid " + parameter);
      grid.put(parameter, distinct("grid " + parameter, Arrays.asList(values)));
      return this;
    }

    /**
     * The sweep.
     *
     * @throws IllegalStateException naming the option, if scenarios, policies or seeds are not set
     */
    public Sweep build() {
      for (String option : List.of("scenarios", "seeds")) {
        if (!set.contains(option)) {
          throw new IllegalStateException("sweep: " + option + " not set");
        }
      }
      if (policies.isEmpty() && variants.isEmpty()) {
        throw new IllegalStateException("sweep: neither policies nor a variant set");
      }
      List<Map<String, String>> combinations = new ArrayList<>();
      combinations.add(Map.of());
      for (Map.Entry<String, List<String>> e : grid.entrySet()) {
        List<Map<String, String>> next = new ArrayList<>();
        for (Map<String, String> c : combinations) {
          for (String v : e.getValue()) {
            Map<String, String> m = new LinkedHashMap<>(c);
            m.put(e.getKey(), v);
            next.add(m);
          }
        }
        combinations = next;
      }
      List<Variant> all = new ArrayList<>();
      for (String policy : policies) {
        for (Map<String, String> c : combinations) {
          all.add(new Variant(policy, c));
        }
      }
      for (Variant v : variants) {
        if (all.contains(v)) {
          throw new IllegalStateException(
              "sweep: variant " + v.policy() + " " + v.parameters() + " is in the grid already");
        }
        all.add(v);
      }
      List<SweepTask> tasks = new ArrayList<>();
      for (String scenario : scenarios) {
        for (Variant v : all) {
          for (long seed : seeds) {
            tasks.add(new SweepTask(tasks.size(), scenario, v.policy(), v.parameters(), seed));
          }
        }
      }
      Set<String> names = new LinkedHashSet<>(grid.keySet());
      variants.forEach(v -> names.addAll(v.parameters().keySet()));
      return new Sweep(factory, List.copyOf(tasks), List.copyOf(names));
    }

    private static void checkParameter(String parameter) {
      requireNonNull(parameter, "sweep: parameter");
      if (parameter.isBlank()) {
        throw new IllegalArgumentException("sweep: a parameter's name must not be blank");
      }
      if (KEY_COLUMNS.contains(parameter) || FIGURE_COLUMNS.contains(parameter)) {
        throw new IllegalArgumentException(
            "sweep: parameter '" + parameter + "' has the name of a column of the table");
      }
    }

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException("sweep: " + option + " already set");
      }
    }

    private static List<String> distinct(String option, List<String> names) {
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new IllegalArgumentException(
              "sweep: " + option + " must not be null or blank, were " + names);
        }
      }
      if (names.isEmpty() || new HashSet<>(names).size() != names.size()) {
        throw new IllegalArgumentException(
            "sweep: " + option + " must be at least one and distinct, were " + names);
      }
      return List.copyOf(names);
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Sweep[%d tasks, parameters %s, factory %s]",
        tasks.size(),
        parameters,
        factory.getClass().getName());
  }
}
