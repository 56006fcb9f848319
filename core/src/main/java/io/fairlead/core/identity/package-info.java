/**
 * Who a lead is: {@link io.fairlead.core.identity.EntityKey entity keys} (a kind and a normalised
 * value: a company name, a web or e-mail domain, a phone number, a tax id or credit code, or a
 * host-defined kind), made from a lead by pluggable {@link io.fairlead.core.identity.EntityKeys},
 * with the {@link io.fairlead.core.identity.Normalizers} that give each built-in kind its normal
 * form. Two leads that share a key are the same customer: the ground on which ownership conflicts
 * (撞单) are found.
 *
 * <p>Uses {@code model} only. See {@code docs/identity-keys.md}.
 *
 * @since 0.1.0
 */
package io.fairlead.core.identity;
