package io.fairlead.service;

import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.allocation.SolveProgress;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.problem.Problem;
import io.fairlead.solver.LeadAllocator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Allocations too large to answer while the caller waits: solved one at a time on a thread of their
 * own, with their progress readable while they run. Jobs live in memory: a restarted service has
 * none (their problems are the caller's to submit again; nothing of the book depends on them).
 */
final class Jobs implements AutoCloseable {

  /** The most jobs kept (finished ones are dropped oldest first). */
  static final int MAX_JOBS = 100;

  enum Status {
    QUEUED,
    RUNNING,
    DONE,
    FAILED
  }

  static final class Job {
    final String id = UUID.randomUUID().toString();
    final String owner;
    final int leads;
    final int reps;
    final Instant submitted;
    volatile Status status = Status.QUEUED;
    volatile Map<String, Object> progress = Map.of();
    volatile String result;
    volatile String error;
    volatile String summary;

    Job(String owner, Problem p, Instant submitted) {
      this.owner = owner;
      this.leads = p.leads().size();
      this.reps = p.reps().size();
      this.submitted = submitted;
    }

    Map<String, Object> view() {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", id);
      v.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
      v.put("submittedBy", owner);
      v.put("submitted", submitted.toString());
      v.put("leads", leads);
      v.put("reps", reps);
      v.put("progress", progress);
      if (summary != null) {
        v.put("summary", summary);
      }
      if (error != null) {
        v.put("error", error);
      }
      if (status == Status.DONE) {
        v.put("result", "/v1/jobs/" + id + "/result");
      }
      return v;
    }
  }

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fairlead-job");
            t.setDaemon(true);
            return t;
          });
  private final Clock clock;

  Jobs(Clock clock) {
    this.clock = clock;
  }

  /** Solves a problem on the calling thread; for a small problem, while the caller waits. */
  static Allocation solve(Problem p, Consumer<SolveProgress> progress) {
    LeadAllocator.Builder b = LeadAllocator.builder().policy(p.policy());
    if (progress != null) {
      b.progress(Duration.ofMillis(500), progress::accept);
    }
    return b.build().allocate(p);
  }

  Job submit(Caller caller, Problem p, boolean explain, Consumer<Job> done) {
    if (jobs.size() >= MAX_JOBS) {
      jobs.values().stream()
          .filter(j -> j.status == Status.DONE || j.status == Status.FAILED)
          .min(java.util.Comparator.comparing(j -> j.submitted))
          .ifPresent(j -> jobs.remove(j.id));
    }
    if (jobs.size() >= MAX_JOBS) {
      throw ApiError.of(
          503, "busy", "too many allocation jobs queued (" + MAX_JOBS + "); try later");
    }
    Job job = new Job(caller.bookActor(), p, clock.instant());
    jobs.put(job.id, job);
    worker.execute(
        () -> {
          job.status = Status.RUNNING;
          try {
            Allocation a =
                solve(
                    p,
                    s -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("phase", s.phase().name().toLowerCase(java.util.Locale.ROOT));
                      m.put("elapsedMillis", s.elapsed().toMillis());
                      m.put("moves", s.moves());
                      m.put("moveBudget", s.moveBudget());
                      m.put("fractionDone", s.fractionDone());
                      s.estimatedTimeLeft()
                          .ifPresent(d -> m.put("estimatedMillisLeft", d.toMillis()));
                      m.put("unassigned", s.bestMedium());
                      m.put("hardPoints", s.bestHard());
                      m.put("countGap", s.countGap());
                      job.progress = m;
                    });
            job.result = FairleadJson.writeAllocation(a, explain);
            job.summary = summary(a);
            job.status = Status.DONE;
          } catch (RuntimeException e) {
            job.error = e.getMessage();
            job.status = Status.FAILED;
          }
          done.accept(job);
        });
    return job;
  }

  static String summary(Allocation a) {
    long assigned = a.outcomes().stream().filter(o -> o.rep().isPresent()).count();
    return a.outcomes().size()
        + " leads: "
        + assigned
        + " assigned, "
        + (a.outcomes().size() - assigned)
        + " unassigned; score "
        + a.score();
  }

  Job get(Caller caller, String id) {
    Job j = jobs.get(id);
    if (j == null) {
      throw ApiError.notFound(
          "no job " + id + " (jobs are kept in memory until the service stops)");
    }
    if (!caller.role().atLeast(Role.ADMIN) && !j.owner.equals(caller.bookActor())) {
      throw ApiError.forbidden("job " + id + " was submitted by another caller");
    }
    return j;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
