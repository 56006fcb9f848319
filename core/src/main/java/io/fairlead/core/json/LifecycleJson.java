package io.fairlead.core.json;

import io.fairlead.core.book.Lifecycle;
import io.fairlead.core.model.Tier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON form of a book's {@link Lifecycle}: the one dialect a scenario file and a service's
 * configuration both use ({@code docs/json-format.md}). A field left out keeps the default of
 * {@link Lifecycle#defaults()}; {@code reclaim}, when given, is the whole set of tier rules.
 */
record LifecycleJson(
    Integer claimsPerDay,
    Integer coolDownDays,
    Map<String, ReclaimJson> reclaim,
    ConflictsJson conflicts,
    String departure,
    Integer coverAfterDays,
    String period) {

  private static final Set<String> FIELDS =
      Set.of(
          "claimsPerDay",
          "coolDownDays",
          "reclaim",
          "conflicts",
          "departure",
          "coverAfterDays",
          "period");

  /** One tier's reclaim rule; each day count defaults to 0 (off). */
  record ReclaimJson(Integer noFollowUpDays, Integer noDealDays, Integer warnDays) {}

  /** The conflict rule; {@code rule} defaults to {@code OWNER_KEEPS}. */
  record ConflictsJson(String rule, Integer touchWindowDays, List<String> protectedTiers) {}

  static LifecycleJson from(Lifecycle l) {
    Map<String, ReclaimJson> reclaim = new TreeMap<>();
    l.reclaim()
        .forEach(
            (t, r) ->
                reclaim.put(
                    t.name(), new ReclaimJson(r.noFollowUpDays(), r.noDealDays(), r.warnDays())));
    List<String> tiers = l.conflicts().protectedTiers().stream().map(Tier::name).sorted().toList();
    return new LifecycleJson(
        l.claimsPerDay(),
        l.coolDownDays(),
        reclaim,
        new ConflictsJson(l.conflicts().rule().name(), l.conflicts().touchWindowDays(), tiers),
        l.departure().name(),
        l.coverAfterDays(),
        l.period().name());
  }

  Lifecycle toLifecycle(JsonPath at) {
    Lifecycle d = Lifecycle.defaults();
    int claims = claimsPerDay == null ? d.claimsPerDay() : claimsPerDay;
    int coolDown = coolDownDays == null ? d.coolDownDays() : coolDownDays;
    Map<Tier, Lifecycle.Reclaim> rules = new LinkedHashMap<>(d.reclaim());
    if (reclaim != null) {
      rules.clear();
      for (Map.Entry<String, ReclaimJson> e : reclaim.entrySet()) {
        JsonPath here = at.field("reclaim").field(e.getKey());
        Tier tier = here.check(() -> Tier.of(e.getKey()));
        if (e.getValue() == null) {
          throw here.error(
              "expected an object with noFollowUpDays, noDealDays, warnDays, was null");
        }
        ReclaimJson r = e.getValue();
        rules.put(
            tier,
            check(
                here,
                () ->
                    new Lifecycle.Reclaim(
                        zero(r.noFollowUpDays()), zero(r.noDealDays()), zero(r.warnDays())),
                Set.of("noFollowUpDays", "noDealDays", "warnDays")));
      }
    }
    Lifecycle.Conflicts c = d.conflicts();
    if (conflicts != null) {
      JsonPath here = at.field("conflicts");
      Lifecycle.ConflictRule rule =
          conflicts.rule() == null
              ? Lifecycle.ConflictRule.OWNER_KEEPS
              : here.enumValue(Lifecycle.ConflictRule.class, "rule", conflicts.rule());
      Set<Tier> tiers = new HashSet<>();
      List<String> names = here.strings(conflicts.protectedTiers(), "protectedTiers");
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        tiers.add(here.field("protectedTiers").index(i).check(() -> Tier.of(name)));
      }
      int window = zero(conflicts.touchWindowDays());
      c =
          check(
              here,
              () -> new Lifecycle.Conflicts(rule, window, tiers),
              Set.of("rule", "touchWindowDays", "protectedTiers"));
    }
    Lifecycle.Departure leave =
        departure == null
            ? d.departure()
            : at.enumValue(Lifecycle.Departure.class, "departure", departure);
    int cover = coverAfterDays == null ? d.coverAfterDays() : coverAfterDays;
    Lifecycle.Period span =
        period == null ? d.period() : at.enumValue(Lifecycle.Period.class, "period", period);
    Lifecycle.Conflicts conflict = c;
    return check(
        at, () -> new Lifecycle(claims, coolDown, rules, conflict, leave, cover, span), FIELDS);
  }

  private static int zero(Integer days) {
    return days == null ? 0 : days;
  }

  /**
   * Runs a constructor whose messages read {@code "lifecycle: coolDownDays must be ..."} (or {@code
   * "lifecycle: reclaim noDealDays ..."}), failing at the field the message names.
   */
  private static <T> T check(
      JsonPath at, java.util.function.Supplier<T> build, Set<String> fields) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String rest = e.getMessage().replaceFirst("^lifecycle: ", "");
      List<String> words = new ArrayList<>(List.of(rest.split("[^A-Za-z]+", 4)));
      JsonPath where = at;
      for (String w : words) {
        if (fields.contains(w)) {
          where = at.field(w);
          break;
        }
      }
      throw where.error(e.getMessage(), e);
    }
  }
}
