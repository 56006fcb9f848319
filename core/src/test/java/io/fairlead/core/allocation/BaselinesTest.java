package io.fairlead.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaselinesTest {

  private static Lead.Builder lead(String id) {
    return Lead.builder(id).region("East").industry("retail");
  }

  private static List<Lead> leads(int n) {
    List<Lead> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(lead("c" + i).build());
    }
    return out;
  }

  private static Problem problem(List<Rep> reps, List<Lead> leads) {
    return Problem.of(Policy.defaults(), reps, leads);
  }

  private static List<String> owners(Allocation a) {
    return a.outcomes().stream().map(o -> o.rep().map(RepId::value).orElse("-")).toList();
  }

  private static final List<Rep> ABC =
      List.of(Rep.builder("ana").build(), Rep.builder("bob").build(), Rep.builder("cy").build());

  @Test
  void roundRobin_allEligible_cyclesInRosterOrder() {
    Allocation a = Baselines.roundRobin().allocate(problem(ABC, leads(5)));

    assertThat(owners(a)).containsExactly("ana", "bob", "cy", "ana", "bob");
    assertThat(a.method()).isEqualTo("round-robin");
    assertThat(a.outcomes()).extracting(LeadOutcome::status).containsOnly(Status.ASSIGNED);
  }

  @Test
  void roundRobin_ineligibleRep_isSkippedAndThePointerMovesOn() {
    // ana East, bob West, cy anywhere: two queues, East {ana, cy} and West {bob, cy}, each with
    // its own pointer. c1 East → ana; c2 West → bob; c3 East: after ana comes cy; c4 East: after
    // cy the East pointer wraps to ana.
    List<Rep> reps =
        List.of(
            Rep.builder("ana").regions("East").build(),
            Rep.builder("bob").regions("West").build(),
            Rep.builder("cy").build());
    List<Lead> leads =
        List.of(
            lead("c1").build(),
            lead("c2").region("West").build(),
            lead("c3").build(),
            lead("c4").build());

    assertThat(owners(Baselines.roundRobin().allocate(problem(reps, leads))))
        .containsExactly("ana", "bob", "cy", "ana");
  }

  @Test
  void roundRobin_twoQueues_rotateIndependently() {
    // East {ana, bob}, West {cy, dan}. Leads alternate East/West: a single roster-wide pointer
    // would send every East lead to ana (the pointer always lands past bob after a West lead);
    // per-queue pointers alternate ana, bob and cy, dan.
    List<Rep> reps =
        List.of(
            Rep.builder("ana").regions("East").build(),
            Rep.builder("bob").regions("East").build(),
            Rep.builder("cy").regions("West").build(),
            Rep.builder("dan").regions("West").build());
    List<Lead> leads =
        List.of(
            lead("e1").build(),
            lead("w1").region("West").build(),
            lead("e2").build(),
            lead("w2").region("West").build());

    assertThat(owners(Baselines.roundRobin().allocate(problem(reps, leads))))
        .containsExactly("ana", "cy", "bob", "dan");
  }

  @Test
  void roundRobin_fullRep_isSkipped() {
    // bob's capacity is 1: after c2 it is full, so c5 (bob's turn) goes to cy.
    List<Rep> reps =
        List.of(
            Rep.builder("ana").build(),
            Rep.builder("bob").capacity(1).build(),
            Rep.builder("cy").build());

    assertThat(owners(Baselines.roundRobin().allocate(problem(reps, leads(5)))))
        .containsExactly("ana", "bob", "cy", "ana", "cy");
  }

  @Test
  void leastBusy_picksFewestHeldCountingOutsideCustomers_tiesInRosterOrder() {
    // Held outside: ana 2, bob 0, cy 1.
    // c1: 2/0/1 → bob. c2: 2/1/1 → bob (tie with cy, bob first). c3: 2/2/1 → cy. c4: 2/2/2 → ana.
    List<Rep> reps =
        List.of(
            Rep.builder("ana").heldOutside(2).build(),
            Rep.builder("bob").build(),
            Rep.builder("cy").heldOutside(1).build());
    Allocation a = Baselines.leastBusy().allocate(problem(reps, leads(4)));

    assertThat(owners(a)).containsExactly("bob", "bob", "cy", "ana");
    assertThat(a.method()).isEqualTo("least-busy");
  }

  @Test
  void leastBusy_fullRep_isSkipped() {
    // bob holds nothing but may receive no new lead: everything goes to ana.
    List<Rep> reps =
        List.of(
            Rep.builder("ana").heldOutside(5).build(), Rep.builder("bob").newLeadCap(0).build());

    assertThat(owners(Baselines.leastBusy().allocate(problem(reps, leads(2)))))
        .containsExactly("ana", "ana");
  }

  @Test
  void bothBaselines_keepLockedAndKeptLeadsWithTheirOwners() {
    // c1 locked to cy, c2 owned by cy (no rebalancing by default): both stay, c3 is distributed.
    List<Lead> leads =
        List.of(
            lead("c1").currentOwner("cy").locked(true).build(),
            lead("c2").currentOwner("cy").build(),
            lead("c3").build());
    for (Allocator allocator : List.of(Baselines.roundRobin(), Baselines.leastBusy())) {
      Allocation a = allocator.allocate(problem(ABC, leads));

      assertThat(a.outcome(LeadId.of("c1")).rep()).as(allocator.name()).contains(RepId.of("cy"));
      assertThat(a.outcome(LeadId.of("c1")).status()).as(allocator.name()).isEqualTo(Status.LOCKED);
      assertThat(a.outcome(LeadId.of("c2")).rep()).as(allocator.name()).contains(RepId.of("cy"));
      assertThat(a.outcome(LeadId.of("c2")).status()).as(allocator.name()).isEqualTo(Status.KEPT);
      assertThat(a.outcome(LeadId.of("c3")).rep()).as(allocator.name()).contains(RepId.of("ana"));
    }
  }

  @Test
  void bothBaselines_returnEveryLeadExactlyOnceInInputOrder() {
    List<Lead> leads = new ArrayList<>(leads(6));
    leads.add(lead("n1").region("North").build());
    List<Rep> reps =
        List.of(
            Rep.builder("ana").regions("East").capacity(2).build(),
            Rep.builder("bob").regions("East").build());
    for (Allocator allocator : List.of(Baselines.roundRobin(), Baselines.leastBusy())) {
      Allocation a = allocator.allocate(problem(reps, leads));

      assertThat(a.outcomes())
          .extracting(LeadOutcome::lead)
          .containsExactlyElementsOf(leads.stream().map(Lead::id).toList());
      assertThat(a.assignment().size() + a.unassigned().size()).isEqualTo(leads.size());
      assertThat(a.metrics().assigned()).isEqualTo(a.assignment().size());
      assertThat(a.metrics().violations()).isEmpty();
      assertThat(a.score().isFeasible()).isTrue();
    }
  }

  @Test
  void unassignable_noEligibleRep_reasonCountsTheExcludingRules() {
    // n1 is an existing customer in North: ana and bob fail region, cy (a hunter anywhere) role.
    List<Rep> reps =
        List.of(
            Rep.builder("ana").regions("East").build(),
            Rep.builder("bob").regions("West").build(),
            Rep.builder("cy").role(Role.HUNTER).build());
    Lead n1 = lead("n1").region("North").kind(LeadKind.EXISTING_CUSTOMER).build();
    LeadOutcome o = Baselines.roundRobin().allocate(problem(reps, List.of(n1))).outcome(n1.id());

    assertThat(o.status()).isEqualTo(Status.UNASSIGNED);
    assertThat(o.rep()).isEmpty();
    UnassignedReason reason = o.reason().orElseThrow();
    assertThat(reason.kind()).isEqualTo(UnassignedReason.Kind.NO_ELIGIBLE_REP);
    assertThat(reason.excludedBy()).containsExactly(Map.entry("region", 2), Map.entry("role", 1));
    assertThat(reason.message())
        .isEqualTo("no eligible rep among 3: region excluded 2, role excluded 1");
  }

  @Test
  void unassignable_allEligibleFull_reasonCountsTheCaps() {
    // ana: capacity 1; bob: new-lead cap 0; cy is in the wrong region. c1 fills ana, c2 is stuck.
    List<Rep> reps =
        List.of(
            Rep.builder("ana").capacity(1).build(),
            Rep.builder("bob").newLeadCap(0).build(),
            Rep.builder("cy").regions("West").build());
    Allocation a = Baselines.leastBusy().allocate(problem(reps, leads(2)));
    UnassignedReason reason = a.outcome(LeadId.of("c2")).reason().orElseThrow();

    assertThat(owners(a)).containsExactly("ana", "-");
    assertThat(reason.kind()).isEqualTo(UnassignedReason.Kind.ALL_ELIGIBLE_FULL);
    assertThat(reason.excludedBy())
        .containsExactly(Map.entry("capacity", 1), Map.entry("new-lead-cap", 1));
    assertThat(reason.message())
        .isEqualTo("all 2 eligible reps are full: capacity 1, new-lead-cap 1");
  }

  @Test
  void measure_givenAssignment_reportsItsOutcomesAndMetrics() {
    Problem p =
        problem(
            ABC,
            List.of(
                lead("c1").currentOwner("ana").build(), lead("c2").build(), lead("c3").build()));
    Allocation a =
        Baselines.measure(
            p, Map.of(LeadId.of("c1"), RepId.of("bob"), LeadId.of("c2"), RepId.of("bob")), "crm");

    assertThat(a.method()).isEqualTo("crm");
    assertThat(a.outcomes())
        .extracting(LeadOutcome::status)
        .containsExactly(Status.MOVED, Status.ASSIGNED, Status.UNASSIGNED);
    assertThat(a.outcome(LeadId.of("c3")).reason().orElseThrow().kind())
        .isEqualTo(UnassignedReason.Kind.NOT_PLACED);
    assertThat(a.metrics().rep(RepId.of("bob")).leads()).isEqualTo(2);
    assertThat(a.reps()).isEqualTo(a.metrics().reps());
  }

  @Test
  void measure_unknownLead_failsNamingIt() {
    Problem p = problem(ABC, leads(1));
    assertThatThrownBy(() -> Baselines.measure(p, Map.of(LeadId.of("c9"), RepId.of("ana")), "crm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("assignment: lead c9 is not in the problem");
  }

  @Test
  void roundRobin_leadsEitherSideOfASizeBandEdge_goToTheRepOfTheirBand() {
    // ana works 0..99 employees, bob 100..: s50 is ana's, s100 bob's (whatever the order).
    List<Rep> reps =
        List.of(
            Rep.builder("ana").companySizes(SizeRange.of(0, 99)).build(),
            Rep.builder("bob").companySizes(SizeRange.atLeast(100)).build());
    List<Lead> leads =
        List.of(lead("s50").companySize(50).build(), lead("s100").companySize(100).build());
    Allocation a = Baselines.roundRobin().allocate(problem(reps, leads));

    assertThat(owners(a)).containsExactly("ana", "bob");
    assertThat(a.metrics().violations()).isEmpty();
  }

  @Test
  void roundRobin_sizeBandInterior_respectsBands() {
    // Sizes strictly inside the bands (not on an edge) are classed right.
    List<Rep> reps =
        List.of(
            Rep.builder("ana").companySizes(SizeRange.of(0, 99)).build(),
            Rep.builder("bob").companySizes(SizeRange.atLeast(100)).build());
    List<Lead> leads =
        List.of(
            lead("s50").companySize(50).build(),
            lead("s500").companySize(500).build(),
            lead("s60").companySize(60).build());
    Allocation a = Baselines.roundRobin().allocate(problem(reps, leads));

    assertThat(owners(a)).containsExactly("ana", "bob", "ana");
    assertThat(a.outcome(LeadId.of("s60")).reason()).isEqualTo(Optional.empty());
  }
}
