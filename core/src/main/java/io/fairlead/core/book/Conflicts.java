package io.fairlead.core.book;

import static com.google.common.base.Preconditions.checkArgument;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.Exclusion;
import io.fairlead.core.policy.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ownership conflicts (撞单): what becomes of a lead that is a customer of the book already, and
 * whether a rep may take a lead. Runs under the book's lock.
 */
final class Conflicts {

  private final Book book;
  private final BookState state;
  private final Lifecycle.Conflicts rules;

  Conflicts(Book book) {
    this.book = book;
    this.state = book.state();
    this.rules = book.lifecycle().conflicts();
  }

  /** The conflict rule's decision on a customer that another rep would take. */
  private record Decision(boolean ownerKeeps, String rule, String why) {}

  Intake intake(Lead lead, String actor, String reason) {
    var id = lead.id();
    Optional<RepId> bringer = lead.currentOwner();
    if (state.knows(id) || state.mergedInto(id).isPresent()) {
      var customer = state.mergedInto(id).orElse(id);
      return new Intake(
          id,
          Intake.Outcome.REPEAT,
          customer,
          state.ownerOf(customer),
          List.of(),
          id
              + " is in the book already"
              + (customer.equals(id) ? "" : " (merged into " + customer + ")"),
          List.of());
    }
    bringer.ifPresent(
        b ->
            checkArgument(state.active(b), "lead %s: currentOwner '%s' is not on the team", id, b));
    List<Intake.Match> matches = book.whoOwnsLocked(lead);
    List<BookEvent> events = new ArrayList<>();
    if (matches.isEmpty()) {
      events.add(
          book.record(BookEvent.Kind.ADDED, new Change.LeadAdded(lead), actor, reason, "intake"));
      if (bringer.isPresent()) {
        events.add(
            book.record(
                BookEvent.Kind.ASSIGNED,
                new Change.Owned(id, bringer.get()),
                actor,
                "it came in with its owner " + bringer.get(),
                "intake:owner"));
        return new Intake(
            id,
            Intake.Outcome.ADDED,
            id,
            bringer,
            matches,
            "added, owned by " + bringer.get(),
            events);
      }
      return new Intake(
          id, Intake.Outcome.ADDED, id, Optional.empty(), matches, "added to the pool", events);
    }
    Intake.Match target =
        matches.stream().filter(m -> m.owner().isPresent()).findFirst().orElse(matches.get(0));
    Customer c = state.customer(target.customer()).orElseThrow();
    String same =
        id
            + " is the same company as "
            + c.id()
            + " ("
            + keys(target)
            + ")"
            + others(matches, target);
    Optional<RepId> owner = c.owner();
    if (owner.isEmpty()) {
      String rule = "conflict:pool";
      List<Exclusion> no = bringer.map(b -> book.rules(b, c.lead(), true)).orElse(List.of());
      boolean gives = bringer.isPresent() && no.isEmpty();
      String why =
          same
              + ", which is in the pool"
              + (bringer.isEmpty()
                  ? ""
                  : gives
                      ? "; " + bringer.get() + " brought it in and takes it"
                      : "; "
                          + bringer.get()
                          + " brought it in but may not take it: "
                          + reasons(no));
      events.add(
          book.record(BookEvent.Kind.MERGED, new Change.Merged(lead, c.id()), actor, why, rule));
      if (gives) {
        events.add(
            book.record(
                BookEvent.Kind.ASSIGNED,
                new Change.Owned(c.id(), bringer.get()),
                actor,
                bringer.get() + " brought in " + id + ", the same company",
                rule));
      }
      return new Intake(
          id, Intake.Outcome.MERGED, c.id(), state.ownerOf(c.id()), matches, why, events);
    }
    RepId u = owner.get();
    if (bringer.isEmpty() || bringer.get().equals(u)) {
      String why = same + ", owned by " + u + "; merged, " + u + " keeps it";
      events.add(
          book.record(
              BookEvent.Kind.MERGED,
              new Change.Merged(lead, c.id()),
              actor,
              why,
              "conflict:owner-keeps"));
      return new Intake(id, Intake.Outcome.MERGED, c.id(), owner, matches, why, events);
    }
    RepId x = bringer.get();
    Decision d = decide(c, x);
    String why = same + ", owned by " + u + " and brought in by " + x + ": " + d.why;
    events.add(
        book.record(BookEvent.Kind.MERGED, new Change.Merged(lead, c.id()), actor, why, d.rule));
    if (!d.ownerKeeps) {
      events.add(
          book.record(BookEvent.Kind.MOVED, new Change.Owned(c.id(), x), actor, why, d.rule));
    }
    return new Intake(
        id, Intake.Outcome.MERGED, c.id(), state.ownerOf(c.id()), matches, why, events);
  }

  /** Whether the owner of {@code c} keeps it against rep {@code x}, by the conflict rule. */
  private Decision decide(Customer c, RepId x) {
    RepId u = c.owner().orElseThrow();
    Tier tier = book.policy().tierOf(c.lead());
    if (c.pinned()) {
      return new Decision(
          true, "conflict:protected", u + " keeps it: pinned by " + c.pinnedBy().orElseThrow());
    }
    if (c.lead().locked()) {
      return new Decision(true, "conflict:protected", u + " keeps it: it is locked to " + u);
    }
    if (rules.protectedTiers().contains(tier)) {
      return new Decision(
          true, "conflict:protected", u + " keeps it: tier " + tier + " customers are protected");
    }
    if (rules.rule() == Lifecycle.ConflictRule.OWNER_KEEPS) {
      return new Decision(
          true, "conflict:owner-keeps", u + " keeps it (the owner keeps a duplicate)");
    }
    LocalDate today = book.today();
    LocalDate since = state.day(c.since());
    LocalDate last = c.lastTouched().map(state::day).filter(since::isBefore).orElse(since);
    long idle = java.time.temporal.ChronoUnit.DAYS.between(last, today);
    if (idle < rules.touchWindowDays()) {
      return new Decision(
          true,
          "conflict:first-touch",
          u
              + " keeps it: it worked it on "
              + last
              + ", within "
              + rules.touchWindowDays()
              + " days");
    }
    List<Exclusion> no = book.rules(x, c.lead(), true);
    if (!no.isEmpty()) {
      return new Decision(
          true,
          "conflict:first-touch",
          u
              + " has not worked it since "
              + last
              + ", but "
              + x
              + " may not take it: "
              + reasons(no));
    }
    return new Decision(
        false,
        "conflict:first-touch",
        u
            + " has not worked it since "
            + last
            + " (the window is "
            + rules.touchWindowDays()
            + " days); "
            + x
            + " touched it first and takes it");
  }

  Verdict mayTake(RepId rep, Lead lead) {
    var id = lead.id();
    var known = state.mergedInto(id).or(() -> state.knows(id) ? Optional.of(id) : Optional.empty());
    if (known.isPresent()) {
      Customer c = state.customer(known.get()).orElseThrow();
      if (c.owner().filter(rep::equals).isPresent()) {
        return Verdict.ALLOWED;
      }
      if (c.pooled()) {
        return new Verdict(book.claimRefusals(rep, c));
      }
      List<Exclusion> no = new ArrayList<>();
      no.add(
          new Exclusion(
              "owned",
              c.id()
                  + " is owned by "
                  + c.owner().orElseThrow()
                  + " since "
                  + state.day(c.since())
                  + "; only the conflict rule or a manager's override moves it"));
      no.addAll(book.rules(rep, c.lead(), true));
      return new Verdict(no);
    }
    List<Exclusion> no = new ArrayList<>();
    for (Intake.Match m : book.whoOwnsLocked(lead)) {
      Customer c = state.customer(m.customer()).orElseThrow();
      if (c.owner().isEmpty() || c.owner().get().equals(rep)) {
        continue;
      }
      Decision d = decide(c, rep);
      if (d.ownerKeeps) {
        no.add(
            new Exclusion(
                d.rule, id + " is the same company as " + c.id() + " (" + keys(m) + "); " + d.why));
      }
    }
    no.addAll(book.rules(rep, lead, true));
    return new Verdict(no);
  }

  private static String keys(Intake.Match m) {
    return m.keys().stream().map(Object::toString).collect(Collectors.joining(", "));
  }

  private static String others(List<Intake.Match> matches, Intake.Match target) {
    List<String> rest = new ArrayList<>();
    for (Intake.Match m : matches) {
      if (m != target) {
        rest.add(m.customer() + m.owner().map(o -> " of " + o).orElse(" in the pool"));
      }
    }
    return rest.isEmpty() ? "" : "; it also matches " + String.join(", ", rest);
  }

  private static String reasons(List<Exclusion> no) {
    return no.stream().map(Exclusion::reason).collect(Collectors.joining("; "));
  }
}
