package io.fairlead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fairlead.core.book.Book;
import io.fairlead.core.book.BookEvent;
import io.fairlead.core.model.Lead;
import io.fairlead.core.model.LeadId;
import io.fairlead.core.model.Rep;
import io.fairlead.core.model.RepId;
import io.fairlead.core.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One event of a book's log at a time, as a host that keeps the log in its own store writes and
 * reads it; and the fields of {@link JsonInputException} that such a host answers with.
 */
class FairleadJsonBookEventTest {

  private static Book.Builder builder() {
    return Book.builder(Policy.defaults())
        .clock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
  }

  private static Book book() {
    Book book = builder().build();
    book.addRep(Rep.builder("ana").regions("East").build(), "admin:root", "joins");
    book.addRep(Rep.builder("ben").regions("East").build(), "admin:root", "joins");
    book.route(Lead.builder("c1").region("East").industry("retail").build(), "crm");
    book.add(Lead.builder("c2").region("East").industry("retail").build(), "crm", "web form");
    book.claim(RepId.of("ben"), LeadId.of("c2"));
    book.release(LeadId.of("c2"), "rep:ben", "not a fit");
    book.override(LeadId.of("c1"), RepId.of("ben"), "manager:lee", "knows the buyer");
    return book;
  }

  @Test
  void everyEvent_writtenOneByOne_replaysToTheSameBook() {
    Book book = book();

    List<BookEvent> read =
        book.events().stream()
            .map(FairleadJson::writeBookEvent)
            .map(FairleadJson::readBookEvent)
            .toList();
    Book again = Book.replay(read, builder());

    assertThat(read).isEqualTo(book.events());
    assertThat(again.verify().intact()).isTrue();
    assertThat(again.verify().head()).isEqualTo(book.verify().head());
    assertThat(again.ownerOf(LeadId.of("c1"))).contains(RepId.of("ben"));
    assertThat(FairleadJson.writeBook(again)).isEqualTo(FairleadJson.writeBook(book));
  }

  @Test
  void anEventWithAnUnknownKind_isRefusedAtItsPath() {
    String json = FairleadJson.writeBookEvent(book().events().get(0));
    String broken = json.replace("\"rep-joined\"", "\"rep-jumped\"");

    assertThatThrownBy(() -> FairleadJson.readBookEvent(broken))
        .isInstanceOfSatisfying(
            JsonInputException.class,
            e -> {
              assertThat(e.document()).isEqualTo("book event");
              assertThat(e.path()).isEqualTo("$.kind");
              assertThat(e.detail()).startsWith("unknown kind 'rep-jumped'");
            })
        .hasMessageStartingWith("book event JSON at $.kind: unknown kind 'rep-jumped'");
  }

  @Test
  void aBadLeadInAProblem_givesDocumentPathRecordAndDetailAsFields() {
    String json =
        """
        {"reps": [{"id": "ana"}],
         "leads": [{"id": "c1", "region": "East"}, {"id": "c42", "region": "East", "value": -5}]}
        """;

    assertThatThrownBy(() -> FairleadJson.readProblem(json))
        .isInstanceOfSatisfying(
            JsonInputException.class,
            e -> {
              assertThat(e.document()).isEqualTo("problem");
              assertThat(e.path()).isEqualTo("$.leads[1].value");
              assertThat(e.record()).contains("lead c42");
              assertThat(e.location()).isEmpty();
              assertThat(e.getMessage())
                  .isEqualTo("problem JSON at $.leads[1].value: lead c42: " + e.detail());
            });
  }

  @Test
  void malformedJson_givesTheRootPathAndTheLineAndColumn() {
    assertThatThrownBy(() -> FairleadJson.readLead("{\"id\": \"c1\",, }"))
        .isInstanceOfSatisfying(
            JsonInputException.class,
            e -> {
              assertThat(e.document()).isEqualTo("lead");
              assertThat(e.path()).isEqualTo("$");
              assertThat(e.location()).contains("line 1 column 13");
              assertThat(e.detail()).startsWith("malformed JSON: ");
            });
  }
}
