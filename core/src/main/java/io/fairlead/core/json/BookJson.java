package io.fairlead.core.json;

import io.fairlead.core.book.Activity;
import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Change;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of a {@link Book} (format {@code fairlead-book}, version 1): its zone and its log.
 * The state is not written: reading replays the log, which rebuilds it exactly. Each event keeps
 * its hashes, so a document edited by hand is found by {@link Book#verify()} after reading.
 */
record BookJson(String format, Integer version, String zone, String head, List<EventJson> events) {

  static final String FORMAT = "fairlead-book";
  static final int VERSION = 1;

  /**
   * One event; {@code change} holds the fields of its kind of change.
   *
   * @param seq its number, from 1
   * @param at an ISO-8601 instant
   * @param kind the kind's id, e.g. {@code "claimed"}
   */
  record EventJson(
      Long seq,
      String at,
      String kind,
      String actor,
      String reason,
      String rule,
      String previousHash,
      String hash,
      ChangeJson change) {

    static EventJson from(BookEvent e) {
      return new EventJson(
          e.seq(),
          e.at().toString(),
          e.kind().id(),
          e.actor(),
          e.reason(),
          e.rule(),
          e.previousHash(),
          e.hash(),
          BookJson.change(e.change()));
    }
  }

  /**
   * The fields of every kind of change; each kind uses some (see {@code docs/json-format.md}), and
   * a field a kind does not use is an error.
   */
  record ChangeJson(
      RepJson rep,
      String repId,
      String from,
      String until,
      Double share,
      LeadJson lead,
      String leadId,
      String to,
      String coolDownUntil,
      String activity,
      String into,
      String on,
      Double credited,
      String day) {}

  static BookJson from(Book book) {
    List<EventJson> out = new ArrayList<>();
    for (BookEvent e : book.events()) {
      out.add(EventJson.from(e));
    }
    return new BookJson(FORMAT, VERSION, book.clock().getZone().getId(), book.verify().head(), out);
  }

  /** A change's JSON, field by field (the others absent). */
  private static final class Fields {
    RepJson rep;
    String repId;
    String from;
    String until;
    Double share;
    LeadJson lead;
    String leadId;
    String to;
    String coolDownUntil;
    String activity;
    String into;
    String on;
    Double credited;
    String day;

    ChangeJson json() {
      return new ChangeJson(
          rep,
          repId,
          from,
          until,
          share,
          lead,
          leadId,
          to,
          coolDownUntil,
          activity,
          into,
          on,
          credited,
          day);
    }
  }

  private static ChangeJson change(Change c) {
    Fields f = new Fields();
    if (c instanceof Change.RepJoined x) {
      f.rep = RepJson.from(x.rep());
    } else if (c instanceof Change.RepChanged x) {
      f.rep = RepJson.from(x.rep());
    } else if (c instanceof Change.RepLeft x) {
      f.repId = x.rep().value();
    } else if (c instanceof Change.Availability x) {
      f.repId = x.rep().value();
      f.from = x.from().toString();
      f.until = x.to().toString();
      f.share = x.share();
    } else if (c instanceof Change.LeadAdded x) {
      f.lead = LeadJson.from(x.lead());
    } else if (c instanceof Change.LeadUpdated x) {
      f.lead = LeadJson.from(x.lead());
    } else if (c instanceof Change.Owned x) {
      f.leadId = x.lead().value();
      f.to = x.to().value();
    } else if (c instanceof Change.Pooled x) {
      f.leadId = x.lead().value();
      f.coolDownUntil = x.coolDownUntil().toString();
    } else if (c instanceof Change.Touched x) {
      f.leadId = x.lead().value();
      f.activity = x.activity().name();
    } else if (c instanceof Change.Merged x) {
      f.lead = LeadJson.from(x.duplicate());
      f.into = x.into().value();
    } else if (c instanceof Change.Warned x) {
      f.leadId = x.lead().value();
      f.on = x.on().toString();
    } else if (c instanceof Change.Removed x) {
      f.leadId = x.lead().value();
    } else if (c instanceof Change.Unpinned x) {
      f.leadId = x.lead().value();
    } else if (c instanceof Change.Calibrated x) {
      f.repId = x.rep().value();
      f.credited = x.credited();
    } else if (c instanceof Change.DayStarted x) {
      f.day = x.day().toString();
    } else {
      throw new AssertionError("a change the JSON cannot write: " + c);
    }
    return f.json();
  }

  Book toBook(JsonPath at, Book.Builder builder) {
    at.requireAll(this, "head");
    if (!format.equals(FORMAT)) {
      throw at.field("format").error("must be '" + FORMAT + "', was '" + format + "'");
    }
    if (version != VERSION) {
      throw at.field("version")
          .error("unsupported version " + version + ", this library reads " + VERSION);
    }
    ZoneId z;
    try {
      z = ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw at.field("zone")
          .error("unknown time zone '" + zone + "', e.g. UTC or Asia/Shanghai", e);
    }
    List<EventJson> list = at.elements(events, "events");
    List<BookEvent> log = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonPath here = at.field("events").index(i);
      log.add(event(here, list.get(i)));
    }
    Book book;
    try {
      book = Book.replay(log, builder);
    } catch (IllegalArgumentException e) {
      throw locate(at, e.getMessage()).error(e.getMessage(), e);
    }
    if (!book.clock().getZone().equals(z)) {
      throw at.field("zone")
          .error(
              "the log was written in zone "
                  + z
                  + ", the book's clock is in "
                  + book.clock().getZone()
                  + "; its days would differ");
    }
    if (head != null && !head.equals(book.verify().head())) {
      throw at.field("head")
          .error("is not the hash of the last event: the log was cut or extended after writing");
    }
    return book;
  }

  /** Points a replay message of the form {@code "book event 7 (...)"} at that event. */
  private static JsonPath locate(JsonPath at, String message) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^book event (\\d+) ")
            .matcher(message == null ? "" : message);
    if (m.find()) {
      long seq = Long.parseLong(m.group(1));
      if (seq >= 1 && seq <= Integer.MAX_VALUE) {
        return at.field("events").index((int) seq - 1);
      }
    }
    return at;
  }

  /** Reads a required date field of a change. */
  static LocalDate date(JsonPath at, String field, String value) {
    at.required(value, field);
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw at.field(field).error("expected a date such as 2026-03-01, was '" + value + "'", e);
    }
  }

  static <T> T id(JsonPath at, String field, String value, Function<String, T> of) {
    at.required(value, field);
    return at.field(field).check(() -> of.apply(value));
  }

  /** Fails at the first field set that a change of this kind does not use. */
  static void only(JsonPath at, ChangeJson c, String kind, String... used) {
    Set<String> allowed = new LinkedHashSet<>(List.of(used));
    for (java.lang.reflect.RecordComponent rc : ChangeJson.class.getRecordComponents()) {
      Object v;
      try {
        v = rc.getAccessor().invoke(c);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + rc, e);
      }
      if (v != null && !allowed.contains(rc.getName())) {
        throw at.field(rc.getName())
            .error(
                "the change of a '"
                    + kind
                    + "' event has no field '"
                    + rc.getName()
                    + "' (its fields: "
                    + allowed
                    + ")");
      }
    }
  }

  static Change toChange(JsonPath at, BookEvent.Kind kind, ChangeJson c) {
    Class<? extends Change> type = kind.change();
    String k = kind.id();
    if (type == Change.RepJoined.class || type == Change.RepChanged.class) {
      only(at, c, k, "rep");
      var rep = at.required(c.rep(), "rep").toRep(at.field("rep"));
      return type == Change.RepJoined.class
          ? new Change.RepJoined(rep)
          : new Change.RepChanged(rep);
    } else if (type == Change.RepLeft.class) {
      only(at, c, k, "repId");
      return new Change.RepLeft(id(at, "repId", c.repId(), RepId::of));
    } else if (type == Change.Availability.class) {
      only(at, c, k, "repId", "from", "until", "share");
      RepId rep = id(at, "repId", c.repId(), RepId::of);
      LocalDate from = date(at, "from", c.from());
      LocalDate until = date(at, "until", c.until());
      double share = at.required(c.share(), "share");
      return at.check(() -> new Change.Availability(rep, from, until, share), Set.of("share"));
    } else if (type == Change.LeadAdded.class || type == Change.LeadUpdated.class) {
      only(at, c, k, "lead");
      var lead = at.required(c.lead(), "lead").toLead(at.field("lead"));
      return type == Change.LeadAdded.class
          ? new Change.LeadAdded(lead)
          : new Change.LeadUpdated(lead);
    } else if (type == Change.Owned.class) {
      only(at, c, k, "leadId", "to");
      return new Change.Owned(
          id(at, "leadId", c.leadId(), LeadId::of), id(at, "to", c.to(), RepId::of));
    } else if (type == Change.Pooled.class) {
      only(at, c, k, "leadId", "coolDownUntil");
      return new Change.Pooled(
          id(at, "leadId", c.leadId(), LeadId::of), date(at, "coolDownUntil", c.coolDownUntil()));
    } else if (type == Change.Touched.class) {
      only(at, c, k, "leadId", "activity");
      at.required(c.activity(), "activity");
      return new Change.Touched(
          id(at, "leadId", c.leadId(), LeadId::of),
          at.enumValue(Activity.class, "activity", c.activity()));
    } else if (type == Change.Merged.class) {
      only(at, c, k, "lead", "into");
      var lead = at.required(c.lead(), "lead").toLead(at.field("lead"));
      return new Change.Merged(lead, id(at, "into", c.into(), LeadId::of));
    } else if (type == Change.Warned.class) {
      only(at, c, k, "leadId", "on");
      return new Change.Warned(id(at, "leadId", c.leadId(), LeadId::of), date(at, "on", c.on()));
    } else if (type == Change.Removed.class) {
      only(at, c, k, "leadId");
      return new Change.Removed(id(at, "leadId", c.leadId(), LeadId::of));
    } else if (type == Change.Calibrated.class) {
      only(at, c, k, "repId", "credited");
      RepId rep = id(at, "repId", c.repId(), RepId::of);
      double credited = at.required(c.credited(), "credited");
      return at.check(() -> new Change.Calibrated(rep, credited), Set.of("credited"));
    } else if (type == Change.DayStarted.class) {
      only(at, c, k, "day");
      return new Change.DayStarted(date(at, "day", c.day()));
    } else if (type == Change.Unpinned.class) {
      only(at, c, k, "leadId");
      return new Change.Unpinned(id(at, "leadId", c.leadId(), LeadId::of));
    }
    throw new AssertionError("a change the JSON cannot read: " + type);
  }

  static BookEvent.Kind kind(JsonPath at, String id) {
    for (BookEvent.Kind k : BookEvent.Kind.values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    List<String> known = new ArrayList<>();
    for (BookEvent.Kind k : BookEvent.Kind.values()) {
      known.add(k.id());
    }
    throw at.field("kind").error("unknown kind '" + id + "', expected one of " + known);
  }

  /** Reads an event; its change is checked against its kind. */
  static BookEvent event(JsonPath here, EventJson e) {
    here.requireAll(e);
    BookEvent.Kind kind = kind(here, e.kind());
    Instant at;
    try {
      at = Instant.parse(e.at());
    } catch (DateTimeParseException x) {
      throw here.field("at")
          .error("expected an instant such as 2026-03-01T09:00:00Z, was '" + e.at() + "'", x);
    }
    Change change = toChange(here.field("change"), kind, e.change());
    return here.check(
        () ->
            new BookEvent(
                e.seq(),
                at,
                kind,
                change,
                e.actor(),
                e.reason(),
                e.rule(),
                e.previousHash(),
                e.hash()),
        Set.of("seq"));
  }
}
