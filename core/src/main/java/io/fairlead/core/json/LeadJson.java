package io.fairlead.core.json;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.RepId;
import io.fairlead.core.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON form of a {@link Lead}. A null field is an absent one: it takes the default of {@link
 * Lead#builder(String)} (no region, no industry: only reps without that restriction may take it).
 */
record LeadJson(
    String id,
    String region,
    String industry,
    Integer companySize,
    Double value,
    Double winProbability,
    String tier,
    String kind,
    String currentOwner,
    Boolean locked,
    Map<String, String> attributes) {

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "region",
          "industry",
          "companySize",
          "value",
          "winProbability",
          "tier",
          "kind",
          "currentOwner",
          "locked",
          "attributes");

  static LeadJson from(Lead lead) {
    return new LeadJson(
        lead.id().value(),
        lead.region().orElse(null),
        lead.industry().orElse(null),
        lead.companySize(),
        lead.value(),
        lead.winProbability().isPresent() ? lead.winProbability().getAsDouble() : null,
        lead.tier().map(Tier::name).orElse(null),
        lead.kind().name(),
        lead.currentOwner().map(RepId::value).orElse(null),
        lead.locked(),
        new TreeMap<>(lead.attributes()));
  }

  static List<LeadJson> from(Iterable<Lead> leads) {
    List<LeadJson> out = new ArrayList<>();
    leads.forEach(l -> out.add(from(l)));
    return out;
  }

  /** Converts the leads of the array at {@code at}, failing at a repeated id. */
  static List<Lead> toLeads(JsonPath at, List<LeadJson> leads) {
    List<Lead> out = new ArrayList<>(leads.size());
    Map<LeadId, Integer> seen = new HashMap<>();
    for (int i = 0; i < leads.size(); i++) {
      JsonPath here = at.index(i);
      LeadJson json = leads.get(i);
      if (json == null) {
        throw here.error("expected a lead object, was null");
      }
      Lead lead = json.toLead(here);
      if (seen.putIfAbsent(lead.id(), i) != null) {
        throw here.labelled("lead " + lead.id())
            .field("id")
            .error("duplicate id (also at " + at.index(seen.get(lead.id())) + ")");
      }
      out.add(lead);
    }
    return out;
  }

  Lead toLead(JsonPath at) {
    String idText = at.required(id, "id");
    at.field("id").check(() -> LeadId.of(idText));
    JsonPath here = at.labelled("lead " + idText);
    Lead.Builder b = Lead.builder(idText);
    if (region != null) {
      here.field("region").check(() -> b.region(region));
    }
    if (industry != null) {
      here.field("industry").check(() -> b.industry(industry));
    }
    if (companySize != null) {
      b.companySize(companySize);
    }
    if (value != null) {
      b.value(value);
    }
    if (winProbability != null) {
      b.winProbability(winProbability);
    }
    if (tier != null) {
      here.field("tier").check(() -> b.tier(tier));
    }
    if (kind != null) {
      b.kind(here.enumValue(LeadKind.class, "kind", kind));
    }
    if (currentOwner != null) {
      here.field("currentOwner").check(() -> b.currentOwner(currentOwner));
    }
    if (locked != null) {
      b.locked(locked);
    }
    if (attributes != null) {
      attributes.forEach(
          (k, v) -> {
            if (v == null) {
              throw here.field("attributes").field(k).error("attribute '" + k + "' is null");
            }
            b.attribute(k, v);
          });
    }
    return here.check(b::build, FIELDS);
  }
}
