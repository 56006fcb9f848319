package io.fairlead.service.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Change;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import io.fairlead.service.ServiceConfig;
import io.fairlead.service.bench.Invariants.AuditLine;
import io.fairlead.service.bench.Invariants.Check;
import io.fairlead.service.bench.Invariants.LedgerLine;
import io.fairlead.service.bench.Invariants.Observed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The load's checks hold for what the library's book does under any load, and each one finds the
 * damage it is there for: a lost acknowledged event, a customer given to a second rep, a receipt
 * over a cap, a customer in two places, a ledger or holdings that disagree with the log, a gap in
 * the audit log.
 */
class InvariantsTest {

  private static final long SEED = 0x10AD_0001L;

  private final Workload workload = new Workload(8, 2, 150, 3);
  private final ServiceConfig config = config(workload);

  private static ServiceConfig config(Workload w) {
    return ServiceConfig.read(w.configJson("jdbc:h2:mem:unused", "sa", ""));
  }

  private record Loaded(Workload.Result result, Observed seen) {}

  private static Loaded load(Workload w, ServiceConfig config) {
    BookTarget book = new BookTarget(config);
    w.addTeam(book);
    return new Loaded(w.run(book), book.observe());
  }

  private static Check named(List<Check> checks, String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void anyLoadOnTheBook_meetsEveryInvariant() {
    qt().withFixedSeed(SEED)
        .withExamples(12)
        .forAll(longs().between(0, 1_000_000), integers().between(1, 4), integers().between(4, 24))
        .checkAssert(
            (seed, threads, reps) -> {
              Workload w = new Workload(reps, threads, 80, seed);
              Loaded l = load(w, config(w));
              List<Check> checks = Invariants.check(l.result(), l.seen(), config(w));
              assertThat(checks).as("seed %s: %s", seed, checks).allMatch(Check::holds);
              assertThat(checks).hasSize(7); // the book has no audit log
              assertThat(l.result().answered()).isEqualTo(threads * 80);
            });
  }

  @Test
  void theLoad_claimsReleasesAndMeetsTheCaps() {
    Loaded l = load(workload, config);

    assertThat(l.result().acks())
        .extracting(Workload.Ack::op)
        .contains(Workload.Op.ROUTE, Workload.Op.CLAIM, Workload.Op.RELEASE);
    assertThat(l.result().refused()).as("claims a rule refused").isPositive();
    assertThat(l.result().acks())
        .as("leads no rep could take, for the caps")
        .anyMatch(a -> a.op() == Workload.Op.ROUTE && a.answer().owner() == null);
  }

  @Test
  void anAcknowledgedEventMissingFromTheLog_isFound() {
    Loaded l = load(workload, config);
    List<BookEvent> log = l.seen().events();

    Observed lost = with(l.seen(), log.subList(0, log.size() - 1));

    Check c =
        named(Invariants.check(l.result(), lost, config), "acknowledged decisions are in the log");
    assertThat(c.holds()).isFalse();
    assertThat(c.detail()).contains("is not in the log of " + (log.size() - 1));
  }

  @Test
  void aCustomerAssignedWhileItHasAnOwner_isFound() {
    Loaded l = load(workload, config);
    Map.Entry<String, List<String>> holder =
        l.seen().customers().entrySet().stream()
            .filter(e -> !e.getValue().isEmpty())
            .findFirst()
            .orElseThrow();
    String customer = holder.getValue().get(0);
    String other = holder.getKey().equals("r000") ? "r001" : "r000";
    List<BookEvent> log = new ArrayList<>(l.seen().events());
    BookEvent last = log.get(log.size() - 1);
    log.add(
        new BookEvent(
            last.seq() + 1,
            last.at(),
            BookEvent.Kind.ASSIGNED,
            new Change.Owned(LeadId.of(customer), RepId.of(other)),
            "manager:lee",
            "a second owner",
            "router",
            last.hash(),
            ""));

    Check c =
        named(
            Invariants.check(l.result(), with(l.seen(), log), config),
            "no customer held by two reps");
    assertThat(c.holds()).isFalse();
    assertThat(c.detail()).contains(customer + " to " + other + " while " + holder.getKey());
  }

  @Test
  void aReceiptOverTheCapacity_isFound() {
    Loaded l = load(workload, config);
    String busiest =
        l.seen().ledger().entrySet().stream()
            .max(Comparator.comparingInt(e -> e.getValue().received()))
            .orElseThrow()
            .getKey();
    List<BookEvent> log = new ArrayList<>();
    for (BookEvent e : l.seen().events()) {
      if (e.change() instanceof Change.RepJoined j && j.rep().id().value().equals(busiest)) {
        e =
            new BookEvent(
                e.seq(),
                e.at(),
                e.kind(),
                new Change.RepJoined(j.rep().toBuilder().capacity(0).build()),
                e.actor(),
                e.reason(),
                e.rule(),
                e.previousHash(),
                e.hash());
      }
      log.add(e);
    }

    Check c = named(Invariants.check(l.result(), with(l.seen(), log), config), "no cap exceeded");
    assertThat(c.holds()).isFalse();
    assertThat(c.detail()).contains(busiest + " holds 1, capacity 0");
  }

  @Test
  void aCustomerInTwoPlaces_andHoldingsOrALedgerThatDisagreeWithTheLog_areFound() {
    Loaded l = load(workload, config);
    Observed s = l.seen();
    String rep = s.customers().keySet().stream().sorted().findFirst().orElseThrow();
    String customer =
        s.customers().values().stream().filter(x -> !x.isEmpty()).findFirst().get().get(0);
    List<String> pool = new ArrayList<>(s.pool());
    pool.add(customer);
    Map<String, LedgerLine> ledger = new HashMap<>(s.ledger());
    LedgerLine line = ledger.get(rep);
    ledger.put(rep, new LedgerLine(line.holding(), line.received() + 1, line.credited()));

    List<Check> twice =
        Invariants.check(
            l.result(),
            new Observed(
                s.events(),
                s.customers(),
                pool,
                s.periodStart(),
                s.ledger(),
                null,
                s.verification()),
            config);
    List<Check> ledgerOff =
        Invariants.check(
            l.result(),
            new Observed(
                s.events(),
                s.customers(),
                s.pool(),
                s.periodStart(),
                ledger,
                null,
                s.verification()),
            config);

    assertThat(named(twice, "every routed lead is in the book once").detail())
        .contains("customer " + customer + " is in 2 places");
    assertThat(named(twice, "holdings and pool equal the replay").holds()).isFalse();
    assertThat(named(ledgerOff, "the ledger equals the replay").holds()).isFalse();
    assertThat(named(ledgerOff, "holdings and pool equal the replay").holds()).isTrue();
  }

  @Test
  void anAuditLogThatAccountsForEveryEvent_holds_andOneWithAGap_isFound() {
    Loaded l = load(workload, config);
    List<AuditLine> audit = audit(l);

    Check whole = named(Invariants.check(l.result(), withAudit(l.seen(), audit), config), AUDIT);
    List<AuditLine> gap = new ArrayList<>(audit);
    gap.remove(gap.size() / 2);
    for (int i = gap.size() / 2; i < gap.size(); i++) {
      AuditLine a = gap.get(i);
      gap.set(
          i,
          new AuditLine(
              i + 1,
              a.actor(),
              a.action(),
              a.target(),
              a.outcome(),
              a.status(),
              a.firstEvent(),
              a.lastEvent()));
    }
    Check broken = named(Invariants.check(l.result(), withAudit(l.seen(), gap), config), AUDIT);

    assertThat(whole.holds()).as(whole.detail()).isTrue();
    assertThat(broken.holds()).isFalse();
    assertThat(broken.detail()).contains("expected from");
  }

  private static final String AUDIT = "the audit log accounts for every event";

  /** The audit log a service would write for this load: a line per decision and refusal. */
  private static List<AuditLine> audit(Loaded l) {
    Map<Long, Workload.Ack> byFirst = new HashMap<>();
    for (Workload.Ack a : l.result().acks()) {
      if (a.answer().events().length > 0) {
        byFirst.put(a.answer().events()[0], a);
      }
    }
    List<AuditLine> out = new ArrayList<>();
    long seq = 1;
    while (seq <= l.seen().events().size()) {
      Workload.Ack a = byFirst.get(seq);
      long last = a == null ? seq : a.answer().events()[a.answer().events().length - 1];
      out.add(
          new AuditLine(
              out.size() + 1,
              "lee",
              a == null ? "add-rep" : a.op().id(),
              "-",
              "done",
              a == null ? 201 : a.answer().status(),
              seq,
              last));
      seq = last + 1;
    }
    for (int i = 0; i < l.result().refused(); i++) {
      out.add(new AuditLine(out.size() + 1, "r000", "claim", "-", "refused", 409, null, null));
    }
    return out;
  }

  private static Observed with(Observed s, List<BookEvent> events) {
    return new Observed(
        events, s.customers(), s.pool(), s.periodStart(), s.ledger(), s.audit(), s.verification());
  }

  private static Observed withAudit(Observed s, List<AuditLine> audit) {
    return new Observed(
        s.events(), s.customers(), s.pool(), s.periodStart(), s.ledger(), audit, s.verification());
  }
}
