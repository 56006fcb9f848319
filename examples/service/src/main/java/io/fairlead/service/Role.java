package io.fairlead.service;

import java.util.Locale;

/**
 * What a caller may do. A {@code rep} claims, releases its own customers and asks about itself; a
 * {@code manager} also routes leads, reclaims, overrides (always with a reason) and reads the whole
 * book and its audit; an {@code admin} also changes the roster and starts the day.
 */
public enum Role {
  REP,
  MANAGER,
  ADMIN;

  /** The role's name in configuration and in the audit log: {@code rep}, {@code manager}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role includes everything {@code other} may do. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }
}
