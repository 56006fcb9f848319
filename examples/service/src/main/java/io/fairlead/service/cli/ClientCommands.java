package io.fairlead.service.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The client commands: one per operation of the service's HTTP API ({@code HttpApi}), each a
 * request with the caller's token. The answer is printed as the service's JSON, indented, or with
 * {@code --table} (where a table helps) as a table. What a caller may do is the service's to decide
 * ({@code Operations}); a refusal is printed with its reason and exits with 1.
 */
final class ClientCommands {

  private ClientCommands() {}

  /** What every client command has: the service, the token, the streams, one request. */
  abstract static class Request implements Callable<Integer> {
    @ParentCommand FairleadCommand top;
    @Spec CommandSpec spec;
    @Mixin ServiceOptions service;

    @Override
    public final Integer call() {
      check(spec.commandLine());
      ServiceClient client = service.client(spec.commandLine());
      return send(client);
    }

    /** Checks the arguments before anything is sent; a failure is a {@code ParameterException}. */
    void check(CommandLine cl) {}

    abstract int send(ServiceClient client);

    int print(JsonNode answer) {
      top.out().println(ServiceClient.pretty(answer));
      return FairleadCommand.OK;
    }

    static String leadPath(String id) {
      return "/v1/leads/" + ServiceClient.segment(id);
    }

    static void notBlank(CommandLine cl, String name, String value) {
      if (value != null && value.isBlank()) {
        throw new CommandLine.ParameterException(cl, name + ": must not be blank");
      }
    }

    /** The JSON of a file named on the command line, as text. */
    static String readText(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new Refusal("cannot read " + file + ": " + e.getMessage());
      }
    }

    /** A request body: {@code {"reason": ...}} and the like, written by Jackson. */
    static ObjectNode body() {
      return ServiceClient.JSON.createObjectNode();
    }
  }

  @Command(
      name = "route",
      mixinStandardHelpOptions = true,
      description =
          "Route a new lead: the service places it at once (or merges it into the customer it"
              + " duplicates). Manager.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class RouteCommand extends Request {
    @Parameters(paramLabel = "LEAD.json", description = "the lead (docs/json-format.md)")
    Path lead;

    @Option(names = "--table", description = "print the decision as a table")
    boolean table;

    @Override
    void check(CommandLine cl) {
      FileChecks.readable(cl, "LEAD.json", lead);
    }

    @Override
    int send(ServiceClient client) {
      JsonNode d = client.post("/v1/leads", readText(lead));
      if (!table) {
        return print(d);
      }
      ServiceTables.decision(top.out(), d);
      return FairleadCommand.OK;
    }
  }

  @Command(
      name = "claim",
      mixinStandardHelpOptions = true,
      description = "Claim a customer from the pool for yourself. Rep.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class ClaimCommand extends Request {
    @Parameters(paramLabel = "ID", description = "the customer's lead id")
    String id;

    @Override
    void check(CommandLine cl) {
      notBlank(cl, "ID", id);
    }

    @Override
    int send(ServiceClient client) {
      return print(client.post(leadPath(id) + "/claim", null));
    }
  }

  @Command(
      name = "release",
      mixinStandardHelpOptions = true,
      description =
          "Give a customer back to the pool. A rep releases its own; a manager any owner's.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class ReleaseCommand extends Request {
    @Parameters(paramLabel = "ID", description = "the customer's lead id")
    String id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the book's log")
    String reason;

    @Override
    void check(CommandLine cl) {
      notBlank(cl, "ID", id);
      notBlank(cl, "--reason", reason);
    }

    @Override
    int send(ServiceClient client) {
      String json = reason == null ? null : body().put("reason", reason).toString();
      return print(client.post(leadPath(id) + "/release", json));
    }
  }

  @Command(
      name = "reclaim",
      mixinStandardHelpOptions = true,
      description = "Take a customer back from its owner into the pool, with a reason. Manager.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class ReclaimCommand extends Request {
    @Parameters(paramLabel = "ID", description = "the customer's lead id")
    String id;

    @Option(
        names = "--reason",
        paramLabel = "TEXT",
        required = true,
        description = "why, for the book's log")
    String reason;

    @Override
    void check(CommandLine cl) {
      notBlank(cl, "ID", id);
      notBlank(cl, "--reason", reason);
    }

    @Override
    int send(ServiceClient client) {
      return print(client.post(leadPath(id) + "/reclaim", body().put("reason", reason).toString()));
    }
  }

  @Command(
      name = "override",
      mixinStandardHelpOptions = true,
      description = "Give a customer to a rep by hand, with a reason; it is pinned there. Manager.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class OverrideCommand extends Request {
    @Parameters(paramLabel = "ID", description = "the customer's lead id")
    String id;

    @Option(names = "--to", paramLabel = "REP", required = true, description = "the rep")
    String to;

    @Option(
        names = "--reason",
        paramLabel = "TEXT",
        required = true,
        description = "why, for the book's log")
    String reason;

    @Override
    void check(CommandLine cl) {
      notBlank(cl, "ID", id);
      notBlank(cl, "--to", to);
      notBlank(cl, "--reason", reason);
    }

    @Override
    int send(ServiceClient client) {
      return print(
          client.post(
              leadPath(id) + "/override", body().put("to", to).put("reason", reason).toString()));
    }
  }

  @Command(
      name = "who-owns",
      mixinStandardHelpOptions = true,
      description =
          "Who owns the company of this lead, by the book's keys (names, domains, phones, tax"
              + " ids). A rep sees that another rep owns it, not who.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class WhoOwnsCommand extends Request {
    @Parameters(paramLabel = "LEAD.json", description = "the lead (docs/json-format.md)")
    Path lead;

    @Override
    void check(CommandLine cl) {
      FileChecks.readable(cl, "LEAD.json", lead);
    }

    @Override
    int send(ServiceClient client) {
      return print(client.post("/v1/who-owns", readText(lead)));
    }
  }

  @Command(
      name = "may-take",
      mixinStandardHelpOptions = true,
      description = {
        "Whether a rep may take a lead now, and which rules say no. A rep asks for itself.",
        "The answer (allowed or not) exits with 0; a refused question with 1."
      },
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class MayTakeCommand extends Request {
    @Option(
        names = "--rep",
        paramLabel = "REP",
        description = "the rep (default: the rep whose token asks)")
    String rep;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** A customer of the book, or a lead that is not in it yet. */
    static final class Target {
      @Option(names = "--lead", paramLabel = "ID", description = "a customer of the book")
      String lead;

      @Option(
          names = "--candidate",
          paramLabel = "LEAD.json",
          description = "a lead document, not in the book yet")
      Path candidate;
    }

    @Override
    void check(CommandLine cl) {
      notBlank(cl, "--rep", rep);
      notBlank(cl, "--lead", target.lead);
      if (target.candidate != null) {
        FileChecks.readable(cl, "--candidate", target.candidate);
      }
    }

    @Override
    int send(ServiceClient client) {
      ObjectNode b = body();
      if (rep != null) {
        b.put("rep", rep);
      }
      if (target.lead != null) {
        b.put("lead", target.lead);
      } else {
        try {
          b.set("candidate", ServiceClient.JSON.readTree(readText(target.candidate)));
        } catch (JacksonException e) {
          throw new Refusal(
              target.candidate + ": malformed JSON: " + e.getOriginalMessage() + where(e));
        }
      }
      return print(client.post("/v1/may-take", b.toString()));
    }

    private static String where(JacksonException e) {
      return e.getLocation() == null
          ? ""
          : " (line "
              + e.getLocation().getLineNr()
              + " column "
              + e.getLocation().getColumnNr()
              + ")";
    }
  }

  @Command(
      name = "ledger",
      mixinStandardHelpOptions = true,
      description = "The period ledger: per rep, customers held, leads received, credit.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class LedgerCommand extends Request {
    @Option(names = "--table", description = "print it as a table")
    boolean table;

    @Override
    int send(ServiceClient client) {
      JsonNode l = client.get("/v1/ledger");
      if (!table) {
        return print(l);
      }
      ServiceTables.ledger(top.out(), l);
      return FairleadCommand.OK;
    }
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "The fairness report of the book as it stands: score, metrics, gaps to the proven"
              + " bounds.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class ReportCommand extends Request {
    @Option(names = "--table", description = "print the per-rep figures and a summary as tables")
    boolean table;

    @Override
    int send(ServiceClient client) {
      JsonNode r = client.get("/v1/report");
      if (!table) {
        return print(r);
      }
      ServiceTables.report(top.out(), r);
      return FairleadCommand.OK;
    }
  }

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description = "The audit log: who asked what, what was decided or refused. Manager.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class AuditCommand extends Request {
    @Option(
        names = "--after",
        paramLabel = "N",
        defaultValue = "0",
        converter = Converters.NonNegativeLong.class,
        description = "only the lines after line N (default: ${DEFAULT-VALUE})")
    long after;

    @Option(
        names = "--limit",
        paramLabel = "N",
        converter = Converters.PositiveLong.class,
        description = "at most N lines (the service sends at most 10,000)")
    Long limit;

    @Override
    int send(ServiceClient client) {
      return print(
          client.get("/v1/audit?after=" + after + (limit == null ? "" : "&limit=" + limit)));
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the book's log and the audit log: their hash chains, and that the service's"
            + " memory matches its database. Manager.",
        "Exits with 1 when something does not hold (the answer says what)."
      },
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class VerifyCommand extends Request {
    @Override
    int send(ServiceClient client) {
      JsonNode v = client.get("/v1/audit/verify");
      print(v);
      if (v.path("intact").asBoolean(false)) {
        return FairleadCommand.OK;
      }
      StringBuilder why = new StringBuilder("error: the logs do not verify");
      for (String field : new String[] {"bookProblem", "auditProblem"}) {
        if (v.hasNonNull(field)) {
          why.append("; ").append(v.get(field).asText());
        }
      }
      if (!v.path("memoryMatchesDatabase").asBoolean(true)) {
        why.append("; the service's memory differs from its database");
      }
      top.err().println(why);
      return FairleadCommand.REFUSED;
    }
  }

  @Command(
      name = "pool",
      mixinStandardHelpOptions = true,
      description = "The customers in the pool, without an owner.",
      exitCodeListHeading = FairleadCommand.EXIT_CODES_HEADING,
      exitCodeList = {
        FairleadCommand.EXIT_OK,
        FairleadCommand.EXIT_REFUSED,
        FairleadCommand.EXIT_USAGE
      })
  static final class PoolCommand extends Request {
    @Option(
        names = "--limit",
        paramLabel = "N",
        converter = Converters.PositiveLong.class,
        description = "at most N customers (the service sends at most 100,000)")
    Long limit;

    @Option(names = "--table", description = "print them as a table")
    boolean table;

    @Override
    int send(ServiceClient client) {
      JsonNode p = client.get("/v1/pool" + (limit == null ? "" : "?limit=" + limit));
      if (!table) {
        return print(p);
      }
      ServiceTables.pool(top.out(), p);
      return FairleadCommand.OK;
    }
  }
}
