package io.fairlead.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.fairlead.core.book.Customer;
import io.fairlead.core.book.Intake;
import io.fairlead.core.book.RosterEntry;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Exclusion;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The service's own response bodies (the library's documents are embedded as they are). */
final class Views {

  private Views() {}

  /** A decision on a lead: where it went and why, and the book events that record it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Decision(
      String lead,
      String outcome,
      String customer,
      String owner,
      String reason,
      List<MatchView> matches,
      List<Long> events) {

    static Decision of(Intake in, Caller viewer) {
      return new Decision(
          in.lead().value(),
          in.outcome().name().toLowerCase(java.util.Locale.ROOT),
          in.customer().value(),
          in.owner().map(RepId::value).orElse(null),
          in.reason(),
          in.matches().stream().map(m -> MatchView.of(m, viewer)).toList(),
          in.events().stream().map(e -> e.seq()).toList());
    }
  }

  /**
   * A customer the lead shares a key with. For a rep, another rep's name is not shown: {@code
   * owner} is null and {@code ownedByAnotherRep} true.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MatchView(String customer, String owner, Boolean ownedByAnotherRep, List<String> keys) {
    static MatchView of(Intake.Match m, Caller viewer) {
      boolean hide =
          viewer.role() == Role.REP && m.owner().isPresent() && !viewer.is(m.owner().get());
      return new MatchView(
          m.customer().value(),
          hide ? null : m.owner().map(RepId::value).orElse(null),
          m.owner().isEmpty() ? null : hide,
          m.keys().stream().map(String::valueOf).sorted().toList());
    }
  }

  /** A customer of the book: who owns it, since when, its cool-downs and pin, and its record. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CustomerView(
      String id,
      String owner,
      boolean pooled,
      String since,
      String lastTouched,
      String lastDeal,
      String pinnedBy,
      String coveredFor,
      String warnedFor,
      Map<String, String> coolDown,
      List<String> duplicates,
      @JsonRawValue String lead) {

    static CustomerView of(Customer c) {
      Map<String, String> cool = new TreeMap<>();
      c.coolDown().forEach((r, d) -> cool.put(r.value(), d.toString()));
      return new CustomerView(
          c.id().value(),
          c.owner().map(RepId::value).orElse(null),
          c.pooled(),
          c.since().toString(),
          c.lastTouched().map(Object::toString).orElse(null),
          c.lastDeal().map(Object::toString).orElse(null),
          c.pinnedBy().orElse(null),
          c.coveredFor().map(RepId::value).orElse(null),
          c.warnedFor().map(Object::toString).orElse(null),
          cool,
          c.duplicates().stream().map(d -> d.value()).toList(),
          FairleadJson.writeLead(c.lead()));
    }
  }

  /** A rep on the roster. */
  record RepView(String id, boolean active, String joined, String left, @JsonRawValue String rep) {
    static RepView of(RosterEntry e) {
      return new RepView(
          e.rep().id().value(),
          e.active(),
          e.joined().toString(),
          e.left().map(Object::toString).orElse(null),
          FairleadJson.writeRep(e.rep()));
    }
  }

  /** A rule that said no, and why. */
  record RuleView(String rule, String reason) {
    static RuleView of(Exclusion e) {
      return new RuleView(e.rule(), e.reason());
    }
  }

  /** Whether a rep may take a lead now. */
  record MayTake(String rep, String lead, boolean allowed, List<RuleView> rules) {}

  /** One rep's line of the period ledger. */
  record LedgerLine(String rep, boolean active, int holding, int received, double credited) {}

  /** A change recorded: its events. */
  record Recorded(String action, String lead, List<Long> events, String reason) {}
}
