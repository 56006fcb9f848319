package io.fairlead.core.identity;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.regex.Pattern;

/**
 * What an {@link EntityKey} identifies a customer by: a company name, a web domain, a phone number,
 * or a host-defined kind such as a CRM account number.
 *
 * <pre>{@code
 * KeyKind.PHONE                       // built in
 * KeyKind.of("crm-account")           // the host's own
 * }</pre>
 *
 * <p>A kind is its name: {@code KeyKind.of("phone")} is {@link #PHONE}. The built-in kinds demand a
 * value in their normal form (see {@link EntityKey}); a custom kind takes any non-blank value.
 * Immutable; ordered by name.
 *
 * @param name lower-case ASCII letters and digits in words joined by single hyphens, e.g. {@code
 *     "crm-account"}
 * @since 0.1.0
 */
public record KeyKind(String name) implements Comparable<KeyKind> {

  // Before the constants, which are checked against it.
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** A company's name, normalised by {@link Normalizers#companyName}. */
  public static final KeyKind COMPANY_NAME = new KeyKind("company-name");

  /** The registrable domain of a company's website, normalised by {@link Normalizers#webDomain}. */
  public static final KeyKind WEB_DOMAIN = new KeyKind("web-domain");

  /**
   * The registrable domain of an e-mail address, normalised by {@link Normalizers#emailDomain}.
   * Kept apart from {@link #WEB_DOMAIN}: an e-mail domain is weaker evidence (resellers, agencies
   * and hosting providers share them).
   */
  public static final KeyKind EMAIL_DOMAIN = new KeyKind("email-domain");

  /** A phone number, normalised by {@link Normalizers#phone(String, int)}. */
  public static final KeyKind PHONE = new KeyKind("phone");

  /**
   * A Chinese unified social credit code (统一社会信用代码) whose check character is right, as accepted by
   * {@link Normalizers#uscc}: a legal identity, the strongest key.
   */
  public static final KeyKind USCC = new KeyKind("uscc");

  /** Any other tax or registration number, in the generic form of {@link Normalizers#taxId}. */
  public static final KeyKind TAX_ID = new KeyKind("tax-id");

  public KeyKind {
    checkArgument(
        name != null && NAME.matcher(name).matches(),
        "key kind must be lower-case ASCII letters and digits in words joined by '-', was '%s'",
        name);
  }

  /**
   * Returns the kind with the given name: a built-in kind if the name is one, else a custom one.
   */
  public static KeyKind of(String name) {
    return new KeyKind(name);
  }

  /** Whether this is one of the six built-in kinds, whose values must be in normal form. */
  boolean builtIn() {
    switch (name) {
      case "company-name":
      case "web-domain":
      case "email-domain":
      case "phone":
      case "uscc":
      case "tax-id":
        return true;
      default:
        return false;
    }
  }

  @Override
  public int compareTo(KeyKind other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
