package io.fairlead.examples.docs;

import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.routing.LeadRouter;
import java.util.List;

/**
 * What the routing guide ({@code docs/routing.md}) shows a router printing: explanations of the
 * four kinds of decision, a saved state, and the messages of states that cannot be restored. The
 * routers are the guide's quick start (the same roster and book as {@code RoutingGuideTest}) and
 * small variations of it.
 */
final class RouterOutputs {

  private RouterOutputs() {}

  /** The quick start's policy: the defaults, with a rep back from leave catching up 3 leads. */
  static final Policy QUICK_START = Policy.builder().catchUp(CatchUp.capped(3)).build();

  /** The quick start's router, before it routes anything. */
  static LeadRouter quickStart(Policy policy) {
    List<Rep> reps =
        List.of(
            Rep.builder("ana").regions("East").build(),
            Rep.builder("bob").regions("East").weight(2).build(),
            Rep.builder("cem").regions("West").capacity(120).build());
    List<Lead> owned =
        List.of(
            Lead.builder("c1")
                .region("East")
                .industry("retail")
                .value(20_000)
                .currentOwner("ana")
                .build(),
            Lead.builder("c2")
                .region("West")
                .industry("retail")
                .value(10_000)
                .currentOwner("cem")
                .build());
    return LeadRouter.builder(policy).roster(reps).book(owned).build();
  }

  private static Lead.Builder east(String id) {
    return Lead.builder(id).region("East").industry("retail").value(15_000);
  }

  /**
   * One explanation of each kind, a line each: the quick start's decision; a runner-up that scored
   * better but stood ahead in the ledger; an owned lead whose owner fails a rule; a lead no rep may
   * take.
   */
  static String explanations() {
    Policy policy = Policy.defaults();
    StringBuilder out = new StringBuilder();

    // The quick start: bob, of weight 2 and with an empty book, takes c3.
    out.append(quickStart(policy).route(east("c3").build()).explanation()).append('\n');

    // A strict ledger (tolerance 0): bob takes c3 and so stands ahead when c4 comes, although his
    // lighter book would make him the cheaper choice on score.
    LeadRouter strict =
        LeadRouter.builder(policy)
            .roster(
                List.of(
                    Rep.builder("ana").regions("East").build(),
                    Rep.builder("bob").regions("East").build()))
            .book(List.of(east("c1").value(45_000).currentOwner("ana").build()))
            .meanValue(15_000)
            .ledgerTolerance(0)
            .build();
    strict.route(east("c3").build());
    out.append(strict.route(east("c4").build()).explanation()).append('\n');

    // c5 arrives owned by bob, who works West only: the region rule moves it to ana, alone in East.
    LeadRouter moved =
        LeadRouter.builder(policy)
            .roster(
                List.of(
                    Rep.builder("ana").regions("East").build(),
                    Rep.builder("bob").regions("West").build()))
            .meanValue(15_000)
            .build();
    out.append(moved.route(east("c5").currentOwner("bob").build()).explanation()).append('\n');

    // c6, a new business of 40 employees in East: each rep fails a different rule.
    LeadRouter nobody =
        LeadRouter.builder(policy)
            .roster(
                List.of(
                    Rep.builder("ana").regions("East").available(false).build(),
                    Rep.builder("bob").regions("East").companySizes(SizeRange.atLeast(500)).build(),
                    Rep.builder("cem").regions("West").build(),
                    Rep.builder("dee").regions("East").role(Role.FARMER).build()))
            .meanValue(15_000)
            .build();
    Lead c6 = east("c6").companySize(40).kind(LeadKind.NEW_BUSINESS).build();
    out.append(nobody.route(c6).explanation()).append('\n');
    return out.toString();
  }

  /** The quick start's router after it routed c3, saved. */
  static String savedState() {
    return FairleadJson.writeRouter(quickStartAfterC3()) + "\n";
  }

  /**
   * What reading a broken state says, a line each: a wrong type, a holder not on the roster, a
   * state read under a policy that tiers the leads differently from the one it was saved under, and
   * one read under a policy with another catch-up.
   */
  static String restoreErrors() {
    String saved = FairleadJson.writeRouter(quickStartAfterC3());
    Policy policy = QUICK_START;
    StringBuilder out = new StringBuilder();
    out.append(error(replaceOnce(saved, "\"received\": 0", "\"received\": \"x\""), policy));
    out.append(error(replaceOnce(saved, "\"rep\": \"bob\"", "\"rep\": \"nobody\""), policy));
    Policy byValue =
        Policy.builder()
            .tierRule(
                TierRule.byValue().threshold("A", 18_000).threshold("B", 12_000).otherwise("C"))
            .catchUp(CatchUp.capped(3))
            .build();
    out.append(error(saved, byValue));
    out.append(error(saved, Policy.defaults()));
    return out.toString();
  }

  private static LeadRouter quickStartAfterC3() {
    LeadRouter router = quickStart(QUICK_START);
    router.route(east("c3").build());
    return router;
  }

  private static String error(String json, Policy policy) {
    try {
      FairleadJson.readRouter(json, policy);
    } catch (IllegalArgumentException e) {
      return e.getMessage() + "\n";
    }
    throw new IllegalStateException("the state was restored, but should have been refused");
  }

  private static String replaceOnce(String text, String from, String to) {
    int i = text.indexOf(from);
    if (i < 0) {
      throw new IllegalStateException("the saved state has no " + from + " any more");
    }
    return text.substring(0, i) + to + text.substring(i + from.length());
  }
}
