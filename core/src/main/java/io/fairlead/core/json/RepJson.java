package io.fairlead.core.json;

import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import io.fairlead.core.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a {@link Rep}. A null field is an absent one: it takes the default of {@link
 * Rep#builder(String)}. Unlimited caps ({@link Rep#UNLIMITED}) and a full-time share are written as
 * absent.
 */
record RepJson(
    String id,
    List<String> regions,
    List<String> industries,
    List<String> allowedTiers,
    String role,
    SizeRangeJson companySizes,
    Integer capacity,
    Integer heldOutside,
    Integer newLeadCap,
    Boolean available,
    Double weight,
    Double share,
    List<String> preferredIndustries) {

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "regions",
          "industries",
          "allowedTiers",
          "role",
          "companySizes",
          "capacity",
          "heldOutside",
          "newLeadCap",
          "available",
          "weight",
          "share",
          "preferredIndustries");

  /**
   * A band of company sizes; an absent {@code max} is no upper limit.
   *
   * @param min the smallest size, default 0
   * @param max the largest size, default none
   */
  record SizeRangeJson(Integer min, Integer max) {

    static SizeRangeJson from(SizeRange r) {
      return new SizeRangeJson(r.min(), r.max() == Integer.MAX_VALUE ? null : r.max());
    }

    SizeRange toRange(JsonPath at) {
      return at.check(
          () -> SizeRange.of(min == null ? 0 : min, max == null ? Integer.MAX_VALUE : max));
    }
  }

  static RepJson from(Rep rep) {
    return new RepJson(
        rep.id().value(),
        sorted(rep.regions()),
        sorted(rep.industries()),
        sorted(rep.allowedTiers().stream().map(Tier::name).toList()),
        rep.role().name(),
        rep.companySizes().equals(SizeRange.ANY) ? null : SizeRangeJson.from(rep.companySizes()),
        cap(rep.capacity()),
        rep.heldOutside(),
        cap(rep.newLeadCap()),
        rep.available(),
        rep.weight(),
        rep.share() == 1 ? null : rep.share(),
        sorted(rep.preferredIndustries()));
  }

  static List<RepJson> from(Iterable<Rep> reps) {
    List<RepJson> out = new ArrayList<>();
    reps.forEach(r -> out.add(from(r)));
    return out;
  }

  private static Integer cap(int cap) {
    return cap == Rep.UNLIMITED ? null : cap;
  }

  private static List<String> sorted(java.util.Collection<String> values) {
    return values.stream().sorted().toList();
  }

  /** Converts the reps of the array at {@code at}, failing at a repeated id. */
  static List<Rep> toReps(JsonPath at, List<RepJson> reps) {
    List<Rep> out = new ArrayList<>(reps.size());
    Map<RepId, Integer> seen = new HashMap<>();
    for (int i = 0; i < reps.size(); i++) {
      JsonPath here = at.index(i);
      RepJson json = reps.get(i);
      if (json == null) {
        throw here.error("expected a rep object, was null");
      }
      Rep rep = json.toRep(here);
      if (seen.putIfAbsent(rep.id(), i) != null) {
        throw here.labelled("rep " + rep.id())
            .field("id")
            .error("duplicate id (also at " + at.index(seen.get(rep.id())) + ")");
      }
      out.add(rep);
    }
    return out;
  }

  Rep toRep(JsonPath at) {
    String idText = at.required(id, "id");
    at.field("id").check(() -> RepId.of(idText));
    JsonPath here = at.labelled("rep " + idText);
    Rep.Builder b = Rep.builder(idText);
    b.regions(here.strings(regions, "regions").toArray(String[]::new));
    b.industries(here.strings(industries, "industries").toArray(String[]::new));
    List<String> tiers = here.strings(allowedTiers, "allowedTiers");
    for (int i = 0; i < tiers.size(); i++) {
      String t = tiers.get(i);
      here.field("allowedTiers").index(i).check(() -> Tier.of(t));
    }
    b.tiers(tiers.toArray(String[]::new));
    if (role != null) {
      b.role(here.enumValue(Role.class, "role", role));
    }
    if (companySizes != null) {
      b.companySizes(companySizes.toRange(here.field("companySizes")));
    }
    if (capacity != null) {
      b.capacity(capacity);
    }
    if (heldOutside != null) {
      b.heldOutside(heldOutside);
    }
    if (newLeadCap != null) {
      b.newLeadCap(newLeadCap);
    }
    if (available != null) {
      b.available(available);
    }
    if (weight != null) {
      b.weight(weight);
    }
    if (share != null) {
      b.share(share);
    }
    b.preferredIndustries(
        here.strings(preferredIndustries, "preferredIndustries").toArray(String[]::new));
    return here.check(b::build, FIELDS);
  }
}
