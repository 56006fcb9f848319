package io.fairlead.service.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Claim;
import io.fairlead.core.book.Customer;
import io.fairlead.core.book.Intake;
import io.fairlead.core.book.RosterEntry;
import io.fairlead.core.book.Verification;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Ledger;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Exclusion;
import io.fairlead.service.ServiceConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The library's {@link Book} called directly, as the service calls it but with no HTTP and no
 * database: the baseline of what the service adds. Each decision runs under one lock, as under the
 * service's write lock, so a release checks its owner and releases in one step.
 */
final class BookTarget implements Workload.Target {

  private static final String MANAGER = "manager:lee";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Book book;
  private final Object lock = new Object();

  /** An empty book under the configuration's policy, lifecycle and zone, on the system clock. */
  BookTarget(ServiceConfig config) {
    this.book =
        Book.builder(config.policy())
            .lifecycle(config.lifecycle())
            .clock(Clock.system(config.zone()))
            .build();
  }

  @Override
  public Workload.Answer addRep(String repRequestJson) {
    synchronized (lock) {
      Rep rep;
      try {
        rep = FairleadJson.readRep(MAPPER.readTree(repRequestJson).path("rep").toString());
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("rep request: " + e.getOriginalMessage(), e);
      }
      BookEvent e = book.addRep(rep, "admin:root", "joins");
      return answer(201, null, null, List.of(e), "joins", List.of());
    }
  }

  @Override
  public Workload.Answer route(Workload.LeadSpec spec) {
    Lead lead =
        Lead.builder(spec.id())
            .region(spec.region())
            .industry("retail")
            .value(spec.value())
            .build();
    synchronized (lock) {
      Intake in = book.route(lead, MANAGER);
      boolean repeat = in.outcome() == Intake.Outcome.REPEAT;
      return answer(
          repeat ? 200 : 201,
          in.outcome().name().toLowerCase(Locale.ROOT),
          in.owner().map(RepId::value).orElse(null),
          in.events(),
          in.reason(),
          List.of());
    }
  }

  @Override
  public Workload.Answer claim(int rep, String lead) {
    RepId r = RepId.of(Workload.repId(rep));
    synchronized (lock) {
      Claim c = book.claim(r, LeadId.of(lead));
      if (!c.granted()) {
        return answer(
            409,
            null,
            null,
            List.of(),
            c.refusals().get(0).reason(),
            c.refusals().stream().map(Exclusion::rule).toList());
      }
      BookEvent e = c.event().orElseThrow();
      return answer(200, null, r.value(), List.of(e), e.reason(), List.of());
    }
  }

  @Override
  public Workload.Answer release(int rep, String lead) {
    RepId r = RepId.of(Workload.repId(rep));
    synchronized (lock) {
      Customer c = book.customer(LeadId.of(lead)).orElseThrow();
      if (c.pooled()) {
        return answer(409, null, null, List.of(), lead + " is in the pool", List.of("pool"));
      }
      if (!c.owner().orElseThrow().equals(r)) {
        return answer(403, null, null, List.of(), lead + " is another rep's", List.of());
      }
      String why = "released by rep:" + r;
      BookEvent e = book.release(c.id(), "rep:" + r, why);
      return answer(200, null, null, List.of(e), why, List.of());
    }
  }

  private static Workload.Answer answer(
      int status,
      String outcome,
      String owner,
      List<BookEvent> events,
      String reason,
      List<String> rules) {
    return new Workload.Answer(
        status, outcome, owner, events.stream().mapToLong(BookEvent::seq).toArray(), reason, rules);
  }

  /** The book as it stands, in the shape the service's reads give (no audit log). */
  Invariants.Observed observe() {
    synchronized (lock) {
      Map<String, List<String>> customers = new HashMap<>();
      Map<String, Invariants.LedgerLine> ledger = new HashMap<>();
      Ledger l = book.ledger();
      for (RosterEntry m : book.roster()) {
        RepId r = m.rep().id();
        List<String> mine = book.ownedBy(r).stream().map(LeadId::value).toList();
        customers.put(r.value(), mine);
        Ledger.Entry x = l.entry(r);
        ledger.put(r.value(), new Invariants.LedgerLine(mine.size(), x.received(), x.credited()));
      }
      Verification v = book.verify();
      return new Invariants.Observed(
          book.events(),
          customers,
          book.pool().stream().map(c -> c.id().value()).toList(),
          book.lifecycle().period().start(book.today()),
          ledger,
          null,
          new Invariants.Verification(
              v.intact(), true, v.intact() ? "the book's log verifies" : v.problem()));
    }
  }
}
