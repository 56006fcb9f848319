package io.fairlead.core.identity;

import io.fairlead.core.model.Lead;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The built-in {@link EntityKeys}: named lead attributes through the {@link Normalizers}. */
final class AttributeKeys implements EntityKeys {

  private final Map<KeyKind, List<String>> attributes;
  private final int defaultCallingCode;
  private final Set<String> freeMail;

  /**
   * @param attributes the attributes to read per kind (TAX_ID stands for USCC and TAX_ID)
   * @param defaultCallingCode checked, or 0 for none
   * @param freeMail checked by {@link Domains#freeMailList}
   */
  AttributeKeys(
      Map<KeyKind, List<String>> attributes, int defaultCallingCode, Set<String> freeMail) {
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    this.defaultCallingCode = defaultCallingCode;
    this.freeMail = freeMail;
  }

  @Override
  public Set<EntityKey> of(Lead lead) {
    SortedSet<EntityKey> keys = new TreeSet<>();
    attributes.forEach(
        (kind, names) -> {
          for (String name : names) {
            String value = lead.attributes().get(name);
            if (value != null && !value.isBlank()) {
              key(kind, value).ifPresent(keys::add);
            }
          }
        });
    return Collections.unmodifiableSortedSet(keys);
  }

  private Optional<EntityKey> key(KeyKind kind, String value) {
    switch (kind.name()) {
      case "company-name":
        return CompanyNames.normalize(value).map(v -> EntityKey.of(kind, v));
      case "web-domain":
        return Domains.webDomain(value).map(v -> EntityKey.of(kind, v));
      case "email-domain":
        return Domains.emailDomain(value, freeMail).map(v -> EntityKey.of(kind, v));
      case "phone":
        return Phones.normalize(value, defaultCallingCode).map(v -> EntityKey.of(kind, v));
      case "tax-id":
        Optional<String> uscc = TaxIds.uscc(value);
        return uscc.isPresent()
            ? uscc.map(v -> EntityKey.of(KeyKind.USCC, v))
            : TaxIds.taxId(value).map(v -> EntityKey.of(KeyKind.TAX_ID, v));
      default:
        throw new AssertionError("not a built-in attribute kind: " + kind);
    }
  }

  @Override
  public String toString() {
    return "EntityKeys" + attributes + (defaultCallingCode > 0 ? " +" + defaultCallingCode : "");
  }
}
