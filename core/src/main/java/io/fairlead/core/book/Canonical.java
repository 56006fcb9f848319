package io.fairlead.core.book;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Tier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The canonical text of an event, the same in every run and on every machine (sets and maps sorted,
 * every field named), and its SHA-256 chained to the previous event's hash: what makes a book's log
 * tamper-evident.
 */
final class Canonical {

  private Canonical() {}

  /** The hash of an event whose other fields are given, chained to {@code previousHash}. */
  static String hash(BookEvent e) {
    StringBuilder sb = new StringBuilder(256);
    field(sb, "previous", e.previousHash());
    field(sb, "seq", Long.toString(e.seq()));
    field(sb, "at", e.at().toString());
    field(sb, "kind", e.kind().id());
    field(sb, "actor", e.actor());
    field(sb, "reason", e.reason());
    field(sb, "rule", e.rule());
    change(sb, e.change());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform has SHA-256", impossible);
    }
  }

  private static void change(StringBuilder sb, Change c) {
    field(sb, "change", c.kind());
    if (c instanceof Change.RepJoined x) {
      rep(sb, x.rep());
    } else if (c instanceof Change.RepChanged x) {
      rep(sb, x.rep());
    } else if (c instanceof Change.RepLeft x) {
      field(sb, "rep", x.rep().value());
    } else if (c instanceof Change.Availability x) {
      field(sb, "rep", x.rep().value());
      field(sb, "from", x.from().toString());
      field(sb, "to", x.to().toString());
      field(sb, "share", Double.toString(x.share()));
    } else if (c instanceof Change.LeadAdded x) {
      lead(sb, x.lead());
    } else if (c instanceof Change.LeadUpdated x) {
      lead(sb, x.lead());
    } else if (c instanceof Change.Owned x) {
      field(sb, "lead", x.lead().value());
      field(sb, "to", x.to().value());
    } else if (c instanceof Change.Pooled x) {
      field(sb, "lead", x.lead().value());
      field(sb, "coolDownUntil", x.coolDownUntil().toString());
    } else if (c instanceof Change.Touched x) {
      field(sb, "lead", x.lead().value());
      field(sb, "activity", x.activity().name());
    } else if (c instanceof Change.Merged x) {
      lead(sb, x.duplicate());
      field(sb, "into", x.into().value());
    } else if (c instanceof Change.Removed x) {
      field(sb, "lead", x.lead().value());
    } else if (c instanceof Change.Calibrated x) {
      field(sb, "rep", x.rep().value());
      field(sb, "credited", Double.toString(x.credited()));
    } else if (c instanceof Change.DayStarted x) {
      field(sb, "day", x.day().toString());
    } else if (c instanceof Change.Unpinned x) {
      field(sb, "lead", x.lead().value());
    } else if (c instanceof Change.Warned x) {
      field(sb, "lead", x.lead().value());
      field(sb, "on", x.on().toString());
    } else {
      throw new AssertionError("a change the log cannot write: " + c);
    }
  }

  private static void lead(StringBuilder sb, Lead l) {
    field(sb, "id", l.id().value());
    field(sb, "region", l.region().orElse(""));
    field(sb, "industry", l.industry().orElse(""));
    field(sb, "companySize", Integer.toString(l.companySize()));
    field(sb, "value", Double.toString(l.value()));
    field(
        sb,
        "winProbability",
        l.winProbability().isPresent() ? Double.toString(l.winProbability().getAsDouble()) : "");
    field(sb, "tier", l.tier().map(Tier::name).orElse(""));
    field(sb, "kind", l.kind().name());
    field(sb, "currentOwner", l.currentOwner().map(Object::toString).orElse(""));
    field(sb, "locked", Boolean.toString(l.locked()));
    for (Map.Entry<String, String> a : new TreeMap<>(l.attributes()).entrySet()) {
      field(sb, "attribute:" + a.getKey(), a.getValue());
    }
  }

  private static void rep(StringBuilder sb, Rep r) {
    field(sb, "id", r.id().value());
    set(sb, "regions", r.regions());
    set(sb, "industries", r.industries());
    set(sb, "allowedTiers", r.allowedTiers().stream().map(Tier::name).toList());
    field(sb, "role", r.role().name());
    field(sb, "companySizes", r.companySizes().toString());
    field(sb, "capacity", Integer.toString(r.capacity()));
    field(sb, "heldOutside", Integer.toString(r.heldOutside()));
    field(sb, "newLeadCap", Integer.toString(r.newLeadCap()));
    field(sb, "available", Boolean.toString(r.available()));
    field(sb, "weight", Double.toString(r.weight()));
    field(sb, "share", Double.toString(r.share()));
    set(sb, "preferredIndustries", r.preferredIndustries());
  }

  private static void set(StringBuilder sb, String name, Collection<String> values) {
    field(sb, name, String.join("\u001f", new TreeSet<>(values)));
  }

  /** {@code name=value;} with {@code \}, {@code ;} and {@code =} escaped, so fields cannot blur. */
  private static void field(StringBuilder sb, String name, String value) {
    sb.append(name).append('=');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\\' || ch == ';' || ch == '=') {
        sb.append('\\');
      }
      sb.append(ch);
    }
    sb.append(';');
  }
}
