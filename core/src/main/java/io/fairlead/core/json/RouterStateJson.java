package io.fairlead.core.json;

import io.fairlead.core.allocation.Status;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import io.fairlead.core.policy.CatchUp;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.routing.LeadRouter;
import io.fairlead.core.routing.RepSnapshot;
import io.fairlead.core.routing.RouterState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON form of a {@link LeadRouter}'s state (format {@code fairlead-router}, version 2): the
 * settings, each rep as the {@link RepJson rep format} with its ledger, and the book, each lead in
 * the {@link LeadJson lead format}. Each rep also carries what it holds ({@code holds}: leads,
 * value units, leads per tier), derived from the book: written for people and checked on reading,
 * so that a state read under another policy or tier rule is refused, not silently re-scored.
 *
 * <p>{@code catchUp} is the policy's {@link CatchUp} (the policy is the one source of it): written
 * for people and for files of earlier releases, where it was a router setting. On reading it may be
 * left out; when present it must be the policy's, else the state is refused, because the ledger's
 * credits were calibrated under it.
 */
record RouterStateJson(
    String format,
    Integer version,
    Integer period,
    Long sequence,
    Double meanValue,
    String catchUp,
    Double ledgerTolerance,
    List<RepEntry> reps,
    List<BookEntryJson> book) {

  static final String FORMAT = "fairlead-router";
  static final long MAX_SEQUENCE = 1L << 53;
  static final int VERSION = 2;

  private static final Pattern ENTRY = Pattern.compile("^(book|reps)\\[(\\d+)\\]: (.*)$");

  /**
   * A rep with its ledger and holdings.
   *
   * @param rep the rep (required)
   * @param ledger what it received this period (required)
   * @param holds what it holds in the book: derived, optional on reading, checked when present
   */
  record RepEntry(RepJson rep, LedgerJson ledger, HoldsJson holds) {}

  /** A rep's ledger in the current period; every field required. */
  record LedgerJson(Integer received, Long receivedValueUnits, Double credited, Long lastLead) {}

  /** What a rep holds; every field required. */
  record HoldsJson(Integer leads, Long valueUnits, Map<String, Integer> tierLeads) {}

  /** A lead in the book and who holds it; every field required. */
  record BookEntryJson(LeadJson lead, String rep, String status) {}

  static RouterStateJson from(RouterState state, List<RepSnapshot> holdings, Policy policy) {
    List<RepEntry> reps = new ArrayList<>();
    for (int r = 0; r < state.reps().size(); r++) {
      RouterState.RepLedger l = state.reps().get(r);
      RepSnapshot s = holdings.get(r);
      Map<String, Integer> tiers = new LinkedHashMap<>();
      s.tierLeads().forEach((t, n) -> tiers.put(t.name(), n));
      reps.add(
          new RepEntry(
              RepJson.from(l.rep()),
              new LedgerJson(l.received(), l.receivedValueUnits(), l.credited(), l.lastLead()),
              new HoldsJson(s.leads(), s.valueUnits(), tiers)));
    }
    List<BookEntryJson> book = new ArrayList<>();
    for (RouterState.BookEntry b : state.book()) {
      book.add(new BookEntryJson(LeadJson.from(b.lead()), b.rep().value(), b.status().name()));
    }
    return new RouterStateJson(
        FORMAT,
        VERSION,
        state.period(),
        state.sequence(),
        state.meanValue().isPresent() ? state.meanValue().getAsDouble() : null,
        policy.catchUp().toString(),
        state.ledgerTolerance(),
        reps,
        book);
  }

  LeadRouter toRouter(JsonPath at, Policy policy) {
    at.requireAll(this, "meanValue", "catchUp");
    if (sequence < 0 || sequence > MAX_SEQUENCE) {
      throw at.field("sequence").error("must be in [0, 2^53], was " + sequence);
    }
    if (!format.equals(FORMAT)) {
      throw at.field("format").error("must be '" + FORMAT + "', was '" + format + "'");
    }
    if (version != VERSION) {
      throw at.field("version")
          .error("unsupported version " + version + ", this library reads " + VERSION);
    }
    if (catchUp != null) {
      CatchUp saved = at.field("catchUp").check(() -> CatchUp.parse(catchUp));
      if (!saved.equals(policy.catchUp())) {
        throw at.field("catchUp")
            .error(
                "the state was saved under catch-up "
                    + saved
                    + ", but the policy's is "
                    + policy.catchUp()
                    + "; read it with the policy it was saved under (catch-up is a policy setting:"
                    + " Policy.builder().catchUp(...), or \"catchUp\" in the policy JSON)");
      }
    }
    List<RepEntry> entries = at.elements(reps, "reps");
    if (entries.isEmpty()) {
      throw at.field("reps").error("the roster is empty, at least one rep is needed");
    }
    List<RouterState.RepLedger> ledgers = new ArrayList<>();
    Map<RepId, Integer> roster = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonPath here = at.field("reps").index(i);
      RepEntry e = entries.get(i);
      here.requireAll(e, "holds");
      Rep rep = e.rep().toRep(here.field("rep"));
      here = here.labelled("rep " + rep.id());
      if (roster.putIfAbsent(rep.id(), i) != null) {
        throw here.field("rep")
            .field("id")
            .error("duplicate id (also at " + at.field("reps").index(roster.get(rep.id())) + ")");
      }
      for (int j = 0; j < rep.allowedTiers().size(); j++) {
        Tier t = List.copyOf(rep.allowedTiers()).get(j);
        if (!policy.tiers().contains(t)) {
          throw here.field("rep")
              .field("allowedTiers")
              .error(
                  "allowedTiers names tier '"
                      + t
                      + "', which is not in the policy's tier scheme "
                      + policy.tiers().tiers());
        }
      }
      JsonPath ledger = here.field("ledger");
      LedgerJson l = e.ledger();
      ledger.requireAll(l);
      if (l.lastLead() > sequence) {
        throw ledger
            .field("lastLead")
            .error("must be in [-1, sequence " + sequence + "], was " + l.lastLead());
      }
      ledgers.add(
          ledger.check(
              () ->
                  new RouterState.RepLedger(
                      rep, l.received(), l.receivedValueUnits(), l.credited(), l.lastLead()),
              java.util.Set.of("received", "receivedValueUnits", "credited", "lastLead")));
    }
    List<BookEntryJson> held = at.elements(book, "book");
    List<RouterState.BookEntry> bookEntries = new ArrayList<>();
    Map<LeadId, Integer> seen = new HashMap<>();
    for (int i = 0; i < held.size(); i++) {
      JsonPath here = at.field("book").index(i);
      BookEntryJson b = held.get(i);
      here.requireAll(b);
      Lead lead = b.lead().toLead(here.field("lead"));
      here = here.labelled("lead " + lead.id());
      if (seen.putIfAbsent(lead.id(), i) != null) {
        throw here.field("lead")
            .field("id")
            .error("duplicate id (also at " + at.field("book").index(seen.get(lead.id())) + ")");
      }
      RepId rep = here.field("rep").check(() -> RepId.of(b.rep()));
      if (!roster.containsKey(rep)) {
        throw here.field("rep").error("rep '" + rep + "' is not on the roster");
      }
      lead.currentOwner()
          .filter(o -> !roster.containsKey(o))
          .ifPresent(
              o -> {
                throw at.field("book")
                    .index(seen.get(lead.id()))
                    .labelled("lead " + lead.id())
                    .field("lead")
                    .field("currentOwner")
                    .error("currentOwner '" + o + "' is not on the roster");
              });
      here.field("lead").check(() -> policy.tierOf(lead), java.util.Set.of("tier", "attributes"));
      Status s = here.enumValue(Status.class, "status", b.status());
      JsonPath entry = here;
      bookEntries.add(entry.check(() -> new RouterState.BookEntry(lead, rep, s)));
    }
    RouterState state =
        at.check(
            () ->
                new RouterState(
                    period,
                    sequence,
                    meanValue == null ? OptionalDouble.empty() : OptionalDouble.of(meanValue),
                    ledgerTolerance,
                    ledgers,
                    bookEntries),
            java.util.Set.of("period", "sequence", "meanValue", "ledgerTolerance"));
    LeadRouter router;
    try {
      router = LeadRouter.restore(state, policy);
    } catch (IllegalArgumentException e) {
      throw locate(at, e.getMessage()).error(e.getMessage(), e);
    }
    checkHoldings(at, router.snapshot(), policy);
    return router;
  }

  /** Points a restore message of the form {@code "book[3]: ..."} at that entry. */
  private static JsonPath locate(JsonPath at, String message) {
    Matcher m = ENTRY.matcher(message == null ? "" : message);
    if (m.matches()) {
      return at.field(m.group(1)).index(Integer.parseInt(m.group(2)));
    }
    return at;
  }

  /** Fails at the first rep whose written holdings differ from those the book gives. */
  private void checkHoldings(JsonPath at, List<RepSnapshot> derived, Policy policy) {
    for (int i = 0; i < reps.size(); i++) {
      HoldsJson h = reps.get(i).holds();
      if (h == null) {
        continue;
      }
      RepSnapshot s = derived.get(i);
      JsonPath here = at.field("reps").index(i).labelled("rep " + s.rep()).field("holds");
      here.requireAll(h);
      String why = " (was it saved under another policy, tier rule or meanValue?)";
      if (h.leads() != s.leads()) {
        throw here.field("leads")
            .error("was " + h.leads() + ", but the book gives " + s.leads() + why);
      }
      if (h.valueUnits() != s.valueUnits()) {
        throw here.field("valueUnits")
            .error("was " + h.valueUnits() + ", but the book gives " + s.valueUnits() + why);
      }
      Map<String, Integer> tiers = new LinkedHashMap<>();
      s.tierLeads().forEach((t, n) -> tiers.put(t.name(), n));
      if (!tiers.equals(h.tierLeads())) {
        throw here.field("tierLeads")
            .error("was " + h.tierLeads() + ", but the book gives " + tiers + why);
      }
    }
  }
}
