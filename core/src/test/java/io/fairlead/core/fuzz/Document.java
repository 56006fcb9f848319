package io.fairlead.core.fuzz;

/**
 * The documents {@code FairleadJson} reads, each named as its error messages name it ({@code
 * "router JSON at $.sequence: ..."}). A corpus file's name starts with the document's id and a
 * dash, e.g. {@code router-sequence-long-max.json}.
 *
 * <p>Public, as the rest of this package, because the solver module's fuzz test uses it too.
 */
public enum Document {
  PROBLEM("problem"),
  POLICY("policy"),
  REPS("reps"),
  LEADS("leads"),
  ALLOCATION("allocation"),
  ROUTER("router"),
  BOOK("book");

  private final String id;

  Document(String id) {
    this.id = id;
  }

  /** The name error messages give the document, e.g. {@code "problem"}. */
  public String id() {
    return id;
  }

  /** The document a corpus file holds, from the start of its name. */
  public static Document ofFile(String fileName) {
    for (Document d : values()) {
      if (fileName.startsWith(d.id + "-")) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "corpus file " + fileName + " does not start with a document name and a dash");
  }
}
