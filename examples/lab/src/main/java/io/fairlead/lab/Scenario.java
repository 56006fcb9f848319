package io.fairlead.lab;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.allocation.Allocator;
import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the lab replays: a team and its changes over time, a stream of dated leads, the policies to
 * compare and the schedule they run on. Every policy sees exactly the same stream.
 *
 * <pre>{@code
 * Scenario s =
 *     Scenario.builder("spring")
 *         .start(LocalDate.of(2017, 4, 1))
 *         .days(90)
 *         .seed(7)
 *         .roster(reps)
 *         .event(RosterEvent.leave(RepId.of("ana"), LocalDate.of(2017, 4, 22), LocalDate.of(2017, 5, 5)))
 *         .leads(LeadStreams.uniform(7, LocalDate.of(2017, 4, 1), 90, 20, reps))
 *         .policy("default", Policy.defaults())
 *         .policy("receipts", Policy.builder().weight(Objective.RECEIPTS, 1).build())
 *         .schedule(Schedule.nightly().rebalanceEvery(7, 0.02))
 *         .build();
 * LabResult result = Lab.run(s);
 * }</pre>
 *
 * <p>Immutable; the lists and maps are unmodifiable copies, leads and events in day order (stable:
 * the order given within a day).
 *
 * @param name a name for reports
 * @param start the first day
 * @param days how many days run, in {@code [1, 3660]}
 * @param seed the seed of the default allocator (a {@code LeadAllocator} per problem); streams take
 *     their own seed, usually the same
 * @param roster the team on the first morning, in order
 * @param book the customers on the first morning, imported with their {@code currentOwner} (or to
 *     the pool without one), before the first day's leads
 * @param events the team's changes, in day order
 * @param leads the stream, in day order; every day within the horizon
 * @param policies the policies compared, by name, in order; none is named {@code "history"}
 * @param history the recorded owner of leads of the stream; when not empty, the lab also runs the
 *     pseudo-policy {@code "history"} that gives each lead to its recorded owner
 * @param schedule how leads are placed, and rebalancing
 * @param lifecycle the books' lifecycle rules (conflicts, departures, covers, reclaims)
 * @param allocator the batch allocator of the books (nightly and weekly batches, departures,
 *     covers); empty for the default, a solver {@code LeadAllocator} with the scenario's seed for
 *     each problem's policy. An allocator must take any policy (a book's problems add its cool-down
 *     rule to the policy): the baselines and {@code LeadRouter.allocator()} do
 * @since 0.1.0
 */
public record Scenario(
    String name,
    LocalDate start,
    int days,
    long seed,
    List<Rep> roster,
    List<Lead> book,
    List<RosterEvent> events,
    List<DatedLead> leads,
    Map<String, Policy> policies,
    Map<LeadId, RepId> history,
    Schedule schedule,
    Lifecycle lifecycle,
    Optional<Allocator> allocator) {

  /** The name of the pseudo-policy that replays the recorded owners. */
  public static final String HISTORY = "history";

  /** The longest horizon, in days. */
  public static final int MAX_DAYS = 3660;

  public Scenario {
    requireNonNull(name, "scenario: name");
    check(!name.isBlank(), "scenario: name must not be blank");
    requireNonNull(start, "scenario " + name + ": start");
    check(
        days >= 1 && days <= MAX_DAYS,
        "scenario " + name + ": days must be in [1, " + MAX_DAYS + "], was " + days);
    roster = List.copyOf(roster);
    book = List.copyOf(book);
    check(!roster.isEmpty(), "scenario " + name + ": the roster is empty");
    LocalDate end = start.plusDays(days - 1L);
    events = byDay(events, RosterEvent::day);
    leads = byDay(leads, DatedLead::day);
    requireNonNull(schedule, "scenario " + name + ": schedule");
    requireNonNull(lifecycle, "scenario " + name + ": lifecycle");
    requireNonNull(allocator, "scenario " + name + ": allocator");
    policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    check(!policies.isEmpty(), "scenario " + name + ": no policy to run");
    check(
        !policies.containsKey(HISTORY),
        "scenario " + name + ": '" + HISTORY + "' is the recorded owners' name, not a policy's");
    policies.forEach((n, p) -> requireNonNull(p, "scenario " + name + ": policy " + n));

    Set<RepId> known = new HashSet<>();
    for (Rep r : roster) {
      check(known.add(r.id()), "scenario " + name + ": rep " + r.id() + " is twice in the roster");
    }
    Set<RepId> ever = new HashSet<>(known);
    for (RosterEvent e : events) {
      check(
          !e.day().isBefore(start) && !e.day().isAfter(end),
          within(
              name,
              "roster event "
                  + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                  + " of "
                  + e.rep(),
              e.day(),
              start,
              end));
      if (e.kind() == RosterEvent.Kind.HIRE) {
        ever.add(e.rep());
      } else {
        check(
            ever.contains(e.rep()),
            "scenario "
                + name
                + ": roster event "
                + e.kind()
                + " on "
                + e.day()
                + " names rep "
                + e.rep()
                + ", who is neither in the roster nor hired before");
      }
    }
    Set<LeadId> ids = new HashSet<>();
    for (Lead l : book) {
      check(ids.add(l.id()), "scenario " + name + ": lead " + l.id() + " is twice in the book");
    }
    for (DatedLead d : leads) {
      check(
          !d.day().isBefore(start) && !d.day().isAfter(end),
          within(name, "lead " + d.lead().id(), d.day(), start, end));
      check(
          ids.add(d.lead().id()),
          "scenario " + name + ": lead " + d.lead().id() + " is twice in the book and the stream");
    }
    history = Collections.unmodifiableMap(new LinkedHashMap<>(history));
    history.forEach(
        (lead, rep) -> {
          check(
              ids.contains(lead),
              "scenario " + name + ": history names lead " + lead + ", which is not in the stream");
          check(
              ever.contains(rep),
              "scenario " + name + ": history gives lead " + lead + " to unknown rep " + rep);
        });
  }

  private static String within(
      String name, String what, LocalDate day, LocalDate start, LocalDate end) {
    return "scenario " + name + ": " + what + " is on " + day + ", outside " + start + " to " + end;
  }

  private static <T> List<T> byDay(
      Collection<T> items, java.util.function.Function<T, LocalDate> day) {
    List<T> out = new ArrayList<>(items);
    out.forEach(x -> requireNonNull(x, "scenario: a null event or lead"));
    out.sort(Comparator.comparing(day)); // stable
    return List.copyOf(out);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The last day. */
  public LocalDate end() {
    return start.plusDays(days - 1L);
  }

  /**
   * Reads a scenario from JSON (format {@code fairlead-scenario}, see {@code docs/json-format.md}):
   * the team, its events, the book, the stream, the policies by name, the history, the schedule,
   * the lifecycle and the allocator ({@code "solver"}, the default, or {@code "router"}). Optional
   * fields take the builder's defaults. Reading is strict and builds through {@link #builder}, so
   * every rule of a scenario applies; an error names the path and the record, e.g. {@code "scenario
   * JSON at $.stream[3].lead.value: lead c4: value must be in [0, 1e15], was -5.0"}.
   *
   * @throws IllegalArgumentException if the JSON is malformed or does not describe a valid scenario
   * @since 0.1.0
   */
  public static Scenario fromJson(String json) {
    return ScenarioJson.read(json);
  }

  /**
   * Writes this scenario as JSON, every field explicit; {@link #fromJson} reads it back equal.
   * Deterministic: fields in the documented order, two-space indent, {@code \n} line ends.
   *
   * @throws IllegalArgumentException if the scenario holds what lives in code only: an allocator
   *     other than the default and {@code LeadRouter.allocator()}, or a policy with custom rules
   * @since 0.1.0
   */
  public String toJson() {
    return ScenarioJson.write(this);
  }

  /** Returns a builder of a scenario with this name. */
  public static Builder builder(String name) {
    return new Builder(requireNonNull(name, "scenario: name"));
  }

  /**
   * Builds a {@link Scenario}. The start must be set. Defaults: days 90, seed 0, no events, no
   * book, no history, {@link Schedule#nightly()}, {@link Lifecycle#defaults()}, the default
   * allocator. Setting an option twice is an error; {@link #build()} leaves the builder reusable.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String name;
    private final Set<String> set = new HashSet<>();
    private LocalDate start;
    private int days = 90;
    private long seed;
    private final List<Rep> roster = new ArrayList<>();
    private final List<Lead> book = new ArrayList<>();
    private final List<RosterEvent> events = new ArrayList<>();
    private final List<DatedLead> leads = new ArrayList<>();
    private final Map<String, Policy> policies = new LinkedHashMap<>();
    private Map<LeadId, RepId> history = Map.of();
    private Schedule schedule = Schedule.nightly();
    private Lifecycle lifecycle = Lifecycle.defaults();
    private Allocator allocator;

    private Builder(String name) {
      this.name = name;
    }

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException("scenario option '" + option + "' is set twice");
      }
    }

    /** The first day (required). */
    public Builder start(LocalDate start) {
      once("start");
      this.start = requireNonNull(start, "scenario: start");
      return this;
    }

    /** How many days run. Default 90. */
    public Builder days(int days) {
      once("days");
      this.days = days;
      return this;
    }

    /** The seed of the default allocator. Default 0. */
    public Builder seed(long seed) {
      once("seed");
      this.seed = seed;
      return this;
    }

    /** The team on the first morning (required, at least one rep). */
    public Builder roster(Collection<Rep> reps) {
      once("roster");
      roster.addAll(reps);
      return this;
    }

    /** The customers on the first morning, with their owners. Default none. */
    public Builder book(Collection<Lead> customers) {
      once("book");
      book.addAll(customers);
      return this;
    }

    /** Adds a change of the team. */
    public Builder event(RosterEvent event) {
      events.add(requireNonNull(event, "scenario: event"));
      return this;
    }

    /** The lead stream (required; may be empty). */
    public Builder leads(Collection<DatedLead> stream) {
      once("leads");
      leads.addAll(stream);
      return this;
    }

    /** Adds a policy to compare, under a name not used before. */
    public Builder policy(String policyName, Policy policy) {
      requireNonNull(policyName, "scenario: policy name");
      requireNonNull(policy, "scenario: policy " + policyName);
      if (policyName.isBlank() || policies.containsKey(policyName)) {
        throw new IllegalArgumentException(
            "scenario: policy name '" + policyName + "' is blank or used twice");
      }
      policies.put(policyName, policy);
      return this;
    }

    /** The recorded owner of leads of the stream: adds the {@code "history"} run. */
    public Builder history(Map<LeadId, RepId> owners) {
      once("history");
      this.history = new LinkedHashMap<>(owners);
      return this;
    }

    /** How leads are placed, and rebalancing. Default {@link Schedule#nightly()}. */
    public Builder schedule(Schedule schedule) {
      once("schedule");
      this.schedule = requireNonNull(schedule, "scenario: schedule");
      return this;
    }

    /** The books' lifecycle. Default {@link Lifecycle#defaults()}. */
    public Builder lifecycle(Lifecycle lifecycle) {
      once("lifecycle");
      this.lifecycle = requireNonNull(lifecycle, "scenario: lifecycle");
      return this;
    }

    /**
     * The books' batch allocator; it must take any policy (see {@link Scenario#allocator()}).
     * Default a solver {@code LeadAllocator} per problem, seeded with the scenario's seed.
     */
    public Builder allocator(Allocator allocator) {
      once("allocator");
      this.allocator = requireNonNull(allocator, "scenario: allocator");
      return this;
    }

    /** The scenario. */
    public Scenario build() {
      if (start == null) {
        throw new IllegalStateException("scenario " + name + ": start is not set");
      }
      return new Scenario(
          name,
          start,
          days,
          seed,
          roster,
          book,
          events,
          leads,
          policies,
          history,
          schedule,
          lifecycle,
          Optional.ofNullable(allocator));
    }
  }
}
