package io.fairlead.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadKind;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.Role;
import io.fairlead.core.model.SizeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random valid reps and leads, written as CSV in the default mapping ({@link CsvExport}), read back
 * equal: every field, absent and present, with text that needs quoting (commas, quotes, line
 * breaks, non-ASCII) and numbers at the edges of their domain. Seeds are fixed; QuickTheories
 * prints the falsifying seed, and the generated records are a pure function of it.
 */
class CsvRoundTripPropertyTest {

  private static final long SEED = 0x10C5L;

  /** Text a spreadsheet cell may hold: no whitespace at either end, never empty. */
  private static final String[] WORDS = {
    "East",
    "West",
    "retail",
    "a,b",
    "say \"hi\"",
    "two\nlines",
    "crlf\r\nend",
    "Zürich",
    "华东",
    "x y",
    "#1",
    "=SUM(A1)",
    "'q'",
    "tab\tin"
  };

  static String word(Random r) {
    return WORDS[r.nextInt(WORDS.length)] + (r.nextBoolean() ? "" : Integer.toString(r.nextInt(9)));
  }

  static double number(Random r, double max) {
    switch (r.nextInt(5)) {
      case 0:
        return 0;
      case 1:
        return max;
      case 2:
        return Double.MIN_VALUE;
      default:
        return r.nextDouble() * max;
    }
  }

  static List<Rep> reps(long seed) {
    Random r = new Random(seed);
    List<Rep> out = new ArrayList<>();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      Rep.Builder b = Rep.builder(word(r) + "-" + i);
      if (r.nextBoolean()) {
        b.regions(word(r), word(r) + "+");
      }
      if (r.nextBoolean()) {
        b.industries(word(r));
      }
      if (r.nextBoolean()) {
        b.tiers("A", word(r));
      }
      b.role(Role.values()[r.nextInt(Role.values().length)]);
      switch (r.nextInt(3)) {
        case 0:
          break;
        case 1:
          b.companySizes(SizeRange.atLeast(r.nextInt(1000)));
          break;
        default:
          int min = r.nextInt(1000);
          b.companySizes(SizeRange.of(min, min + r.nextInt(Integer.MAX_VALUE - min)));
      }
      if (r.nextBoolean()) {
        b.capacity(r.nextInt(Integer.MAX_VALUE));
      }
      b.heldOutside(r.nextInt(3) == 0 ? Integer.MAX_VALUE - 1 : r.nextInt(100));
      if (r.nextBoolean()) {
        b.newLeadCap(r.nextInt(50));
      }
      b.available(r.nextBoolean());
      b.weight(r.nextBoolean() ? 1e-300 + r.nextDouble() * 10 : Double.MAX_VALUE);
      b.share(r.nextBoolean() ? 1 : Rep.MIN_SHARE + r.nextDouble() * (1 - Rep.MIN_SHARE));
      if (r.nextBoolean()) {
        b.preferredIndustries(word(r));
      }
      out.add(b.build());
    }
    return out;
  }

  static List<Lead> leads(long seed) {
    Random r = new Random(seed);
    List<Lead> out = new ArrayList<>();
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      Lead.Builder b = Lead.builder(word(r) + "-" + i);
      if (r.nextBoolean()) {
        b.region(word(r));
      }
      if (r.nextBoolean()) {
        b.industry(word(r));
      }
      b.companySize(r.nextInt(4) == 0 ? Integer.MAX_VALUE : r.nextInt(10_000));
      b.value(number(r, Lead.MAX_VALUE));
      if (r.nextBoolean()) {
        b.winProbability(number(r, 1));
      }
      if (r.nextBoolean()) {
        b.tier(word(r));
      }
      b.kind(LeadKind.values()[r.nextInt(LeadKind.values().length)]);
      if (r.nextBoolean()) {
        b.currentOwner(word(r));
        b.locked(r.nextBoolean());
      }
      if (r.nextBoolean()) {
        b.attribute("source", word(r));
      }
      if (r.nextBoolean()) {
        b.attribute("stage, \"quoted\"", word(r));
      }
      out.add(b.build());
    }
    return out;
  }

  private static Gen<Long> seeds() {
    return longs().all();
  }

  @Test
  void reps_writtenAsCsv_readBackEqual() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(seeds())
        .check(
            seed -> {
              List<Rep> reps = reps(seed);
              return FairleadCsv.readReps(CsvExport.reps(reps), CsvMapping.reps()).equals(reps);
            });
  }

  @Test
  void leads_writtenAsCsv_readBackEqual() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(seeds())
        .check(
            seed -> {
              List<Lead> leads = leads(seed);
              return FairleadCsv.readLeads(CsvExport.leads(leads), CsvMapping.leads())
                  .equals(leads);
            });
  }

  @Test
  void generators_coverTheEdges() {
    // the properties above are only as good as what they generate
    List<Lead> leads = new ArrayList<>();
    List<Rep> reps = new ArrayList<>();
    for (long s = 0; s < 200; s++) {
      leads.addAll(leads(s));
      reps.addAll(reps(s));
    }
    assertThat(leads).anyMatch(l -> l.value() == Lead.MAX_VALUE);
    assertThat(leads).anyMatch(l -> l.locked());
    assertThat(leads).anyMatch(l -> l.attributes().size() == 2);
    assertThat(leads).anyMatch(l -> l.region().orElse("").contains("\n"));
    assertThat(reps).anyMatch(r -> r.weight() == Double.MAX_VALUE);
    assertThat(reps).anyMatch(r -> r.capacity() == Rep.UNLIMITED);
    assertThat(reps)
        .anyMatch(r -> r.companySizes().max() == Integer.MAX_VALUE && r.companySizes().min() > 0);
  }
}
