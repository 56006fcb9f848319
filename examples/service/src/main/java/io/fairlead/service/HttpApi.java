package io.fairlead.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairlead.core.allocation.Allocation;
import io.fairlead.core.book.Activity;
import io.fairlead.core.json.FairleadJson;
import io.fairlead.core.json.JsonInputException;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.problem.Problem;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the service (Javalin on Jetty): routes, tokens, request bodies and the one error
 * shape. It parses and writes; {@link Operations} decides. The routes are listed in {@code
 * docs/service.md}.
 */
final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String CALLER = "fairlead.caller";
  private static final String JSON = "application/json";

  private final Operations ops;
  private final Jobs jobs;
  private final ServiceConfig config;

  private HttpApi(Operations ops, Jobs jobs, ServiceConfig config) {
    this.ops = ops;
    this.jobs = jobs;
    this.config = config;
  }

  /** A started server on the configured host and port. */
  static Javalin start(Operations ops, Jobs jobs, ServiceConfig config) {
    HttpApi api = new HttpApi(ops, jobs, config);
    Javalin app =
        Javalin.create(
            c -> {
              c.http.maxRequestSize = config.maxBodyBytes();
              c.http.prefer405over404 = true; // a known path with another method
              c.http.defaultContentType = JSON;
              c.startup.showJavalinBanner = false;
              c.jetty.modifyServer(s -> s.setErrorHandler(new JsonErrorHandler()));
              api.routes(c.routes);
            });
    app.start(config.host(), config.port());
    for (var connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector sc) {
        sc.setIdleTimeout(config.idleTimeout().toMillis());
      }
    }
    return app;
  }

  private void routes(io.javalin.config.RoutesConfig r) {
    r.before(this::authenticate);

    r.get("/health", ctx -> json(ctx, 200, Map.of("status", "up")));
    r.get(
        "/ready",
        ctx -> {
          if (!ops.service().ready()) {
            throw ApiError.of(503, "unavailable", "the database does not answer");
          }
          json(ctx, 200, Map.of("status", "ready"));
        });

    r.post("/v1/allocations", this::allocate);
    r.get(
        "/v1/jobs/{id}", ctx -> json(ctx, 200, jobs.get(caller(ctx), ctx.pathParam("id")).view()));
    r.get("/v1/jobs/{id}/result", this::jobResult);

    r.post("/v1/leads", this::route);
    r.get("/v1/leads/{id}", ctx -> json(ctx, 200, ops.customer(caller(ctx), leadId(ctx))));
    r.post(
        "/v1/leads/{id}/claim",
        ctx -> {
          body(ctx, "claim request", true).only();
          json(ctx, 200, ops.claim(caller(ctx), leadId(ctx)));
        });
    r.post(
        "/v1/leads/{id}/release",
        ctx -> {
          JsonInput in = body(ctx, "release request", true).only("reason");
          json(ctx, 200, ops.release(caller(ctx), leadId(ctx), reason(in, false)));
        });
    r.post(
        "/v1/leads/{id}/reclaim",
        ctx -> {
          JsonInput in = body(ctx, "reclaim request", false).only("reason");
          json(ctx, 200, ops.reclaim(caller(ctx), leadId(ctx), reason(in, true).orElseThrow()));
        });
    r.post(
        "/v1/leads/{id}/override",
        ctx -> {
          JsonInput in = body(ctx, "override request", false).only("to", "reason");
          RepId to = repId(in, "to");
          String why = reason(in, true).orElseThrow();
          json(ctx, 200, ops.override(caller(ctx), leadId(ctx), to, why));
        });
    r.post(
        "/v1/leads/{id}/unpin",
        ctx -> {
          JsonInput in = body(ctx, "unpin request", false).only("reason");
          json(ctx, 200, ops.unpin(caller(ctx), leadId(ctx), reason(in, true).orElseThrow()));
        });
    r.post(
        "/v1/leads/{id}/touch",
        ctx -> {
          JsonInput in = body(ctx, "touch request", false).only("activity");
          String a = in.text("activity");
          Activity activity =
              switch (a) {
                case "follow-up" -> Activity.FOLLOW_UP;
                case "deal" -> Activity.DEAL;
                default ->
                    throw in.at("activity").error("must be follow-up or deal, was '" + a + "'");
              };
          json(ctx, 200, ops.touch(caller(ctx), leadId(ctx), activity));
        });

    r.post(
        "/v1/who-owns",
        ctx ->
            json(
                ctx,
                200,
                Map.of(
                    "matches",
                    ops.whoOwns(
                        caller(ctx),
                        lead(text(ctx, "who-owns request"), "who-owns request", "$")))));
    r.post("/v1/may-take", this::mayTake);

    r.get("/v1/pool", ctx -> json(ctx, 200, ops.pool(caller(ctx), limit(ctx, 100_000))));
    r.get("/v1/reps", ctx -> json(ctx, 200, ops.roster(caller(ctx))));
    r.post(
        "/v1/reps",
        ctx -> {
          JsonInput in = body(ctx, "rep request", false).only("rep", "reason");
          Rep rep = rep(in);
          json(ctx, 201, ops.addRep(caller(ctx), rep, reason(in, false).orElse("joins the team")));
        });
    r.put(
        "/v1/reps/{id}",
        ctx -> {
          JsonInput in = body(ctx, "rep request", false).only("rep", "reason");
          Rep rep = rep(in);
          if (!rep.id().value().equals(ctx.pathParam("id"))) {
            throw in.at("rep")
                .at("id")
                .error(
                    "is '" + rep.id() + "' but the path names rep '" + ctx.pathParam("id") + "'");
          }
          json(ctx, 200, ops.changeRep(caller(ctx), rep, reason(in, false).orElse("changed")));
        });
    r.delete(
        "/v1/reps/{id}",
        ctx -> {
          JsonInput in = body(ctx, "remove request", true).only("reason");
          json(
              ctx,
              200,
              Map.of(
                  "events",
                  ops.removeRep(
                      caller(ctx), repId(ctx), reason(in, false).orElse("left the team"))));
        });
    r.post(
        "/v1/reps/{id}/availability",
        ctx -> {
          JsonInput in =
              body(ctx, "availability request", false).only("from", "until", "share", "reason");
          LocalDate from = date(in, "from");
          LocalDate until = date(in, "until");
          double share = share(in);
          json(
              ctx,
              200,
              Map.of(
                  "events",
                  ops.availability(
                      caller(ctx),
                      repId(ctx),
                      from,
                      until,
                      share,
                      reason(in, false).orElse("calendar"))));
        });
    r.get(
        "/v1/reps/{id}/customers", ctx -> json(ctx, 200, ops.customersOf(caller(ctx), repId(ctx))));

    r.get("/v1/ledger", ctx -> json(ctx, 200, ops.ledger(caller(ctx))));
    r.get("/v1/report", ctx -> raw(ctx, 200, ops.report(caller(ctx))));

    r.post(
        "/v1/book/distribute",
        ctx -> {
          body(ctx, "distribute request", true).only();
          json(ctx, 200, Map.of("events", ops.distribute(caller(ctx))));
        });
    r.post(
        "/v1/book/start-day",
        ctx -> {
          body(ctx, "start-day request", true).only();
          json(ctx, 200, Map.of("events", ops.startDay(caller(ctx))));
        });
    r.get(
        "/v1/book/events",
        ctx -> {
          Caller c = caller(ctx);
          Operations.requireManager(c, "read the book's log", ops.service(), "read-events");
          long after = longParam(ctx, "after", 0);
          List<String> events = ops.service().events(after, limit(ctx, 10_000));
          raw(ctx, 200, "{\"events\":[" + String.join(",", events) + "]}");
        });
    r.get(
        "/v1/audit",
        ctx -> {
          Caller c = caller(ctx);
          Operations.requireManager(c, "read the audit log", ops.service(), "read-audit");
          json(
              ctx,
              200,
              Map.of(
                  "entries",
                  ops.service().audit(longParam(ctx, "after", 0), limit(ctx, 10_000)).stream()
                      .map(AuditEntry::view)
                      .toList()));
        });
    r.get(
        "/v1/audit/verify",
        ctx -> {
          Caller c = caller(ctx);
          Operations.requireManager(c, "verify the logs", ops.service(), "verify");
          json(ctx, 200, ops.service().verify());
        });

    r.exception(ApiError.class, (e, ctx) -> answer(ctx, e));
    r.exception(JsonInputException.class, (e, ctx) -> answer(ctx, ApiError.of(e)));
    r.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, httpError(e, ctx)));
    r.exception(
        IllegalArgumentException.class,
        (e, ctx) -> answer(ctx, ApiError.of(400, "invalid-request", e.getMessage())));
    r.exception(
        Exception.class,
        (e, ctx) -> {
          String incident = UUID.randomUUID().toString();
          LOG.error("incident {}: {} {}", incident, ctx.method(), ctx.path(), e);
          answer(
              ctx,
              ApiError.of(
                  500, "internal", "the service failed on this request; incident " + incident));
        });
    r.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            writeError(ctx, ApiError.notFound("no route " + ctx.method() + " " + ctx.path()));
          }
        });
    r.error(
        405,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            writeError(
                ctx, ApiError.of(405, "method-not-allowed", ctx.method() + " " + ctx.path()));
          }
        });
  }

  // ------------------------------------------------------------------ requests

  private void authenticate(Context ctx) {
    String path = ctx.path();
    if (!path.startsWith("/v1/")) {
      return;
    }
    List<String> all = Collections.list(ctx.req().getHeaders("Authorization"));
    if (all.size() > 1) { // which one counts would be a guess: a proxy's, or the client's?
      throw ApiError.unauthorized("send one Authorization header, not " + all.size());
    }
    String h = all.isEmpty() ? "" : all.get(0).strip();
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) { // a scheme is case-insensitive (RFC 9110)
      throw ApiError.unauthorized("send a token: Authorization: Bearer <token>");
    }
    Caller c = config.tokens().get(h.substring(7).strip());
    if (c == null) {
      throw ApiError.unauthorized("the token is not known");
    }
    ctx.attribute(CALLER, c);
    String method = ctx.method().name();
    if (method.equals("POST") || method.equals("PUT") || method.equals("DELETE")) {
      long length = ctx.contentLength();
      if (length > config.maxBodyBytes()) {
        throw ApiError.of(
            413,
            "payload-too-large",
            "the body is " + length + " bytes, more than the limit of " + config.maxBodyBytes());
      }
      // as sent: Jetty's parsed Content-Type throws for a charset it does not know
      String type = ctx.header("Content-Type");
      boolean hasBody = length > 0 || (length < 0 && ctx.header("Transfer-Encoding") != null);
      if (hasBody) {
        requireJson(type);
      }
    }
  }

  /** {@code application/json}, with no charset but UTF-8 (RFC 8259: JSON is UTF-8). */
  private static void requireJson(String type) {
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT).strip();
    if (!t.matches("application/json\\s*(;.*)?")) {
      throw ApiError.of(
          415,
          "unsupported-media-type",
          "send the body as Content-Type: application/json, was "
              + (type == null ? "none" : "'" + type + "'"));
    }
    for (String parameter : t.split(";")) {
      String[] p = parameter.split("=", 2);
      if (p.length == 2 && p[0].strip().equals("charset")) {
        String charset = p[1].strip().replace("\"", "");
        if (!charset.equals("utf-8")) {
          throw ApiError.of(
              415,
              "unsupported-media-type",
              "a JSON body is UTF-8 (RFC 8259); charset '" + charset + "' is not supported");
        }
      }
    }
  }

  private static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    if (c == null) {
      throw ApiError.unauthorized("send a token: Authorization: Bearer <token>");
    }
    return c;
  }

  private JsonInput body(Context ctx, String document, boolean emptyIsObject) {
    return JsonInput.parse(document, text(ctx, document), emptyIsObject);
  }

  /**
   * The request's body as text, read here and nowhere else. JSON is UTF-8 (RFC 8259): a malformed
   * byte is refused, not decoded as U+FFFD into an id or a reason. A client that stops sending half
   * way through its body (the idle timeout passes) is answered 408, a body Jetty cannot take apart
   * (a broken chunk) 400, both in the error shape: left to Javalin they were an empty 408 and a
   * 500.
   */
  private String text(Context ctx, String document) {
    byte[] bytes;
    try {
      bytes = ctx.bodyAsBytes();
    } catch (HttpResponseException e) {
      throw e; // over the size limit: 413
    } catch (Exception e) { // Javalin is Kotlin: the IOExceptions of the read are not declared
      throw unreadable(e);
    }
    return utf8(bytes, document);
  }

  private ApiError unreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return ApiError.of(
            408,
            "request-timeout",
            "the body did not arrive: nothing came for "
                + config.idleTimeout().toSeconds()
                + " s, the idle timeout");
      }
    }
    LOG.debug("a body could not be read", e);
    return ApiError.of(
        400,
        "bad-request",
        "the body could not be read (it ends before its length, or a chunk is malformed): "
            + e.getMessage());
  }

  /** Strict UTF-8, or a malformed-json refusal that says where the first bad byte is. */
  private static String utf8(byte[] bytes, String document) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length); // never more chars than bytes
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    out.flip();
    if (!r.isError()) {
      return out.toString();
    }
    String before = out.toString();
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int column = before.length() - before.lastIndexOf('\n');
    String where = "line " + line + " column " + column;
    throw new ApiError(
        400,
        "malformed-json",
        String.format(
            "%s at $: malformed JSON (%s): the body is not UTF-8: byte 0x%02X at offset %d",
            document, where, bytes[in.position()], in.position()),
        document,
        "$",
        null,
        where,
        List.of());
  }

  private static Optional<String> reason(JsonInput in, boolean required) {
    if (required) {
      return Optional.of(in.text("reason"));
    }
    Optional<String> r = in.optString("reason");
    if (r.isPresent() && r.get().isBlank()) {
      throw in.at("reason").error("must not be blank when given");
    }
    return r;
  }

  private static LeadId leadId(Context ctx) {
    try {
      return LeadId.of(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("path", "{id}", e.getMessage());
    }
  }

  private static RepId repId(Context ctx) {
    try {
      return RepId.of(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("path", "{id}", e.getMessage());
    }
  }

  private static RepId repId(JsonInput in, String field) {
    try {
      return RepId.of(in.text(field));
    } catch (ApiError e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw in.at(field).error(e.getMessage());
    }
  }

  private static LocalDate date(JsonInput in, String field) {
    String s = in.text(field);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw in.at(field).error("expected a day such as 2026-03-02, was '" + s + "'");
    }
  }

  private static double share(JsonInput in) {
    if (!in.has("share")) {
      throw in.at("share").error("missing required field 'share'");
    }
    var n = in.raw("share");
    if (!n.isNumber() || n.doubleValue() < 0 || n.doubleValue() > 1) {
      throw in.at("share")
          .error("must be a number from 0 (leave) to 1 (full time), was " + in.source("share"));
    }
    return n.doubleValue();
  }

  private static Lead lead(String json, String document, String path) {
    if (json == null || json.isBlank()) {
      throw ApiError.invalid(document, path, "the body is empty; expected a lead");
    }
    return FairleadJson.readLead(json, document, path);
  }

  private static Rep rep(JsonInput in) {
    if (!in.has("rep")) {
      throw in.at("rep").error("missing required field 'rep'");
    }
    return FairleadJson.readRep(in.source("rep"), in.document(), "$.rep");
  }

  private static int limit(Context ctx, int max) {
    return (int) Math.min(max, longParam(ctx, "limit", max));
  }

  /** {@code true} or {@code false}; absent is false. */
  private static boolean booleanParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw ApiError.invalid("query", name, "must be true or false, was '" + v + "'");
  }

  private static long longParam(Context ctx, String name, long otherwise) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return otherwise;
    }
    try {
      long x = Long.parseLong(v);
      if (x < 0) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw ApiError.invalid("query", name, "must be a whole number >= 0, was '" + v + "'");
    }
  }

  // ------------------------------------------------------------------ handlers

  private void route(Context ctx) {
    Caller c = caller(ctx);
    Lead lead = lead(text(ctx, "lead"), "lead", "$");
    try {
      ops.service().config().policy().tierOf(lead);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("lead", "$.attributes", e.getMessage());
    }
    Views.Decision d = ops.route(c, lead);
    json(ctx, d.outcome().equals("repeat") ? 200 : 201, d);
  }

  private void mayTake(Context ctx) {
    Caller c = caller(ctx);
    JsonInput in = body(ctx, "may-take request", false).only("rep", "lead", "candidate");
    RepId rep =
        in.has("rep")
            ? repId(in, "rep")
            : c.rep()
                .orElseThrow(
                    () ->
                        in.at("rep")
                            .error("missing required field 'rep' (only a rep's token implies it)"));
    if (in.has("lead") == in.has("candidate")) {
      throw in.error(
          "give either 'lead' (the id of a customer of the book) or 'candidate' (a lead document)");
    }
    Optional<LeadId> id = Optional.empty();
    Optional<Lead> candidate = Optional.empty();
    if (in.has("lead")) {
      try {
        id = Optional.of(LeadId.of(in.text("lead")));
      } catch (ApiError e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw in.at("lead").error(e.getMessage());
      }
    } else {
      candidate =
          Optional.of(FairleadJson.readLead(in.source("candidate"), in.document(), "$.candidate"));
    }
    json(ctx, 200, ops.mayTake(c, rep, id, candidate));
  }

  private void allocate(Context ctx) {
    Caller c = caller(ctx);
    Operations.requireManager(c, "run allocations", ops.service(), "allocate");
    String body = text(ctx, "problem");
    if (body == null || body.isBlank()) {
      throw ApiError.invalid("problem", "$", "the body is empty; expected a problem document");
    }
    Problem p = FairleadJson.readProblem(body);
    boolean explain = booleanParam(ctx, "explain");
    if (p.leads().size() <= config.syncLimit()) {
      Allocation a = Jobs.solve(p, null);
      ops.audited(c, "allocate", p.leads().size() + " leads", Jobs.summary(a));
      raw(ctx, 200, FairleadJson.writeAllocation(a, explain));
      return;
    }
    Jobs.Job job =
        jobs.submit(
            c,
            p,
            explain,
            j ->
                ops.audited(
                    c,
                    "allocate-job",
                    "job " + j.id,
                    j.summary != null ? j.summary : "failed: " + j.error));
    ctx.header("Location", "/v1/jobs/" + job.id);
    json(ctx, 202, job.view());
  }

  private void jobResult(Context ctx) {
    Jobs.Job j = jobs.get(caller(ctx), ctx.pathParam("id"));
    switch (j.status) {
      case DONE -> raw(ctx, 200, j.result);
      case FAILED -> throw ApiError.of(422, "job-failed", "job " + j.id + " failed: " + j.error);
      default ->
          throw ApiError.conflict(
              "job "
                  + j.id
                  + " is "
                  + j.status.name().toLowerCase(Locale.ROOT)
                  + "; poll /v1/jobs/"
                  + j.id,
              List.of());
    }
  }

  // ------------------------------------------------------------------ answers

  /** Javalin's own refusals (no route, a method the route does not take, a body too large). */
  private ApiError httpError(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String message =
        switch (status) {
          case 413 -> "the body is larger than the limit of " + config.maxBodyBytes() + " bytes";
          case 405 -> {
            String allowed = String.join(", ", e.getDetails().values());
            ctx.header("Allow", allowed);
            yield ctx.method() + " is not allowed on " + ctx.path() + "; it takes " + allowed;
          }
          default -> e.getMessage();
        };
    return ApiError.of(status, ApiError.codeOf(status), message);
  }

  private static void json(Context ctx, int status, Object body) {
    try {
      raw(ctx, status, JsonInput.MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer", e);
    }
  }

  private static void raw(Context ctx, int status, String json) {
    ctx.status(status).contentType(JSON).result(escapeLoneSurrogates(json));
  }

  /**
   * JSON text with every lone surrogate written as a {@code \\uXXXX} escape. A refusal may quote
   * what the client sent (an unknown field's name, in the message and the path), and the client may
   * have sent a lone surrogate as an escape; encoded as UTF-8 it would become '?', and the path
   * would name a field the client did not send. In JSON text a lone surrogate can only be in a
   * string, where the escape stands for the same character.
   */
  private static String escapeLoneSurrogates(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < json.length()
              && Character.isLowSurrogate(json.charAt(i + 1));
      if (pair) {
        if (out != null) {
          out.append(c).append(json.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        out.append(String.format("\\u%04X", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }

  private void answer(Context ctx, ApiError e) {
    if (e.status() == 401) {
      LOG.warn("401 {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), e.getMessage());
    }
    if (BookService.refusal(e.status()) && !e.isAudited()) {
      Caller c = ctx.attribute(CALLER);
      try {
        ops.service()
            .refuse(c == null ? Caller.ANONYMOUS : c, ctx.method() + " " + ctx.path(), "-", e);
      } catch (ApiError x) {
        writeError(ctx, x);
        return;
      }
    }
    writeError(ctx, e);
  }

  /** The one error shape: {@code {"error": {"status", "code", "message", ...}}}. */
  static String errorBody(ApiError e) {
    ObjectNode err = JsonInput.MAPPER.createObjectNode();
    err.put("status", e.status());
    err.put("code", e.code());
    err.put("message", e.getMessage());
    if (e.document() != null) {
      err.put("document", e.document());
    }
    if (e.path() != null) {
      err.put("path", e.path());
    }
    if (e.record() != null) {
      err.put("record", e.record());
    }
    if (e.location() != null) {
      err.put("location", e.location());
    }
    if (!e.rules().isEmpty()) {
      var rules = err.putArray("rules");
      e.rules().forEach(x -> rules.addObject().put("rule", x.rule()).put("reason", x.reason()));
    }
    ObjectNode out = JsonInput.MAPPER.createObjectNode();
    out.set("error", err);
    return out.toString();
  }

  private static void writeError(Context ctx, ApiError e) {
    if (e.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    raw(ctx, e.status(), errorBody(e));
  }

  /**
   * Jetty's own errors (a request it cannot parse, a header too large) in the same shape, with no
   * stack trace.
   */
  static final class JsonErrorHandler extends ErrorHandler {
    JsonErrorHandler() {
      setShowStacks(false);
      setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      String body = errorBody(ApiError.of(code, ApiError.codeOf(code), text(code, message)));
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
      response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String text(int code, String message) {
      return message == null || message.isBlank()
          ? "HTTP " + code
          : message.replaceAll("[\\r\\n]+", " ");
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
