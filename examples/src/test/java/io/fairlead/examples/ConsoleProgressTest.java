package io.fairlead.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fairlead.core.allocation.SolveProgress;
import io.fairlead.core.allocation.SolveProgress.Phase;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.RepId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  /** A report with the given figures; the time left is the interface's own estimate. */
  private record Stub(Phase phase, long elapsedMillis, long moves, long moveBudget, double countGap)
      implements SolveProgress {
    @Override
    public Duration elapsed() {
      return Duration.ofMillis(elapsedMillis);
    }

    @Override
    public long bestHard() {
      return 0;
    }

    @Override
    public long bestMedium() {
      return 0;
    }

    @Override
    public long bestSoft() {
      return 123;
    }

    @Override
    public Map<LeadId, RepId> bestAssignment() {
      throw new AssertionError("the line does not need the assignment");
    }
  }

  private static Stub search(long elapsedMillis, long moves) {
    return new Stub(Phase.SEARCH, elapsedMillis, moves, 2_000_000, 0.0012);
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void searchLine_saysPhaseMovesCountGapAndTimeLeft() {
    // 860,000 of 2,000,000 moves in 10.5 s: 1,140,000 left at the same pace is 13.9 s.
    assertThat(ConsoleProgress.line(search(10_500, 860_000)))
        .isEqualTo("search 43 % · 860,000 of 2,000,000 moves · count gap 0.12 % · about 14 s left");
  }

  @Test
  void searchLine_beforeTheFirstMove_hasNoTimeLeft() {
    assertThat(ConsoleProgress.line(search(300, 0)))
        .isEqualTo("search 0 % · 0 of 2,000,000 moves · count gap 0.12 %");
  }

  @Test
  void searchLine_beforeOnePercentOfTheBudget_hasNoTimeLeft() {
    // 19,999 moves in 0.8 s would say 79 s left, from the pace of the construction's end.
    assertThat(ConsoleProgress.line(search(800, 19_999)))
        .isEqualTo("search 0 % · 19,999 of 2,000,000 moves · count gap 0.12 %");
    assertThat(ConsoleProgress.line(search(800, 20_000))).endsWith("· about 79 s left");
  }

  @Test
  void searchLine_longTimeLeft_inMinutes() {
    // 100,000 moves in 10 s: 1,900,000 left is 190 s, about 3 min.
    assertThat(ConsoleProgress.line(search(10_000, 100_000)))
        .endsWith("· about 3 min left")
        .startsWith("search 5 % ·");
  }

  @Test
  void doneLine_saysMovesTimeAndFinalCountGap() {
    assertThat(ConsoleProgress.line(new Stub(Phase.DONE, 31_234, 2_000_000, 2_000_000, 0.0008)))
        .isEqualTo("done · 2,000,000 moves in 31.2 s · count gap 0.08 %");
  }

  @Test
  void line_infiniteGap_notANumber() {
    assertThat(ConsoleProgress.line(new Stub(Phase.DONE, 1_000, 5, 10, Double.POSITIVE_INFINITY)))
        .isEqualTo("done · 5 moves in 1.0 s · count gap n/a");
  }

  @Test
  void notATerminal_separateLines_atMostOnePerFiveSecondsOfSolveTime_andTheLastAlways() {
    ConsoleProgress p = ConsoleProgress.to(out, false);
    long[] at = {0, 1_000, 4_999, 5_000, 6_000, 9_999, 10_500, 11_000};
    for (long ms : at) {
      p.onProgress(search(ms, 1_000 * (ms + 1)));
    }
    p.onProgress(new Stub(Phase.DONE, 11_200, 2_000_000, 2_000_000, 0.0008));

    assertThat(written()).doesNotContain("\r");
    assertThat(written().lines())
        .containsExactly(
            ConsoleProgress.line(search(0, 1_000)),
            ConsoleProgress.line(search(5_000, 5_001_000)),
            ConsoleProgress.line(search(10_500, 10_501_000)),
            "done · 2,000,000 moves in 11.2 s · count gap 0.08 %");
  }

  @Test
  void notATerminal_aSecondSolve_startsItsLinesAfresh() {
    ConsoleProgress p = ConsoleProgress.to(out, false);
    p.onProgress(search(0, 10));
    p.onProgress(new Stub(Phase.DONE, 2_000, 20, 2_000_000, 0));
    p.onProgress(search(100, 10)); // the next solve: its first report is written at once

    assertThat(written().lines()).hasSize(3);
  }

  @Test
  void terminal_rewritesOneLineInPlace_atMostTwiceASecond_andEndsItWhenDone() {
    ConsoleProgress p = ConsoleProgress.to(out, true);
    String first = ConsoleProgress.line(search(1_000, 860_000));
    String second = ConsoleProgress.line(search(1_500, 0)); // shorter: no time left
    String done = "done · 2,000,000 moves in 31.2 s · count gap 0.08 %";
    p.onProgress(search(1_000, 860_000));
    p.onProgress(search(1_200, 900_000)); // within half a second: not written
    p.onProgress(search(1_500, 0));
    p.onProgress(new Stub(Phase.DONE, 31_234, 2_000_000, 2_000_000, 0.0008));

    assertThat(written())
        .isEqualTo(
            "\r"
                + first
                + "\r"
                + second
                + " ".repeat(first.length() - second.length())
                + "\r"
                + done
                + " ".repeat(Math.max(0, second.length() - done.length()))
                + System.lineSeparator());
  }
}
