package io.fairlead.core.bound;

import static io.fairlead.core.bound.CountFlowTest.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import io.fairlead.core.bound.BoundCalculator.ValueBounds;
import io.fairlead.core.bound.SmallProblems.BruteForce;
import io.fairlead.core.internal.CountFlow;
import io.fairlead.core.internal.ProblemIndex;
import io.fairlead.core.internal.Scoring;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lower bounds on the largest weighted value and on the value-balance term. */
class ValueBoundTest {

  /** The fractional bound may lose at most Σ 1/(4w) square value units, i.e. ~1e-6 here. */
  private static final double SLACK = 1e-5;

  @Test
  void lowerBounds_neverExceedTheBestAllocationThatPlacesTheMostLeads() {
    qt().withFixedSeed(31L)
        .withExamples(600)
        .forAll(SmallProblems.problems(7, 3, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              BruteForce brute = BruteForce.of(index);
              ValueBounds b = bounds(index, true);
              assertThat(b.maxLowerBound()).isLessThanOrEqualTo(brute.valueMax + 1e-12);
              assertThat(b.termLowerBound()).isLessThanOrEqualTo(brute.valueTerm + 1e-12);
              assertThat(wholeLeadLevel(index)).isLessThanOrEqualTo(brute.valueMax + 1e-12);
              assertThat(b.maxLowerBound()).isGreaterThanOrEqualTo(wholeLeadLevel(index));
              assertThat(b.maxLowerBound()).isGreaterThanOrEqualTo(0);
              assertThat(b.termLowerBound()).isGreaterThanOrEqualTo(0);
            });
  }

  @Test
  void lowerBounds_stayValidWithoutCapacities() {
    // Without capacities every placeable lead is always placed, so the bound uses every lead.
    qt().withFixedSeed(32L)
        .withExamples(100)
        .forAll(SmallProblems.problems(7, 3, false))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              ValueBounds b = bounds(index, true);
              BruteForce brute = BruteForce.of(index);
              assertThat(b.maxLowerBound()).isLessThanOrEqualTo(brute.valueMax + 1e-12);
              assertThat(b.termLowerBound()).isLessThanOrEqualTo(brute.valueTerm + 1e-12);
            });
  }

  @Test
  void aggregation_givesTheSameBounds() {
    qt().withFixedSeed(33L)
        .withExamples(150)
        .forAll(SmallProblems.problems(80, 8, true))
        .checkAssert(
            problem -> {
              ProblemIndex index =
                  new ProblemIndex(
                      problem.policy(), problem.reps(), problem.leads(), problem.ledger());
              ValueBounds merged = bounds(index, true);
              ValueBounds single = bounds(index, false);
              assertThat(merged.maxLowerBound()).isCloseTo(single.maxLowerBound(), within(1e-9));
              assertThat(merged.termLowerBound()).isCloseTo(single.termLowerBound(), within(1e-9));
            });
  }

  @Test
  void oneRep_boundsEqualItsWholeBook() {
    // Values 10 and 30, mean 20: 0.5 and 1.5 mean leads, V = 2 at weight 1.5 (policy bounds
    // [0.5, 2]): max V/w = 2/1.5, term = 4/1.5.
    Rep a = Rep.builder("a").weight(1.5).build();
    ValueBounds b = bounds(problem(List.of(a), List.of(lead("c0", 10), lead("c1", 30))));
    assertThat(b.maxLowerBound()).isCloseTo(2 / 1.5, within(1e-12));
    assertThat(b.termLowerBound()).isCloseTo(4 / 1.5, within(SLACK));
  }

  @Test
  void oneLeadTwoReps_maxIsTheWholeLead_termIsTheFractionalHalf() {
    // A single lead: whoever takes it holds 1 mean lead, so max >= 1 (the integrality term; the
    // fractional split alone says 0.5). The term stays fractional: 0.25 + 0.25.
    ValueBounds b = bounds(problem(List.of(rep("a"), rep("b")), List.of(lead("c0", 100))));
    assertThat(b.maxLowerBound()).isCloseTo(1.0, within(1e-12));
    assertThat(b.termLowerBound()).isCloseTo(0.5, within(SLACK));
  }

  @Test
  void oneLeadThreeReps_termIsAThirdEachNotARoundedUnit() {
    // 1000 value units over three reps: the integer flow gives 334/333/333, the fractional
    // optimum 1000/3 each. The term must be the fractional 3 × (1/3)², not one from 0.334; the max
    // is the whole lead.
    ValueBounds b =
        bounds(problem(List.of(rep("a"), rep("b"), rep("c")), List.of(lead("c0", 100))));
    assertThat(b.maxLowerBound()).isCloseTo(1.0, within(1e-12));
    assertThat(b.termLowerBound()).isLessThanOrEqualTo(1.0 / 3);
    assertThat(b.termLowerBound()).isCloseTo(1.0 / 3, within(SLACK));
  }

  @Test
  void oneLargeLead_goesWholeToTheHeaviestRep_boundIsExact() {
    // One lead of 1000 and ten of 10 (mean 100: 10 and 0.1 mean leads), reps of weight 1 and 2.
    // Split fractionally every rep would end at 11/3; but the large lead is whole: on b it makes
    // 10/2 = 5, on a 10/1. So max >= 5, and b taking it, a the small ones (1.0), reaches 5.
    Rep b2 = Rep.builder("b").weight(2).build();
    List<Lead> leads = new ArrayList<>(List.of(lead("big", 1000)));
    for (int i = 0; i < 10; i++) {
      leads.add(lead("s" + i, 10));
    }
    ValueBounds b = bounds(problem(List.of(rep("a"), b2), leads));
    assertThat(b.maxLowerBound()).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void oneLargeLead_countsTheTakersPinnedValue() {
    // As above, but b keeps a customer of 500. Values 1000, 500 and ten of 10: mean 1600 / 12,
    // so 7.5, 3.75 and 0.075 mean leads. The large lead on b makes (3.75 + 7.5) / 2 = 5.625, on a
    // 7.5 / 1; split fractionally every rep would end at 12 / 3 = 4. So max >= 5.625, which b
    // taking the large lead and a the small ones (0.75) reaches.
    Rep b2 = Rep.builder("b").weight(2).build();
    List<Lead> leads = new ArrayList<>(List.of(lead("big", 1000)));
    leads.add(Lead.builder("kept").region("N").industry("x").value(500).currentOwner("b").build());
    for (int i = 0; i < 10; i++) {
      leads.add(lead("s" + i, 10));
    }
    ValueBounds b = bounds(problem(List.of(rep("a"), b2), leads));
    assertThat(b.maxLowerBound()).isCloseTo(5.625, within(1e-9));
  }

  @Test
  void weights_shareValueInProportion() {
    // Three leads of equal value, weights 1 and 2: V = 1 and 2, max V/w = 1, term 1 + 4/2 = 3.
    Rep b2 = Rep.builder("b").weight(2).build();
    List<Lead> leads = List.of(lead("c0", 7), lead("c1", 7), lead("c2", 7));
    ValueBounds b = bounds(problem(List.of(rep("a"), b2), leads));
    assertThat(b.maxLowerBound()).isCloseTo(1.0, within(1e-12));
    assertThat(b.termLowerBound()).isCloseTo(3.0, within(SLACK));
  }

  @Test
  void restrictedEligibility_isRespected() {
    // a may take only North leads, b anything. North: three leads of 10; South: one of 10 (mean
    // 10: 1 each). Optimum: b takes the South lead and one North lead: both end at 2. If b could
    // not take North leads, a would hold 3.
    Rep a = Rep.builder("a").regions("N").build();
    Rep b = Rep.builder("b").build();
    List<Lead> leads =
        List.of(
            Lead.builder("n1").region("N").industry("x").value(10).build(),
            Lead.builder("n2").region("N").industry("x").value(10).build(),
            Lead.builder("n3").region("N").industry("x").value(10).build(),
            Lead.builder("s").region("S").industry("x").value(10).build());
    ValueBounds both = bounds(problem(List.of(a, b), leads));
    assertThat(both.maxLowerBound()).isCloseTo(2.0, within(1e-12));
    Rep bSouth = Rep.builder("b").regions("S").build();
    ValueBounds apart = bounds(problem(List.of(a, bSouth), leads));
    assertThat(apart.maxLowerBound()).isCloseTo(3.0, within(1e-12));
    assertThat(apart.termLowerBound()).isCloseTo(3 * 3 + 1 * 1, within(SLACK));
  }

  @Test
  void pinnedValue_staysWithItsOwner() {
    // Rebalancing off: a keeps its customer of value 30 (1.5 mean leads); a free lead of value 10
    // (0.5) goes to b in the optimum: max 1.5, term 2.25 + 0.25.
    List<Lead> leads =
        List.of(
            Lead.builder("kept").region("N").industry("x").value(30).currentOwner("a").build(),
            Lead.builder("free").region("N").industry("x").value(10).build());
    ValueBounds b = bounds(problem(List.of(rep("a"), rep("b")), leads));
    assertThat(b.maxLowerBound()).isCloseTo(1.5, within(1e-12));
    assertThat(b.termLowerBound()).isCloseTo(2.5, within(SLACK));
  }

  @Test
  void leadsThatMayStayOut_areLeftOutOfTheBound() {
    // a holds one lead; two leads only a may take, of values 0 and 40 (mean 20: 0 and 2). Placing
    // the most leads may leave the valuable one out, so the bound must allow V_a = 0.
    Rep a = Rep.builder("a").capacity(1).build();
    List<Lead> leads = List.of(lead("cheap", 0), lead("dear", 40));
    ValueBounds b = bounds(problem(List.of(a), leads));
    assertThat(b.maxLowerBound()).isZero();
    assertThat(b.termLowerBound()).isZero();
  }

  @Test
  void manyEqualLeads_boundIsTheEvenShare() {
    // 600 leads of equal value over 3 equal reps: exactly 200 mean leads each.
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      leads.add(lead("c" + i, 50));
    }
    ValueBounds b = bounds(problem(List.of(rep("a"), rep("b"), rep("c")), leads));
    assertThat(b.maxLowerBound()).isCloseTo(200.0, within(1e-9));
    assertThat(b.termLowerBound()).isCloseTo(3 * 200.0 * 200.0, within(SLACK));
  }

  /** The integrality term alone, in mean leads. */
  private static double wholeLeadLevel(ProblemIndex index) {
    CountFlow count = BoundCalculator.count(index, true);
    long[] base = new long[index.repCount()];
    for (int i = 0; i < index.leadCount(); i++) {
      if (index.pin(i) != ProblemIndex.Pin.FREE) {
        base[index.owner(i)] += index.valueUnits(i);
      }
    }
    return BoundCalculator.wholeLeadLevel(index, count, base) / Scoring.VALUE_UNIT;
  }

  private static ValueBounds bounds(Problem p) {
    return bounds(new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger()), true);
  }

  private static ValueBounds bounds(ProblemIndex index, boolean aggregate) {
    CountFlow count = BoundCalculator.count(index, aggregate);
    return BoundCalculator.value(index, count, aggregate);
  }

  private static Lead lead(String id, double value) {
    return Lead.builder(id).region("N").industry("x").value(value).build();
  }

  private static Problem problem(List<Rep> reps, List<Lead> leads) {
    return Problem.of(Policy.defaults(), reps, leads);
  }
}
