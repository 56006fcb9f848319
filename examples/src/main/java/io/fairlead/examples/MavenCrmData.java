package io.fairlead.examples;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import io.fairlead.core.policy.TierRule;
import io.fairlead.core.problem.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Maven Analytics "CRM + Sales + Opportunities" sample (a fictitious B2B hardware seller,
 * bundled under {@code src/main/resources/maven-crm/}, see its {@code PROVENANCE.md}) turned into a
 * fairlead {@link Problem}, plus the sample's own historical assignment to measure against.
 *
 * <pre>{@code
 * MavenCrmData crm = MavenCrmData.load();
 * Allocation history = Baselines.measure(crm.problem(), crm.historicalAssignment(), "historical");
 * }</pre>
 *
 * <h2>Modelling choices</h2>
 *
 * The data has no capacities, roles, tiers or lead regions; each is derived here, and {@code
 * docs/examples.md} lists the same choices.
 *
 * <ul>
 *   <li><b>Reps</b>: the 35 agents of {@code sales_teams.csv}, id = the agent's name, region = its
 *       {@code regional_office} (Central, East, West).
 *   <li><b>Weight</b>: the agent's historical win rate {@code won / (won + lost)} divided by the
 *       mean win rate of all agents with closed deals (the whole sales force, not the manager's
 *       team); agents with no closed deal (5 new hires) get 1. The rates lie within 0.87–1.11 of
 *       the mean; {@link #policy()} still bounds weights to {@code [0.8, 1.25]}.
 *   <li><b>Capacity</b>: {@code ceil(1.3 × open deals / agents)} = 78 new customers on top of the
 *       Engaging deals the agent already works, so nobody starts over capacity. No customers are
 *       held outside the problem ({@code heldOutside = 0}): won accounts are done business.
 *   <li><b>Role</b>: {@code BOTH} for everyone (the data has no hunters and farmers); everyone is
 *       available (the data has no leave).
 *   <li><b>Leads</b>: the 2089 open deals (Prospecting 500, Engaging 1589), in file order, id =
 *       {@code opportunity_id}.
 *   <li><b>Value</b>: the product's list price ({@code products.sales_price}); the pipeline's
 *       {@code GTXPro} is the products file's {@code GTX Pro} (names are matched without spaces).
 *   <li><b>Region</b>: the account's "home office": the regional office whose agents worked most of
 *       the account's closed (Won/Lost) deals (ties, none in this data, go to the alphabetically
 *       first office). A deal without an account (1425 of them) takes its agent's office.
 *   <li><b>Industry</b>: the account's sector, with the source's typo {@code technolgy} read as
 *       {@code technology}; none without an account (only reps that take any industry may take such
 *       a deal; every rep of the sample does). <b>Company size</b>: the account's employees; 0
 *       without an account.
 *   <li><b>Tier</b>: derived by the policy's {@code TierRule.byAttribute("revenue")} from the
 *       account's revenue (millions of USD): A from 1,000, B from 100, else C. A deal without an
 *       account has no revenue and gets tier C explicitly.
 *   <li><b>Kind</b>: {@code EXISTING_CUSTOMER} if the account has at least one Won deal, else
 *       {@code NEW_BUSINESS} (always for deals without an account).
 *   <li><b>Owner</b>: an Engaging deal is already being worked: its {@code sales_agent} is its
 *       current owner (not locked). A Prospecting deal has no owner.
 *   <li><b>Historical assignment</b>: every open deal's {@code sales_agent}.
 * </ul>
 *
 * <p>A quirk worth knowing: the open deals' accounts do not follow the offices the way the closed
 * deals do. 97.6 % of an account's closed deals are, on average, worked from its home office, but
 * only 211 of the 664 open deals with an account are. So 342 Engaging deals are worked from outside
 * their region: the region rule frees them (an owner who breaks a hard rule is not kept), every
 * allocator moves them, and the historical assignment breaks the region rule for 453 deals.
 *
 * <p>Immutable once loaded.
 */
public final class MavenCrmData {

  /** The classpath folder of the bundled CSV files. */
  static final String FOLDER = "/maven-crm/";

  /** New customers each agent may take on top of what it works: ceil(1.3 × 2089 / 35). */
  static final double CAPACITY_HEADROOM = 1.3;

  private final List<Rep> reps;
  private final List<Lead> leads;
  private final Map<LeadId, RepId> history;
  private final List<Deal> deals;
  private final java.util.function.Function<Deal, Lead.Builder> leadOf;

  private MavenCrmData(
      List<Rep> reps,
      List<Lead> leads,
      Map<LeadId, RepId> history,
      List<Deal> deals,
      java.util.function.Function<Deal, Lead.Builder> leadOf) {
    this.reps = List.copyOf(reps);
    this.leads = List.copyOf(leads);
    this.history = Collections.unmodifiableMap(new LinkedHashMap<>(history));
    this.deals = List.copyOf(deals);
    this.leadOf = leadOf;
  }

  /**
   * One deal of {@code sales_pipeline.csv}, as the file has it.
   *
   * @param id its {@code opportunity_id}
   * @param agent the sales agent who worked it
   * @param product the product
   * @param account the account, empty for a deal without one
   * @param stage Prospecting, Engaging, Won or Lost
   * @param engaged when it was engaged (empty for Prospecting deals)
   * @param closed when it was won or lost (empty while open)
   */
  public record Deal(
      String id,
      String agent,
      String product,
      String account,
      String stage,
      java.util.Optional<java.time.LocalDate> engaged,
      java.util.Optional<java.time.LocalDate> closed) {

    /** Whether it was won. */
    public boolean won() {
      return stage.equals("Won");
    }
  }

  /** The tier rule of the sample: account revenue (millions of USD) A ≥ 1000, B ≥ 100, else C. */
  public static TierRule tierRule() {
    return TierRule.byAttribute("revenue").threshold("A", 1000).threshold("B", 100).otherwise("C");
  }

  /**
   * The policy of the demo: the defaults (every hard rule, owners kept, count/value/tier balance at
   * weight 1, A-tier leads weighted 3×), the revenue tier rule, and rep weights bounded to {@code
   * [0.8, 1.25]}.
   */
  public static Policy policy() {
    return policyBuilder().build();
  }

  /** A builder pre-set with the sample's tier rule and weight bounds, for policy variants. */
  public static Policy.Builder policyBuilder() {
    return Policy.builder().tierRule(tierRule()).weightBounds(0.8, 1.25);
  }

  /** Loads the sample from the classpath. */
  public static MavenCrmData load() {
    List<Map<String, String>> teams = readCsv("sales_teams.csv");
    List<Map<String, String>> accounts = readCsv("accounts.csv");
    List<Map<String, String>> products = readCsv("products.csv");
    List<Map<String, String>> pipeline = readCsv("sales_pipeline.csv");

    Map<String, String> officeOf = new LinkedHashMap<>();
    for (Map<String, String> t : teams) {
      officeOf.put(t.get("sales_agent"), t.get("regional_office"));
    }
    Map<String, Map<String, String>> accountByName = new HashMap<>();
    for (Map<String, String> a : accounts) {
      accountByName.put(a.get("account"), a);
    }
    Map<String, Double> price = new HashMap<>();
    for (Map<String, String> p : products) {
      price.put(productKey(p.get("product")), Double.parseDouble(p.get("sales_price")));
    }

    // History: wins and losses per agent, closed deals per account and office, won accounts.
    Map<String, int[]> wonLost = new HashMap<>();
    Map<String, Map<String, Integer>> closedByOffice = new HashMap<>();
    Set<String> wonAccounts = new HashSet<>();
    for (Map<String, String> d : pipeline) {
      String stage = d.get("deal_stage");
      boolean won = stage.equals("Won");
      if (!won && !stage.equals("Lost")) {
        continue;
      }
      String agent = d.get("sales_agent");
      wonLost.computeIfAbsent(agent, k -> new int[2])[won ? 0 : 1]++;
      String account = d.get("account");
      if (!account.isEmpty()) {
        String office = requireKnown(officeOf, agent, "sales agent", d);
        closedByOffice
            .computeIfAbsent(account, k -> new TreeMap<>())
            .merge(office, 1, Integer::sum);
        if (won) {
          wonAccounts.add(account);
        }
      }
    }
    Map<String, String> homeOffice = new HashMap<>();
    closedByOffice.forEach(
        (account, byOffice) -> {
          // TreeMap order + strict ">" = ties go to the alphabetically first office.
          String best = null;
          int most = -1;
          for (var e : byOffice.entrySet()) {
            if (e.getValue() > most) {
              best = e.getKey();
              most = e.getValue();
            }
          }
          homeOffice.put(account, best);
        });

    // Relative win rates.
    Map<String, Double> rate = new HashMap<>();
    wonLost.forEach((agent, wl) -> rate.put(agent, (double) wl[0] / (wl[0] + wl[1])));
    double meanRate = rate.values().stream().mapToDouble(Double::doubleValue).average().orElse(1);

    // Leads: open deals in file order.
    List<Map<String, String>> open = new ArrayList<>();
    Map<String, Integer> engaging = new HashMap<>();
    for (Map<String, String> d : pipeline) {
      String stage = d.get("deal_stage");
      if (stage.equals("Engaging") || stage.equals("Prospecting")) {
        open.add(d);
        if (stage.equals("Engaging")) {
          engaging.merge(d.get("sales_agent"), 1, Integer::sum);
        }
      }
    }
    int headroom = (int) Math.ceil(CAPACITY_HEADROOM * open.size() / officeOf.size());

    List<Rep> reps = new ArrayList<>();
    for (var e : officeOf.entrySet()) {
      String agent = e.getKey();
      double weight = rate.containsKey(agent) ? rate.get(agent) / meanRate : 1.0;
      reps.add(
          Rep.builder(agent)
              .regions(e.getValue())
              .weight(weight)
              .capacity(headroom + engaging.getOrDefault(agent, 0))
              .build());
    }

    java.util.function.Function<Deal, Lead.Builder> leadOf =
        d -> {
          String agentOffice = officeOf.get(d.agent());
          Double value = price.get(productKey(d.product()));
          if (agentOffice == null || value == null) {
            throw new IllegalStateException("deal " + d.id() + ": unknown sales agent or product");
          }
          Lead.Builder b =
              Lead.builder(d.id())
                  .value(value)
                  .attribute("product", d.product())
                  .attribute("stage", d.stage());
          if (d.account().isEmpty()) {
            b.region(agentOffice).companySize(0).tier("C").kind(LeadKind.NEW_BUSINESS);
          } else {
            Map<String, String> account = accountByName.get(d.account());
            if (account == null) {
              throw new IllegalStateException(
                  "deal " + d.id() + ": unknown account '" + d.account() + "'");
            }
            String home = homeOffice.get(d.account());
            b.region(home != null ? home : agentOffice)
                .industry(industry(account.get("sector")))
                .companySize(Integer.parseInt(account.get("employees")))
                .kind(
                    wonAccounts.contains(d.account())
                        ? LeadKind.EXISTING_CUSTOMER
                        : LeadKind.NEW_BUSINESS)
                .attribute("account", d.account())
                .attribute("revenue", account.get("revenue"));
          }
          return b;
        };
    List<Deal> deals = new ArrayList<>(pipeline.size());
    for (Map<String, String> d : pipeline) {
      requireKnown(officeOf, d.get("sales_agent"), "sales agent", d);
      requireKnown(price, productKey(d.get("product")), "product", d);
      deals.add(
          new Deal(
              d.get("opportunity_id"),
              d.get("sales_agent"),
              d.get("product"),
              d.get("account"),
              d.get("deal_stage"),
              date(d.get("engage_date")),
              date(d.get("close_date"))));
    }

    List<Lead> leads = new ArrayList<>();
    Map<LeadId, RepId> history = new LinkedHashMap<>();
    for (Deal d : deals) {
      if (!d.stage().equals("Engaging") && !d.stage().equals("Prospecting")) {
        continue;
      }
      Lead.Builder b = leadOf.apply(d);
      if (d.stage().equals("Engaging")) {
        b.currentOwner(d.agent()).attribute("engaged", d.engaged().orElseThrow().toString());
      }
      Lead lead = b.build();
      leads.add(lead);
      history.put(lead.id(), RepId.of(d.agent()));
    }
    return new MavenCrmData(reps, leads, history, deals, leadOf);
  }

  /** The 35 reps, in the order of {@code sales_teams.csv}. */
  public List<Rep> reps() {
    return reps;
  }

  /** The 2089 open deals, in the order of {@code sales_pipeline.csv}. */
  public List<Lead> leads() {
    return leads;
  }

  /** The problem under {@link #policy()}. */
  public Problem problem() {
    return problem(policy());
  }

  /** The same reps and leads under another policy. */
  public Problem problem(Policy policy) {
    return Problem.of(requireNonNull(policy, "policy"), reps, leads);
  }

  /**
   * The sample's book as its CRM records it: every open deal owned by its {@code sales_agent}
   * (Prospecting deals too), under {@link #policy()}. Uneven the way a real team's is: the agents
   * hold 0 to 194 open deals each, and 453 deals are worked from outside their account's home
   * region.
   */
  public Problem book() {
    List<Lead> owned = new ArrayList<>(leads.size());
    for (Lead l : leads) {
      owned.add(l.toBuilder().currentOwner(history.get(l.id()).value()).build());
    }
    return Problem.of(policy(), reps, owned);
  }

  /**
   * When an open deal was last touched: its {@code engage_date} (an Engaging deal's attribute
   * {@code "engaged"}), or empty for a Prospecting deal, which nobody has engaged yet.
   */
  public static Optional<Instant> lastTouched(Lead lead) {
    return Optional.ofNullable(lead.attributes().get("engaged"))
        .map(d -> LocalDate.parse(d).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Who works each open deal today: its {@code sales_agent}, in lead order. */
  public Map<LeadId, RepId> historicalAssignment() {
    return history;
  }

  /** All 8800 deals of the pipeline, in file order. */
  public List<Deal> deals() {
    return deals;
  }

  /**
   * A deal as a lead without an owner, modelled as {@link #leads()} are (value, region, industry,
   * size, tier, kind; the account's name in the {@code account} attribute and, for entity keys, in
   * {@code company}).
   */
  public Lead lead(Deal deal) {
    Lead.Builder b = leadOf.apply(deal);
    if (!deal.account().isEmpty()) {
      b.attribute("company", deal.account());
    }
    return b.build();
  }

  private static java.util.Optional<java.time.LocalDate> date(String text) {
    return text.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(java.time.LocalDate.parse(text));
  }

  private static String industry(String sector) {
    return sector.equals("technolgy") ? "technology" : sector; // the source's typo
  }

  /** {@code GTXPro} in the pipeline is {@code GTX Pro} in the products file. */
  private static String productKey(String product) {
    return product.replace(" ", "");
  }

  private static <V> V requireKnown(
      Map<String, V> map, String key, String what, Map<String, String> deal) {
    V v = map.get(key);
    if (v == null) {
      throw new IllegalStateException(
          "deal " + deal.get("opportunity_id") + ": unknown " + what + " '" + key + "'");
    }
    return v;
  }

  /**
   * Reads one bundled CSV file into rows keyed by header. The sample has no quoted fields except in
   * {@code data_dictionary.csv}, which is not read; a quote anywhere else is an error rather than a
   * silent mis-split.
   */
  static List<Map<String, String>> readCsv(String file) {
    String path = FOLDER + file;
    try (InputStream in = MavenCrmData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + path + " is missing");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = r.readLine(); // readLine strips both LF and CRLF
      if (header == null) {
        throw new IllegalStateException(path + " is empty");
      }
      String[] names = header.split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        if (line.indexOf('"') >= 0) {
          throw new IllegalStateException(
              path + ":" + lineNo + ": quoted fields are not supported");
        }
        String[] cells = line.split(",", -1);
        if (cells.length != names.length) {
          throw new IllegalStateException(
              path + ":" + lineNo + ": " + cells.length + " fields, expected " + names.length);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
          row.put(names[i], cells[i].trim());
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
