package io.fairlead.core.json;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.Alternative;
import io.fairlead.core.allocation.Explanation;
import io.fairlead.core.allocation.LeadOutcome;
import io.fairlead.core.allocation.ScoreBreakdown;
import io.fairlead.core.allocation.SearchReport;
import io.fairlead.core.allocation.Status;
import io.fairlead.core.allocation.UnassignedReason;
import io.fairlead.core.bound.BoundGaps;
import io.fairlead.core.fairness.FairnessMetrics;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of an {@link Allocation}. Read back only against its {@link Problem}: outcomes must
 * hold the problem's leads in input order, and every lead, rep and tier named must be in it.
 *
 * <p>{@code elapsedMillis} is a decimal number of milliseconds with up to six decimals, so the
 * duration survives to the nanosecond. Explanations are derived data ({@link
 * Allocation#explain(LeadId)} recomputes them); on reading they are type-checked and their lead,
 * rep and status must agree with the outcomes. {@code ledger}, the period ledger after the
 * allocation ({@link Allocation#ledger()}), is derived too: written when it has entries, optional
 * on reading and checked when present.
 */
record AllocationJson(
    String method,
    BigDecimal elapsedMillis,
    SearchJson search,
    ScoreJson score,
    List<OutcomeJson> outcomes,
    MetricsJson metrics,
    Double meanValue,
    GapsJson gaps,
    GapsJson freeGaps,
    List<ProblemJson.LedgerEntryJson> ledger,
    List<ExplanationJson> explanations) {

  /**
   * The JSON form of {@link BoundGaps}: derived data ({@link Allocation#gaps()} recomputes it), so
   * on reading it is optional and, when present, must equal the recomputed gaps.
   */
  record GapsJson(
      Boolean feasible,
      Integer placed,
      Integer maxPlaceable,
      Double countTerm,
      Double countOptimum,
      Double countGap,
      Double valueMax,
      Double valueMaxBound,
      Double valueMaxGap,
      Double valueTerm,
      Double valueTermBound,
      Double valueTermGap,
      Double topTierTerm,
      Double topTierBound,
      Double topTierGap,
      Double receiptsTerm,
      Double receiptsBound,
      Double receiptsGap,
      Boolean improvingPath) {

    static GapsJson from(BoundGaps g) {
      return new GapsJson(
          g.feasible(),
          g.placed(),
          g.maxPlaceable(),
          g.countTerm(),
          g.countOptimum(),
          g.countGap(),
          g.valueMax(),
          g.valueMaxBound(),
          g.valueMaxGap(),
          g.valueTerm(),
          g.valueTermBound(),
          g.valueTermGap(),
          g.topTierTerm(),
          g.topTierBound(),
          g.topTierGap(),
          g.receiptsTerm(),
          g.receiptsBound(),
          g.receiptsGap(),
          g.improvingPath());
    }

    /**
     * The gaps as read. The bounds ({@code countOptimum}, {@code valueMaxBound}, {@code
     * valueTermBound}, {@code topTierBound}, {@code receiptsBound}) came into the format later: a
     * document without them takes them from {@code derived}, the rest must be present. Such a
     * document was written before the whole-lead value bound, so its {@code valueMaxGap} is against
     * an older, lower bound: it is read, type-checked, and not compared.
     */
    BoundGaps toGaps(JsonPath at, BoundGaps derived) {
      BoundGaps read = readGaps(at, derived);
      if (valueMaxBound == null) {
        return new BoundGaps(
            read.feasible(),
            read.placed(),
            read.maxPlaceable(),
            read.countTerm(),
            read.countOptimum(),
            read.countGap(),
            read.valueMax(),
            read.valueMaxBound(),
            derived.valueMaxGap(),
            read.valueTerm(),
            read.valueTermBound(),
            read.valueTermGap(),
            read.topTierTerm(),
            read.topTierBound(),
            read.topTierGap(),
            read.receiptsTerm(),
            read.receiptsBound(),
            read.receiptsGap(),
            read.improvingPath());
      }
      return read;
    }

    private BoundGaps readGaps(JsonPath at, BoundGaps derived) {
      at.requireAll(
          this, "countOptimum", "valueMaxBound", "valueTermBound", "topTierBound", "receiptsBound");
      return at.check(
          () ->
              new BoundGaps(
                  feasible,
                  placed,
                  maxPlaceable,
                  countTerm,
                  countOptimum == null ? derived.countOptimum() : countOptimum,
                  countGap,
                  valueMax,
                  valueMaxBound == null ? derived.valueMaxBound() : valueMaxBound,
                  valueMaxGap,
                  valueTerm,
                  valueTermBound == null ? derived.valueTermBound() : valueTermBound,
                  valueTermGap,
                  topTierTerm,
                  topTierBound == null ? derived.topTierBound() : topTierBound,
                  topTierGap,
                  receiptsTerm,
                  receiptsBound == null ? derived.receiptsBound() : receiptsBound,
                  receiptsGap,
                  improvingPath));
    }
  }

  /**
   * The JSON form of a {@link SearchReport}: what the allocator reports of its run, not derived
   * from the assignment, so it is read as written; {@code reproducible} must agree with {@code
   * ending}. Optional on reading: a document without it was written before search reports, and
   * reads as {@link SearchReport.Ending#NOT_REPORTED}.
   */
  record SearchJson(
      String ending,
      Boolean reproducible,
      Long moves,
      Long moveBudget,
      Long seed,
      List<PhaseJson> phases) {

    static SearchJson from(SearchReport s) {
      return new SearchJson(
          s.ending().name(),
          s.reproducible(),
          s.moves(),
          s.moveBudget(),
          s.seed(),
          s.phases().stream().map(p -> new PhaseJson(p.name(), millis(p.time()))).toList());
    }

    SearchReport toReport(JsonPath at) {
      at.requireAll(this);
      SearchReport.Ending e = at.enumValue(SearchReport.Ending.class, "ending", ending);
      if (moves < 0) {
        throw at.field("moves").error("moves must be >= 0, was " + moves);
      }
      if (moveBudget < 0) {
        throw at.field("moveBudget").error("moveBudget must be >= 0, was " + moveBudget);
      }
      if ((e == SearchReport.Ending.ONE_PASS || e == SearchReport.Ending.NOT_REPORTED)
          && (moves != 0 || moveBudget != 0)) {
        throw at.field(moves != 0 ? "moves" : "moveBudget")
            .error("a search that ended " + e + " makes no moves and has no budget");
      }
      if (reproducible != e.reproducible()) {
        throw at.field("reproducible")
            .error(
                "was "
                    + reproducible
                    + ", but a search ended by "
                    + e
                    + " is "
                    + (e.reproducible() ? "" : "not ")
                    + "reproducible");
      }
      List<PhaseJson> ps = at.elements(phases, "phases");
      List<SearchReport.PhaseTime> times = new ArrayList<>(ps.size());
      for (int i = 0; i < ps.size(); i++) {
        JsonPath here = at.field("phases").index(i);
        PhaseJson p = ps.get(i);
        here.requireAll(p);
        if (p.name().isBlank()) {
          throw here.field("name").error("a phase name must not be blank");
        }
        Duration d = duration(here.field("millis"), "millis", p.millis());
        times.add(here.check(() -> new SearchReport.PhaseTime(p.name(), d)));
      }
      return at.check(() -> new SearchReport(e, moves, moveBudget, seed, times));
    }
  }

  /** One phase of a {@link SearchJson}: its name and its time in milliseconds. */
  record PhaseJson(String name, BigDecimal millis) {}

  /** The JSON form of a {@link ScoreBreakdown}. */
  record ScoreJson(Long hard, Long medium, Long soft, Map<String, Long> byConstraint) {

    static ScoreJson from(ScoreBreakdown s) {
      return new ScoreJson(s.hard(), s.medium(), s.soft(), s.byConstraint());
    }

    ScoreBreakdown toScore(JsonPath at) {
      at.requireAll(this);
      byConstraint.forEach(
          (id, v) -> {
            if (v == null) {
              throw at.field("byConstraint").field(id).error("constraint '" + id + "' is null");
            }
          });
      return at.check(() -> new ScoreBreakdown(hard, medium, soft, byConstraint));
    }
  }

  /** The JSON form of a {@link LeadOutcome}; {@code rep} and {@code reason} as the status says. */
  record OutcomeJson(String lead, String rep, String status, ReasonJson reason) {

    static OutcomeJson from(LeadOutcome o) {
      return new OutcomeJson(
          o.lead().value(),
          o.rep().map(RepId::value).orElse(null),
          o.status().name(),
          o.reason().map(ReasonJson::from).orElse(null));
    }

    LeadOutcome toOutcome(JsonPath at, Problem problem, Lead expected) {
      at.requireAll(this, "rep", "reason");
      if (!lead.equals(expected.id().value())) {
        throw at.field("lead")
            .error(
                "holds lead '"
                    + lead
                    + "', expected '"
                    + expected.id()
                    + "' (outcomes follow the problem's lead order)");
      }
      Optional<RepId> owner =
          rep == null ? Optional.empty() : Optional.of(repOf(at.field("rep"), problem, rep));
      Status s = at.enumValue(Status.class, "status", status);
      Optional<UnassignedReason> why =
          reason == null ? Optional.empty() : Optional.of(reason.toReason(at.field("reason")));
      return at.check(
          () -> new LeadOutcome(expected.id(), owner, s, why),
          java.util.Set.of("status", "reason"));
    }
  }

  /** The JSON form of an {@link UnassignedReason}. */
  record ReasonJson(String kind, Map<String, Integer> excludedBy, String message) {

    static ReasonJson from(UnassignedReason r) {
      return new ReasonJson(r.kind().name(), r.excludedBy(), r.message());
    }

    UnassignedReason toReason(JsonPath at) {
      at.requireAll(this);
      excludedBy.forEach(
          (rule, n) -> {
            if (n == null) {
              throw at.field("excludedBy")
                  .field(rule)
                  .error("count of rule '" + rule + "' is null");
            }
          });
      return new UnassignedReason(
          at.enumValue(UnassignedReason.Kind.class, "kind", kind), excludedBy, message);
    }
  }

  /** The JSON form of an {@link Explanation}; {@code rep} is absent for an unassigned lead. */
  record ExplanationJson(
      String lead,
      String rep,
      String status,
      List<String> rulesMatched,
      Map<String, Long> contributions,
      List<AlternativeJson> alternatives,
      String summary) {

    static ExplanationJson from(Explanation e) {
      return new ExplanationJson(
          e.lead().value(),
          e.rep().map(RepId::value).orElse(null),
          e.status().name(),
          e.rulesMatched(),
          e.contributions(),
          e.alternatives().stream().map(AlternativeJson::from).toList(),
          e.summary());
    }

    /** Checks this explanation against the allocation's outcome for its lead. */
    void check(JsonPath at, Problem problem, Map<LeadId, LeadOutcome> outcomes) {
      at.requireAll(this, "rep");
      LeadOutcome o = outcomes.get(leadOf(at.field("lead"), problem, lead));
      String owner = o.rep().map(RepId::value).orElse(null);
      if (!java.util.Objects.equals(rep, owner)) {
        throw at.field("rep")
            .error("explains owner " + rep + ", but the outcome's owner is " + owner);
      }
      if (!status.equals(o.status().name())) {
        throw at.field("status")
            .error("explains status " + status + ", but the outcome's status is " + o.status());
      }
      at.strings(rulesMatched, "rulesMatched");
      List<AlternativeJson> alts = at.elements(alternatives, "alternatives");
      for (int i = 0; i < alts.size(); i++) {
        JsonPath here = at.field("alternatives").index(i);
        here.requireAll(alts.get(i), "excludedBy");
        repOf(here.field("rep"), problem, alts.get(i).rep());
      }
    }
  }

  /** The JSON form of an {@link Alternative}; {@code excludedBy} is absent for an eligible rep. */
  record AlternativeJson(String rep, String excludedBy, Long hardDelta, Long softDelta) {

    static AlternativeJson from(Alternative a) {
      return new AlternativeJson(
          a.rep().value(), a.excludedBy().orElse(null), a.hardDelta(), a.softDelta());
    }
  }

  static AllocationJson from(Allocation a, boolean withExplanations) {
    return new AllocationJson(
        a.method(),
        millis(a.elapsed()),
        SearchJson.from(a.search()),
        ScoreJson.from(a.score()),
        a.outcomes().stream().map(OutcomeJson::from).toList(),
        MetricsJson.from(a.metrics()),
        a.meanValue(),
        GapsJson.from(a.gaps()),
        GapsJson.from(a.freeGaps()),
        ProblemJson.LedgerEntryJson.from(a.ledger()),
        withExplanations
            ? a.problem().leads().stream()
                .map(l -> ExplanationJson.from(a.explain(l.id())))
                .toList()
            : null);
  }

  /**
   * Rebuilds the allocation from the document's outcomes (who holds which lead) and checks that
   * every other figure in the document is what that assignment gives: statuses, reasons, score,
   * metrics, gaps and explanations. A document edited by hand is refused at the first field that
   * differs.
   */
  Allocation toAllocation(JsonPath at, Problem problem) {
    at.requireAll(this, "search", "meanValue", "gaps", "freeGaps", "ledger", "explanations");
    Duration elapsed = duration(at.field("elapsedMillis"), "elapsedMillis", elapsedMillis);
    SearchReport report =
        search == null ? SearchReport.notReported(elapsed) : search.toReport(at.field("search"));
    ScoreBreakdown s = score.toScore(at.field("score"));
    List<OutcomeJson> os = at.elements(outcomes, "outcomes");
    List<Lead> leads = problem.leads();
    if (os.size() != leads.size()) {
      throw at.field("outcomes")
          .error(os.size() + " outcomes for the problem's " + leads.size() + " leads");
    }
    List<LeadOutcome> list = new ArrayList<>(os.size());
    Map<LeadId, RepId> assignment = new LinkedHashMap<>();
    for (int i = 0; i < os.size(); i++) {
      JsonPath here = at.field("outcomes").index(i).labelled("lead " + leads.get(i).id());
      LeadOutcome o = os.get(i).toOutcome(here, problem, leads.get(i));
      list.add(o);
      o.rep().ifPresent(r -> assignment.put(o.lead(), r));
    }
    FairnessMetrics m = metrics.toMetrics(at.field("metrics"), problem);
    Allocation a = at.check(() -> Allocation.of(problem, assignment, method, elapsed, report));
    String derived = "the outcomes' assignment";
    for (int i = 0; i < list.size(); i++) {
      JsonPath here = at.field("outcomes").index(i).labelled("lead " + leads.get(i).id());
      LeadOutcome read = list.get(i);
      LeadOutcome made = a.outcomes().get(i);
      if (read.status() != made.status()) {
        throw here.field("status")
            .error("was " + read.status() + ", but " + derived + " gives " + made.status());
      }
      Derived.check(here.field("reason"), read.reason(), made.reason(), derived);
    }
    Derived.check(at.field("score"), s, a.score(), derived);
    if (metrics.olderFairShares()) {
      m = MetricsJson.withFairSharesOf(m, a.metrics()); // of a definition no longer computed
    }
    Derived.check(at.field("metrics"), m, a.metrics(), derived);
    if (meanValue != null) {
      Derived.check(at.field("meanValue"), meanValue, a.meanValue(), derived);
    }
    if (gaps != null) {
      BoundGaps read = gaps.toGaps(at.field("gaps"), a.gaps());
      Derived.check(at.field("gaps"), read, a.gaps(), derived);
    }
    if (freeGaps != null) {
      BoundGaps read = freeGaps.toGaps(at.field("freeGaps"), a.freeGaps());
      Derived.check(at.field("freeGaps"), read, a.freeGaps(), derived);
    }
    if (ledger != null) {
      java.util.Set<RepId> roster = new java.util.HashSet<>();
      problem.reps().forEach(r -> roster.add(r.id()));
      Ledger read = ProblemJson.LedgerEntryJson.toLedger(at, ledger, roster);
      Derived.check(at.field("ledger"), read, a.ledger(), derived);
    }
    if (explanations != null) {
      Map<LeadId, LeadOutcome> byLead = new HashMap<>();
      a.outcomes().forEach(o -> byLead.put(o.lead(), o));
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < explanations.size(); i++) {
        JsonPath here = at.field("explanations").index(i);
        ExplanationJson e = explanations.get(i);
        if (e == null) {
          throw here.error("expected an explanation object, was null");
        }
        if (e.lead() != null) {
          here = here.labelled("lead " + e.lead());
          if (!seen.add(e.lead())) {
            throw here.field("lead").error("lead '" + e.lead() + "' is explained twice");
          }
        }
        e.check(here, problem, byLead);
      }
    }
    return a;
  }

  /** The lead with the given id, or an error at {@code at}. */
  static LeadId leadOf(JsonPath at, Problem problem, String id) {
    LeadId l = at.check(() -> LeadId.of(id));
    if (problem.leads().stream().noneMatch(x -> x.id().equals(l))) {
      throw at.error("lead '" + id + "' is not in the problem");
    }
    return l;
  }

  /** The rep with the given id, or an error at {@code at}. */
  static RepId repOf(JsonPath at, Problem problem, String id) {
    RepId r = at.check(() -> RepId.of(id));
    if (problem.reps().stream().noneMatch(x -> x.id().equals(r))) {
      throw at.error("rep '" + id + "' is not on the problem's roster");
    }
    return r;
  }

  /** The longest {@link Duration}, in milliseconds. */
  private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(Long.MAX_VALUE).movePointRight(3);

  /** Milliseconds with the nanoseconds as six decimals, trailing zeros dropped. */
  static BigDecimal millis(Duration d) {
    return BigDecimal.valueOf(d.getSeconds())
        .movePointRight(3)
        .add(BigDecimal.valueOf(d.getNano(), 6))
        .stripTrailingZeros();
  }

  private static Duration duration(JsonPath at, String name, BigDecimal millis) {
    if (millis.signum() < 0) {
      throw at.error(name + " must be >= 0, was " + shown(millis));
    }
    if (millis.compareTo(MAX_MILLIS) > 0) { // before any arithmetic: 1e999999999 has a huge scale
      throw at.error(name + " is too large, was " + shown(millis));
    }
    BigDecimal nanos = millis.movePointRight(6);
    if (nanos.stripTrailingZeros().scale() > 0) {
      throw at.error(name + " must have at most 6 decimals (nanoseconds), was " + shown(millis));
    }
    BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000));
    try {
      return Duration.ofSeconds(
          secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    } catch (ArithmeticException e) {
      throw at.error("elapsedMillis is too large, was " + shown(millis), e);
    }
  }

  /** The number as written, in plain digits unless that would take more than a thousand. */
  private static String shown(BigDecimal x) {
    return Math.abs((long) x.scale()) <= 1000 ? x.toPlainString() : x.toString();
  }
}
