package io.fairlead.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.model.Lead;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeadStreamsTest {

  static final LocalDate START = LocalDate.of(2024, 1, 1);

  @Test
  void sameSeed_sameStream_otherSeed_otherStream() {
    assertThat(LeadStreams.uniform(4, START, 30, 10, LabTest.team()))
        .isEqualTo(LeadStreams.uniform(4, START, 30, 10, LabTest.team()))
        .isNotEqualTo(LeadStreams.uniform(5, START, 30, 10, LabTest.team()));
  }

  @Test
  void skewedRegions_favourTheFirstRegion() {
    Map<String, Long> byRegion =
        LeadStreams.skewedRegions(4, START, 60, 20, LabTest.team(), 2).stream()
            .collect(
                Collectors.groupingBy(d -> d.lead().region().orElseThrow(), Collectors.counting()));
    // weights 1 and 1/4: East about 80 %
    assertThat(byRegion.get("East")).isGreaterThan(3 * byRegion.get("West"));
  }

  @Test
  void seasonal_peaksOnTheFirstDayOfEachWeek() {
    List<DatedLead> s = LeadStreams.seasonal(4, START, 70, 10, LabTest.team(), 7, 4);
    Map<Integer, Long> byWeekday =
        s.stream()
            .collect(
                Collectors.groupingBy(
                    d -> (int) (d.day().toEpochDay() - START.toEpochDay()) % 7,
                    Collectors.counting()));
    assertThat(byWeekday.get(0)).isGreaterThan(2 * byWeekday.get(4));
    assertThat(s.size()).isBetween(600, 800); // 10 a day on average
  }

  @Test
  void duplicates_shareCompaniesWithEarlierLeads_andUniformOnesDoNot() {
    List<DatedLead> d = LeadStreams.duplicates(4, START, 30, 10, LabTest.team(), 0.5);
    long companies = d.stream().map(x -> x.lead().attributes().get("company")).distinct().count();
    assertThat(companies).isLessThan(d.size() * 7L / 10);
    assertThat(d.stream().map(DatedLead::lead).filter(l -> l.currentOwner().isPresent()))
        .isNotEmpty();
    List<DatedLead> u = LeadStreams.uniform(4, START, 30, 10, LabTest.team());
    assertThat(u.stream().map(x -> x.lead().attributes().get("company")).distinct().count())
        .isEqualTo(u.size());
    assertThat(u.stream().map(DatedLead::lead).map(Lead::id).distinct().count())
        .isEqualTo(u.size());
  }
}
