package io.fairlead.core.identity;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Optional;

/**
 * One thing a customer is known by: a kind and a normalised value, e.g. {@code phone:8613800138000}
 * or {@code company-name:huaweitechnologies}. Two leads are the same entity when they share at
 * least one key (see {@link EntityKeys}).
 *
 * <pre>{@code
 * EntityKey phone = EntityKey.of(KeyKind.PHONE, "8613800138000");
 * Optional<EntityKey> name =
 *     Normalizers.companyName("Huawei Technologies Co., Ltd.")
 *         .map(v -> EntityKey.of(KeyKind.COMPANY_NAME, v));   // company-name:huaweitechnologies
 * }</pre>
 *
 * <p>A key of a built-in kind holds its value in normal form, the form its normaliser returns (so a
 * key made by hand matches the keys {@link EntityKeys} makes): {@code EntityKey.of(KeyKind.PHONE,
 * "+86 138-0013-8000")} fails, naming the normaliser to use. A key of a custom kind holds any text
 * that is not blank and has no leading or trailing whitespace; the host normalises it.
 *
 * <p>Immutable; ordered by kind, then value. Its {@link #toString()} is {@code kind:value}.
 *
 * @param kind what the value identifies the customer by
 * @param value the normalised value
 * @since 0.1.0
 */
public record EntityKey(KeyKind kind, String value) implements Comparable<EntityKey> {

  private static final Comparator<EntityKey> ORDER =
      Comparator.comparing(EntityKey::kind).thenComparing(EntityKey::value);

  public EntityKey {
    requireNonNull(kind, "key kind");
    checkArgument(
        value != null && !value.isBlank() && value.strip().equals(value),
        "%s key must not be blank or padded with whitespace, was '%s'",
        kind,
        value);
    checkArgument(
        value.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE),
        "%s key must be well-formed text, but holds a lone surrogate",
        kind);
    if (kind.builtIn()) {
      Optional<String> normal = Normalizers.normalFormOf(kind, value);
      checkArgument(
          normal.isPresent() && normal.get().equals(value),
          "%s key must be in normal form (%s gives %s), was '%s'",
          kind,
          Normalizers.nameOf(kind),
          normal.map(n -> "'" + n + "'").orElse("no key"),
          value);
    }
  }

  /** Returns the key of the given kind and normalised value. */
  public static EntityKey of(KeyKind kind, String value) {
    return new EntityKey(kind, value);
  }

  @Override
  public int compareTo(EntityKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return kind + ":" + value;
  }
}
