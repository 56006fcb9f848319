package io.fairlead.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.service.bench.HttpTarget;
import io.fairlead.service.bench.Invariants;
import io.fairlead.service.bench.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision is answered only after it is durable: the service runs as a process of its own ({@code
 * fairlead serve}), client threads route, claim and release, and the process is killed with SIGKILL
 * in the middle of the load, after a number of acknowledged answers drawn from a fixed seed. It is
 * restarted on the same database, and then: every event a reader saw before the kill is in the log
 * with the same content; every acknowledged answer's events are there as answered; nothing is
 * assigned twice; holdings, pool and ledger equal an independent replay of the log; the audit log
 * accounts for every event; the logs verify with the memory equal to the database ({@link
 * Invariants}). Three kills in a row on one database, then a load the restarted service must take.
 * On H2 in a file and on PostgreSQL (a server of its own, which outlives the kill). The design is
 * in {@code docs/service-durability.md}.
 */
class CrashSafetyTest {

  private static final int REPS = 60;
  private static final int THREADS = 6;
  private static final int REQUESTS = 400;

  /** Kills per database; {@code -Dfairlead.crash.kills=30} hunts longer. */
  private static final int KILLS = Integer.getInteger("fairlead.crash.kills", 3);

  private static final long SEED = 20261202;
  private static final Pattern LISTENING =
      Pattern.compile("fairlead service on http://[^:]+:(\\d+)");

  @TempDir Path dir;

  private final List<Child> children = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    children.forEach(c -> c.process.destroyForcibly());
  }

  @Test
  void onH2_everyAcknowledgedDecisionSurvivesSigkill() throws Exception {
    survivesKills(Databases.h2(dir));
  }

  @Test
  void onPostgres_everyAcknowledgedDecisionSurvivesSigkill() throws Exception {
    survivesKills(Databases.postgres());
  }

  private void survivesKills(ServiceConfig.Database db) throws Exception {
    Workload team = new Workload(REPS, THREADS, REQUESTS, SEED);
    String json = team.configJson(db.url(), db.user(), db.password());
    Path config = dir.resolve("fairlead.json");
    Files.writeString(config, json);
    ServiceConfig cfg = ServiceConfig.read(json);
    Random kills = new Random(SEED);

    Child service = start(config);
    team.addTeam(new HttpTarget(service.port));
    List<Workload.Ack> acks = new ArrayList<>();
    int refused = 0;
    Map<Long, String> seen = new ConcurrentHashMap<>();
    for (int run = 1; run <= KILLS; run++) {
      int killAt = 40 + kills.nextInt(260);
      Child killed = service;
      Killing target = new Killing(new HttpTarget(killed.port), killAt, killed);
      Thread reader = reader(new HttpTarget(killed.port), seen, target.killed);
      Workload.Result r =
          new Workload(REPS, THREADS, REQUESTS, SEED + run).run(target, target.killed::get);
      reader.join();

      assertThat(target.killed).as("run %d reached %d acknowledged answers", run, killAt).isTrue();
      assertThat(killed.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(killed.process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
      assertThat(target.failedBeforeKill.get()).as(target.firstFailure.get()).isZero();
      acks.addAll(r.acks());
      refused += r.refused();

      service = start(config);
      HttpTarget after = new HttpTarget(service.port);
      List<String> log = after.eventsJson();
      int same = 0;
      for (Map.Entry<Long, String> e : seen.entrySet()) {
        assertThat(e.getKey()).as("an event seen before the kill").isLessThanOrEqualTo(log.size());
        assertThat(log.get((int) (e.getKey() - 1))).isEqualTo(e.getValue());
        same++;
      }
      List<Invariants.Check> checks =
          Invariants.check(
              new Workload.Result(acks, refused, 0, null, r.latencies(), r.nanos()),
              after.observe(),
              cfg);
      long answered = acks.stream().mapToLong(a -> a.answer().events().length).sum();
      System.out.printf(
          "kill %d on %s after %d acknowledged answers (%d in all), %d requests unanswered;"
              + " after the restart the %d events seen before the kill are unchanged, and the log"
              + " holds %d (%d committed but never answered)%n",
          run,
          db.url().split(":")[1],
          r.acks().size(),
          acks.size(),
          r.failed(),
          same,
          log.size(),
          log.size() - REPS - answered);
      checks.forEach(System.out::println);
      assertThat(checks).as("%s", checks).allMatch(Invariants.Check::holds);
      assertThat(r.acks().size()).isGreaterThanOrEqualTo(killAt);
    }

    HttpTarget t = new HttpTarget(service.port);
    Workload.Result more = new Workload(REPS, 2, 100, SEED - 1).run(t);
    acks.addAll(more.acks());
    refused += more.refused();
    List<Invariants.Check> checks =
        Invariants.check(
            new Workload.Result(acks, refused, 0, null, more.latencies(), more.nanos()),
            t.observe(),
            cfg);
    System.out.printf(
        "after the last restart, %d more requests answered, %d of them acknowledged%n",
        more.answered(), more.acks().size());
    checks.forEach(System.out::println);
    assertThat(more.failed()).as(more.firstFailure()).isZero();
    assertThat(more.acks()).isNotEmpty();
    assertThat(checks).as("%s", checks).allMatch(Invariants.Check::holds);
    service.stop();
  }

  private Child start(Path config) throws IOException, InterruptedException {
    Child c = Child.start(config, dir.resolve("service.log"));
    children.add(c);
    return c;
  }

  /** Reads the log while the load runs, keeping each event's JSON as first seen. */
  private static Thread reader(HttpTarget t, Map<Long, String> seen, AtomicBoolean stop) {
    Thread th =
        new Thread(
            () -> {
              long after = seen.size();
              while (!stop.get()) {
                try {
                  HttpTarget.Response r =
                      t.send("GET", "/v1/book/events?after=" + after, Workload.MANAGER, null);
                  for (var e : r.json().path("events")) {
                    seen.put(++after, e.toString());
                  }
                  Thread.sleep(20);
                } catch (RuntimeException | InterruptedException e) {
                  return; // killed
                }
              }
            },
            "log-reader");
    th.start();
    return th;
  }

  /** A target that kills the service once it has answered {@code killAt} decisions. */
  private static final class Killing implements Workload.Target {
    final Workload.Target inner;
    final int killAt;
    final Child child;
    final AtomicInteger acks = new AtomicInteger();
    final AtomicBoolean killed = new AtomicBoolean();
    final AtomicInteger failedBeforeKill = new AtomicInteger();
    final AtomicReference<String> firstFailure = new AtomicReference<>();

    Killing(Workload.Target inner, int killAt, Child child) {
      this.inner = inner;
      this.killAt = killAt;
      this.child = child;
    }

    private Workload.Answer counted(java.util.function.Supplier<Workload.Answer> call) {
      Workload.Answer a;
      try {
        a = call.get();
      } catch (RuntimeException e) {
        if (!killed.get() && failedBeforeKill.incrementAndGet() == 1) {
          firstFailure.set(e.toString());
        }
        throw e;
      }
      if (a.status() / 100 == 2 && acks.incrementAndGet() == killAt) {
        child.process.destroyForcibly();
        killed.set(true);
      }
      return a;
    }

    @Override
    public Workload.Answer addRep(String repRequestJson) {
      return counted(() -> inner.addRep(repRequestJson));
    }

    @Override
    public Workload.Answer route(Workload.LeadSpec lead) {
      return counted(() -> inner.route(lead));
    }

    @Override
    public Workload.Answer claim(int rep, String lead) {
      return counted(() -> inner.claim(rep, lead));
    }

    @Override
    public Workload.Answer release(int rep, String lead) {
      return counted(() -> inner.release(rep, lead));
    }
  }

  /** {@code fairlead serve} in a JVM of its own, on the test's class path. */
  private static final class Child {
    final Process process;
    final int port;

    private Child(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Child start(Path config, Path log) throws IOException, InterruptedException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder b =
          new ProcessBuilder(
              java,
              "-Xmx256m",
              "-XX:TieredStopAtLevel=1",
              "-XX:+UseSerialGC",
              "-cp",
              System.getProperty("java.class.path"),
              "io.fairlead.service.cli.FairleadCommand",
              "serve",
              "--config",
              config.toString());
      b.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process p = b.start();
      CompletableFuture<Integer> port = new CompletableFuture<>();
      Thread out =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                      port.complete(Integer.parseInt(m.group(1)));
                    }
                  }
                } catch (IOException e) {
                  // the process is gone
                }
                port.completeExceptionally(new IllegalStateException("the service exited"));
              },
              "service-stdout");
      out.setDaemon(true);
      out.start();
      try {
        return new Child(p, port.get(120, TimeUnit.SECONDS));
      } catch (ExecutionException | TimeoutException e) {
        p.destroyForcibly();
        throw new IllegalStateException("the service did not start: " + e + "\n" + tail(log), e);
      }
    }

    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
