package io.fairlead.service;

import static java.util.Objects.requireNonNull;

import io.fairlead.core.model.RepId;
import java.util.Optional;

/**
 * Who made a request: the actor named by its token, its role, and for a rep, the rep it is.
 *
 * @param actor the name in the audit log and the book's log, e.g. {@code "lee"}
 * @param role what it may do
 * @param rep for the rep role, the rep on the roster it speaks for
 */
public record Caller(String actor, Role role, Optional<RepId> rep) {

  /** Made for requests without a valid token; in the audit log as {@code anonymous}. */
  public static final Caller ANONYMOUS = new Caller("anonymous", Role.REP, Optional.empty());

  public Caller {
    requireNonNull(actor, "actor");
    requireNonNull(role, "role");
    requireNonNull(rep, "rep");
  }

  /** The actor as the book's log writes it: {@code "manager:lee"}, {@code "rep:ana"}. */
  public String bookActor() {
    return role.id() + ":" + actor;
  }

  /** Whether this caller is the rep {@code id}. */
  public boolean is(RepId id) {
    return rep.filter(id::equals).isPresent();
  }
}
