/**
 * The domain: {@link io.fairlead.core.model.Lead leads} (customers and prospects) and {@link
 * io.fairlead.core.model.Rep reps}, with their typed ids, tiers, kinds and roles. Every type here
 * is an immutable value.
 *
 * @since 0.1.0
 */
package io.fairlead.core.model;
