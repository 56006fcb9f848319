package io.fairlead.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.policy.Policy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadAllocatorBuilderTest {

  @Test
  void timeLimit_negative_isRejectedNamingTheOptionAndValue() {
    assertThatThrownBy(() -> LeadAllocator.builder().timeLimit(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeLimit must be positive, was PT-1S");
  }

  @Test
  void timeLimit_zero_isRejected() {
    assertThatThrownBy(() -> LeadAllocator.builder().timeLimit(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeLimit must be positive, was PT0S");
  }

  @Test
  void unimprovedTimeLimit_negative_isRejectedNamingTheOption() {
    assertThatThrownBy(() -> LeadAllocator.builder().unimprovedTimeLimit(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unimprovedTimeLimit must be positive, was PT-0.005S");
  }

  @Test
  void moveBudget_zero_isRejectedNamingTheOption() {
    assertThatThrownBy(() -> LeadAllocator.builder().moveBudget(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("moveBudget must be positive, was 0");
  }

  @Test
  void moveThreads_negative_isRejectedNamingTheOption() {
    assertThatThrownBy(() -> LeadAllocator.builder().moveThreads(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("moveThreads must be >= 0, was -1");
  }

  @Test
  void nullArguments_areRejectedNamingTheOption() {
    assertThatThrownBy(() -> LeadAllocator.builder().policy(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
    assertThatThrownBy(() -> LeadAllocator.builder().timeLimit(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeLimit");
    assertThatThrownBy(() -> LeadAllocator.create(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("policy");
  }

  @Test
  void anyOption_setTwice_throwsIllegalStateNamingTheOption() {
    assertThatThrownBy(() -> LeadAllocator.builder().seed(1).seed(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("option 'seed' is set twice");
    assertThatThrownBy(
            () ->
                LeadAllocator.builder()
                    .timeLimit(Duration.ofSeconds(1))
                    .timeLimit(Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("option 'timeLimit' is set twice");
    assertThatThrownBy(
            () -> LeadAllocator.builder().policy(Policy.defaults()).policy(Policy.defaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("option 'policy' is set twice");
    assertThatThrownBy(() -> LeadAllocator.builder().moveBudget(5).moveBudget(5))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LeadAllocator.builder().moveThreads(0).moveThreads(0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                LeadAllocator.builder()
                    .unimprovedTimeLimit(Duration.ofSeconds(1))
                    .unimprovedTimeLimit(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void invalidValue_doesNotCountAsSet() {
    LeadAllocator.Builder b = LeadAllocator.builder();
    assertThatThrownBy(() -> b.timeLimit(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    b.timeLimit(Duration.ofSeconds(3)); // the first valid value is accepted
  }

  @Test
  void build_leavesTheBuilderReusable() {
    Policy policy = Policy.builder().allowRebalancing(true).build();
    LeadAllocator.Builder b = LeadAllocator.builder().policy(policy);
    LeadAllocator first = b.build();
    LeadAllocator second = b.seed(3).build();
    assertThat(first).isNotSameAs(second);
    assertThat(first.policy()).isSameAs(policy);
    assertThat(second.policy()).isSameAs(policy);
  }

  @Test
  void defaults_useTheDefaultPolicyAndTheFairleadName() {
    LeadAllocator allocator = LeadAllocator.builder().build();
    assertThat(allocator.policy()).isEqualTo(Policy.defaults());
    assertThat(allocator.name()).isEqualTo("fairlead");
    assertThat(LeadAllocator.create(Policy.defaults()).name()).isEqualTo("fairlead");
  }
}
