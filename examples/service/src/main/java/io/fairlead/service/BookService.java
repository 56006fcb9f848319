package io.fairlead.service;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.book.Verification;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.examples.MavenCrmData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's book and its durability: one writer at a time changes the book, and a decision is
 * answered only after its events and its audit line are committed to the database. Readers never
 * see a decision that is not yet stored (a read-write lock: writers hold it through the commit). If
 * a commit fails, the book is rebuilt from the database, so memory never runs ahead of what is
 * stored, and the caller gets 503 with nothing changed.
 *
 * <p>At start the book is rebuilt by replaying the stored log ({@link Book#replay}); the policy,
 * lifecycle and zone it was written under are stored with it and must match the configuration.
 */
final class BookService {

  private static final Logger LOG = LoggerFactory.getLogger(BookService.class);

  /** What the decision answers and how the audit log words it. */
  record Done<T>(T value, int status, String detail) {}

  private final ServiceConfig config;
  private final Store store;
  private final Clock clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

  // guarded by lock (written under the write lock)
  private Book book;
  private long lastSeq;
  private long lastAuditId;
  private String lastAuditHash;

  private BookService(ServiceConfig config, Store store, Clock clock) {
    this.config = config;
    this.store = store;
    this.clock = clock;
  }

  /**
   * The book of the database: its stored log replayed, or for an empty database with {@code sample}
   * configured, the bundled Maven CRM sample imported (one decision in the audit log).
   *
   * @throws IllegalStateException if the database's book was written under another policy,
   *     lifecycle or zone, or its log does not replay
   */
  static BookService open(ServiceConfig config, Store store, Clock clock) {
    requireNonNull(config, "config");
    BookService s = new BookService(config, store, clock);
    s.checkMeta();
    s.load();
    if (s.lastSeq == 0 && config.sample()) {
      s.importSample();
    }
    return s;
  }

  private Book.Builder builder() {
    return Book.builder(config.policy()).lifecycle(config.lifecycle()).clock(clock);
  }

  private List<String[]> metaToWrite() {
    if (store.meta("policy").isPresent()) {
      return List.of();
    }
    return List.of(
        new String[] {"policy", config.policyJson()},
        new String[] {"lifecycle", lifecycleText(config.lifecycle())},
        new String[] {"zone", clock.getZone().getId()});
  }

  private void checkMeta() {
    check("policy", config.policyJson());
    check("lifecycle", lifecycleText(config.lifecycle()));
    check("zone", clock.getZone().getId());
  }

  private void check(String name, String configured) {
    Optional<String> stored = store.meta(name);
    if (stored.isPresent() && !stored.get().equals(configured)) {
      throw new IllegalStateException(
          "the database's book was written under another "
              + name
              + " than the configuration's; a book replays only under its own (stored: "
              + abbreviate(stored.get())
              + ", configured: "
              + abbreviate(configured)
              + ")");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /** The lifecycle in a canonical text: its JSON, tiers sorted. */
  static String lifecycleText(Lifecycle l) {
    return FairleadJson.writeLifecycle(l);
  }

  /** Rebuilds the book and the audit chain's head from the database. */
  private void load() {
    List<BookEvent> events = store.events();
    Book b = Book.replay(events, builder());
    Verification v = b.verify();
    if (!v.intact()) {
      throw new IllegalStateException("the stored book's log is broken: " + v.problem());
    }
    Optional<AuditEntry> last = store.lastAudit();
    book = b;
    lastSeq = events.size();
    lastAuditId = last.map(AuditEntry::id).orElse(0L);
    lastAuditHash = last.map(AuditEntry::hash).orElse("");
    LOG.info("book loaded: {} events, {} audit lines", lastSeq, lastAuditId);
  }

  private void importSample() {
    MavenCrmData data = MavenCrmData.load();
    Caller system = new Caller("import", Role.ADMIN, Optional.empty());
    write(
        system,
        "import-sample",
        "book",
        b -> {
          for (Rep r : data.reps()) {
            b.addRep(r, system.bookActor(), "on the team in the Maven CRM sample");
          }
          for (Lead l : data.book().leads()) {
            b.add(l, system.bookActor(), "open in the Maven CRM sample");
          }
          return new Done<>(
              null,
              200,
              "imported the Maven CRM sample: "
                  + data.reps().size()
                  + " reps, "
                  + data.leads().size()
                  + " open deals");
        });
  }

  /** Reads the book under the read lock: never a decision that is not stored. */
  <T> T read(Function<Book, T> query) {
    lock.readLock().lock();
    try {
      return query.apply(book);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Makes a decision: runs {@code op} on the book under the write lock, then commits its events and
   * an audit line in one transaction, and only then returns. An {@link ApiError} that refuses (401,
   * 403, 409) is audited as a refusal before it is rethrown; a failed commit rebuilds the book from
   * the database and answers 503.
   */
  <T> T write(Caller caller, String action, String target, Function<Book, Done<T>> op) {
    lock.writeLock().lock();
    try {
      Done<T> done;
      try {
        done = op.apply(book);
      } catch (ApiError e) {
        if (!book.eventsAfter(lastSeq).isEmpty()) {
          reloadAfter(e);
          throw e;
        }
        if (refusal(e.status()) && !e.isAudited()) {
          commitAudit(caller, action, target, e, List.of());
          e.audited();
        }
        throw e;
      } catch (RuntimeException e) {
        if (!book.eventsAfter(lastSeq).isEmpty()) {
          reloadAfter(e);
        }
        throw e;
      }
      List<BookEvent> fresh = book.eventsAfter(lastSeq);
      AuditEntry a =
          AuditEntry.next(
              lastAuditId + 1,
              clock.instant(),
              caller,
              action,
              target,
              "done",
              done.status(),
              done.detail(),
              fresh.isEmpty() ? Optional.empty() : Optional.of(fresh.get(0).seq()),
              fresh.isEmpty() ? Optional.empty() : Optional.of(fresh.get(fresh.size() - 1).seq()),
              lastAuditHash);
      try {
        store.commit(fresh, a, metaToWrite());
      } catch (RuntimeException e) {
        reloadAfter(e);
        throw ApiError.of(
            503,
            "unavailable",
            "the decision could not be stored, so nothing changed: " + e.getMessage());
      }
      lastSeq += fresh.size();
      lastAuditId = a.id();
      lastAuditHash = a.hash();
      return done.value();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Whether an answer is a refusal the audit log keeps: 403 (the role may not) and 409 (the rules
   * say no). A 401 has no actor to name; it is logged, not audited, so traffic without a token
   * cannot write to the database.
   */
  static boolean refusal(int status) {
    return status == 403 || status == 409;
  }

  /** Audits a refusal made outside a decision (a read the caller may not make, a bad token). */
  void refuse(Caller caller, String action, String target, ApiError e) {
    lock.writeLock().lock();
    try {
      commitAudit(caller, action, target, e, List.of());
      e.audited();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void commitAudit(
      Caller caller, String action, String target, ApiError e, List<BookEvent> none) {
    AuditEntry a =
        AuditEntry.next(
            lastAuditId + 1,
            clock.instant(),
            caller,
            action,
            target,
            "refused",
            e.status(),
            e.getMessage(),
            Optional.empty(),
            Optional.empty(),
            lastAuditHash);
    try {
      store.commit(none, a, List.of());
    } catch (RuntimeException x) {
      LOG.warn("a refusal could not be audited: {}", x.getMessage());
      throw ApiError.of(503, "unavailable", "the refusal could not be audited: " + x.getMessage());
    }
    lastAuditId = a.id();
    lastAuditHash = a.hash();
  }

  private void reloadAfter(Exception cause) {
    LOG.warn("rebuilding the book from the database after: {}", cause.toString());
    try {
      load();
    } catch (RuntimeException e) {
      LOG.error("the book could not be rebuilt from the database", e);
      throw ApiError.of(503, "unavailable", "the database cannot be read: " + e.getMessage());
    }
  }

  /** The stored log and audit log, checked: both chains intact and the book in memory equal. */
  Map<String, Object> verify() {
    lock.readLock().lock();
    try {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      List<BookEvent> stored = store.events();
      Book replayed = Book.replay(stored, builder());
      Verification v = replayed.verify();
      Verification mem = book.verify();
      out.put("bookIntact", v.intact());
      out.put("bookEvents", stored.size());
      out.put("bookHead", v.head());
      out.put("memoryMatchesDatabase", v.head().equals(mem.head()) && stored.size() == lastSeq);
      if (!v.intact()) {
        out.put("bookProblem", v.problem());
      }
      List<AuditEntry> audit = store.audit(0, Integer.MAX_VALUE);
      String previous = "";
      long expectedId = 1;
      long nextEvent = 1;
      String auditProblem = null;
      for (AuditEntry a : audit) {
        if (a.id() != expectedId || !a.previousHash().equals(previous) || !a.intact()) {
          auditProblem = "audit line " + a.id() + " does not follow from the one before";
          break;
        }
        if (a.firstEvent().isPresent()) {
          if (a.firstEvent().get() != nextEvent) {
            auditProblem =
                "audit line "
                    + a.id()
                    + " records events from "
                    + a.firstEvent().get()
                    + ", expected "
                    + nextEvent;
            break;
          }
          nextEvent = a.lastEvent().orElseThrow() + 1;
        }
        previous = a.hash();
        expectedId++;
      }
      if (auditProblem == null && nextEvent != stored.size() + 1) {
        auditProblem =
            "the audit log accounts for book events up to "
                + (nextEvent - 1)
                + " of "
                + stored.size();
      }
      out.put("auditIntact", auditProblem == null);
      out.put("auditLines", audit.size());
      if (auditProblem != null) {
        out.put("auditProblem", auditProblem);
      }
      out.put(
          "intact",
          v.intact()
              && auditProblem == null
              && Boolean.TRUE.equals(out.get("memoryMatchesDatabase")));
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The stored audit log, from line {@code after + 1}. */
  List<AuditEntry> audit(long after, int limit) {
    return store.audit(after, limit);
  }

  /** The book's events after {@code after}, as JSON documents. */
  List<String> events(long after, int limit) {
    return read(
        b -> {
          List<String> out = new ArrayList<>();
          for (BookEvent e : b.eventsAfter(after)) {
            if (out.size() == limit) {
              break;
            }
            out.add(FairleadJson.writeBookEvent(e));
          }
          return out;
        });
  }

  boolean ready() {
    return store.alive();
  }

  Clock clock() {
    return clock;
  }

  ServiceConfig config() {
    return config;
  }
}
