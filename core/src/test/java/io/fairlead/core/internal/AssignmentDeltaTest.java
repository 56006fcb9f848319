package io.fairlead.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.policy.Objective;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentDeltaTest {

  /** A random problem and a random partial book of it, from one seed. */
  private static Assignment randomBook(long seed) {
    Random rnd = new Random(seed);
    Policy policy =
        Policy.builder()
            .weight(Objective.VALUE, 0.5 + rnd.nextInt(4))
            .weight(Objective.PREFERENCE, rnd.nextDouble())
            .tierWeight("A", 1 + rnd.nextInt(6))
            .allowRebalancing(rnd.nextBoolean())
            .weightBounds(0.25, 4)
            .weight(Objective.RECEIPTS, rnd.nextInt(3))
            .build();
    List<Rep> reps = new ArrayList<>();
    int repCount = 1 + rnd.nextInt(5);
    for (int r = 0; r < repCount; r++) {
      reps.add(
          Rep.builder("r" + r)
              .weight(0.25 + 3 * rnd.nextDouble())
              .role(Role.values()[rnd.nextInt(3)])
              .preferredIndustries(rnd.nextBoolean() ? "retail" : "finance")
              .build());
    }
    List<Lead> leads = new ArrayList<>();
    int leadCount = rnd.nextInt(30);
    for (int i = 0; i < leadCount; i++) {
      Lead.Builder b =
          Lead.builder("c" + i)
              .region("East")
              .industry(rnd.nextBoolean() ? "retail" : "energy")
              .value(rnd.nextInt(5) == 0 ? 0 : Math.exp(8 + 3 * rnd.nextGaussian()))
              .tier(List.of("A", "B", "C").get(rnd.nextInt(3)))
              .kind(rnd.nextBoolean() ? LeadKind.NEW_BUSINESS : LeadKind.EXISTING_CUSTOMER);
      if (rnd.nextInt(3) == 0) {
        b.currentOwner("r" + rnd.nextInt(repCount));
      }
      leads.add(b.build());
    }
    List<Ledger.Entry> ledger = new ArrayList<>();
    for (Rep r : reps) {
      if (rnd.nextBoolean()) {
        int received = rnd.nextInt(4);
        ledger.add(new Ledger.Entry(r.id(), received, received + 0.75 * rnd.nextInt(4)));
      }
    }
    Problem problem = Problem.of(policy, reps, leads, Ledger.of(ledger));
    ProblemIndex index =
        new ProblemIndex(problem.policy(), problem.reps(), problem.leads(), problem.ledger());
    Assignment book = new Assignment(index);
    for (int i = 0; i < leadCount; i++) {
      int[] e = index.eligible(i);
      if (e.length > 0 && rnd.nextBoolean()) {
        book.assign(i, e[rnd.nextInt(e.length)]);
      }
    }
    return book;
  }

  @Test
  void softDeltaAssign_equalsTheSoftPartOfDeltaAssign_forEveryUnassignedLeadAndRep() {
    qt().withFixedSeed(20261122L)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              Assignment book = randomBook(seed);
              ProblemIndex index = book.index();
              for (int i = 0; i < index.leadCount(); i++) {
                if (book.repOf(i) >= 0) {
                  continue;
                }
                for (int r = 0; r < index.repCount(); r++) {
                  long before = book.score().soft();
                  assertThat(book.softDeltaAssign(i, r))
                      .as("seed %s lead %s rep %s", seed, i, r)
                      .isEqualTo(book.deltaAssign(i, r)[1]);
                  assertThat(book.score().soft()).isEqualTo(before);
                }
              }
            });
  }

  @Test
  void softDeltaAssign_equalsTheChangeOfTheFullScore() {
    qt().withFixedSeed(7L)
        .withExamples(100)
        .forAll(longs().all(), integers().between(0, 1000))
        .checkAssert(
            (seed, pick) -> {
              Assignment book = randomBook(seed);
              ProblemIndex index = book.index();
              for (int i = 0; i < index.leadCount(); i++) {
                if (book.repOf(i) < 0 && index.repCount() > 0) {
                  int r = pick % index.repCount();
                  long before = book.score().soft();
                  long delta = book.softDeltaAssign(i, r);
                  book.assign(i, r);
                  assertThat(book.score().soft() - before).isEqualTo(delta);
                  return;
                }
              }
            });
  }

  private static ProblemIndex index(Problem p) {
    return new ProblemIndex(p.policy(), p.reps(), p.leads(), p.ledger());
  }
}
