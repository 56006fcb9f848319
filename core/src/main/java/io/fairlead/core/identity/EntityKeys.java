package io.fairlead.core.identity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.Lead;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a lead is known by: its {@link EntityKey entity keys}. Two leads are the same entity (the
 * same customer, so a conflict, 撞单, if different reps hold them) when they share at least one key.
 *
 * <pre>{@code
 * EntityKeys keys = EntityKeys.builder().defaultCallingCode(86).build();
 * Lead a = Lead.builder("c1").attribute("company", "华为技术有限公司")
 *     .attribute("phone", "138 0013 8000").build();
 * Lead b = Lead.builder("c2").attribute("phone", "+86 138-0013-8000").build();
 * keys.of(a);          // [company-name:华为技术, phone:8613800138000]
 * keys.shared(a, b);   // [phone:8613800138000]: one customer
 *
 * // the host's own keys, alongside the default ones
 * KeyKind account = KeyKind.of("crm-account");
 * EntityKeys withAccounts = keys.and(lead ->
 *     lead.attributes().containsKey("accountId")
 *         ? Set.of(EntityKey.of(account, lead.attributes().get("accountId").strip()))
 *         : Set.of());
 * }</pre>
 *
 * <p>The {@link #builder() built-in implementation} reads named lead attributes through the {@link
 * Normalizers}; a host plugs in its own as a lambda and combines implementations with {@link #and}.
 * An implementation must be deterministic and must not throw for what a lead's attributes hold
 * (text that gives no key gives no key). The built-in one is immutable and thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EntityKeys {

  /**
   * Returns the lead's keys: an unmodifiable set, empty when nothing identifies it, never null. The
   * built-in implementation and {@link #and} return it sorted ({@link EntityKey}'s order).
   */
  Set<EntityKey> of(Lead lead);

  /**
   * Returns the keys the two leads share, sorted: empty when they are different entities, else the
   * evidence that they are one.
   */
  default Set<EntityKey> shared(Lead a, Lead b) {
    SortedSet<EntityKey> out = new TreeSet<>(keysOf(this, requireNonNull(a, "lead")));
    out.retainAll(keysOf(this, requireNonNull(b, "lead")));
    return Collections.unmodifiableSortedSet(out);
  }

  /** Returns keys that hold a lead's keys from this and from {@code other}, sorted. */
  default EntityKeys and(EntityKeys other) {
    requireNonNull(other, "other entity keys");
    return lead -> {
      SortedSet<EntityKey> out = new TreeSet<>(keysOf(this, lead));
      out.addAll(keysOf(other, lead));
      return Collections.unmodifiableSortedSet(out);
    };
  }

  /**
   * Returns the built-in keys with their default settings: the attributes {@code company}, {@code
   * website}, {@code email}, {@code phone} and {@code taxId}, the default free-mail list, and no
   * default calling code (so only phone numbers written with "+" or "00" give keys). The same as
   * {@code builder().build()}.
   */
  static EntityKeys defaults() {
    return builder().build();
  }

  /** Returns a builder of the built-in keys, which read named lead attributes. */
  static Builder builder() {
    return new Builder();
  }

  private static Set<EntityKey> keysOf(EntityKeys keys, Lead lead) {
    Set<EntityKey> out = keys.of(lead);
    checkState(out != null, "entity keys of lead %s must not be null", lead.id());
    return out;
  }

  /**
   * Builds the built-in {@link EntityKeys}, which read named attributes of a lead ({@link
   * Lead#attributes()}) and normalise them with the {@link Normalizers}:
   *
   * <table>
   *   <caption>Attributes read, by default, and the keys they give</caption>
   *   <tr><th>option</th><th>default attribute</th><th>key</th></tr>
   *   <tr><td>{@link #companyName}</td><td>{@code company}</td><td>{@link KeyKind#COMPANY_NAME}</td></tr>
   *   <tr><td>{@link #website}</td><td>{@code website}</td><td>{@link KeyKind#WEB_DOMAIN}</td></tr>
   *   <tr><td>{@link #email}</td><td>{@code email}</td><td>{@link KeyKind#EMAIL_DOMAIN}</td></tr>
   *   <tr><td>{@link #phone}</td><td>{@code phone}</td><td>{@link KeyKind#PHONE}</td></tr>
   *   <tr><td>{@link #taxId}</td><td>{@code taxId}</td><td>{@link KeyKind#USCC} if it is a valid
   *       unified social credit code, else {@link KeyKind#TAX_ID}</td></tr>
   * </table>
   *
   * <p>An attribute that is missing, blank or gives no key is skipped. Each option names the
   * attributes to read for its kind, replacing the default (several, e.g. {@code phone("phone",
   * "mobile")}; none to read no attribute for it). Setting one option twice is an error; {@link
   * #build()} leaves the builder reusable.
   *
   * @since 0.1.0
   */
  final class Builder {
    private final Set<String> set = new HashSet<>();
    private final Map<KeyKind, List<String>> attributes = new LinkedHashMap<>();
    private int defaultCallingCode;
    private Set<String> freeMail = Normalizers.FREE_MAIL_DOMAINS;

    private Builder() {
      attributes.put(KeyKind.COMPANY_NAME, List.of("company"));
      attributes.put(KeyKind.WEB_DOMAIN, List.of("website"));
      attributes.put(KeyKind.EMAIL_DOMAIN, List.of("email"));
      attributes.put(KeyKind.PHONE, List.of("phone"));
      attributes.put(KeyKind.TAX_ID, List.of("taxId"));
    }

    private void once(String option) {
      checkState(set.add(option), "entity keys option '%s' is set twice", option);
    }

    private Builder read(String option, KeyKind kind, String... names) {
      once(option);
      requireNonNull(names, option);
      for (String name : names) {
        checkArgument(
            name != null && !name.isBlank(), "%s: attribute name must not be blank", option);
      }
      attributes.put(kind, List.of(names));
      return this;
    }

    /** The attributes holding the company's name. Default {@code company}. */
    public Builder companyName(String... attributes) {
      return read("companyName", KeyKind.COMPANY_NAME, attributes);
    }

    /** The attributes holding the company's website or domain. Default {@code website}. */
    public Builder website(String... attributes) {
      return read("website", KeyKind.WEB_DOMAIN, attributes);
    }

    /** The attributes holding a contact's e-mail address. Default {@code email}. */
    public Builder email(String... attributes) {
      return read("email", KeyKind.EMAIL_DOMAIN, attributes);
    }

    /** The attributes holding phone numbers. Default {@code phone}. */
    public Builder phone(String... attributes) {
      return read("phone", KeyKind.PHONE, attributes);
    }

    /** The attributes holding tax ids or credit codes. Default {@code taxId}. */
    public Builder taxId(String... attributes) {
      return read("taxId", KeyKind.TAX_ID, attributes);
    }

    /**
     * The country calling code of phone numbers written nationally, in {@code [1, 999]} (86 for
     * China, 1 for North America, 44 for the UK). Default: none, and such numbers give no key.
     */
    public Builder defaultCallingCode(int callingCode) {
      once("defaultCallingCode");
      Normalizers.checkCallingCode(callingCode);
      this.defaultCallingCode = callingCode;
      return this;
    }

    /**
     * The e-mail domains that give no key, replacing {@link Normalizers#FREE_MAIL_DOMAINS}; each a
     * lower-case ASCII domain ({@code gmail.com}) or a label and {@code .*} ({@code yahoo.*}). To
     * extend the default list, pass it with the additions.
     */
    public Builder freeMailDomains(Collection<String> domains) {
      once("freeMailDomains");
      this.freeMail = Domains.freeMailList(domains);
      return this;
    }

    public EntityKeys build() {
      return new AttributeKeys(attributes, defaultCallingCode, freeMail);
    }
  }
}
