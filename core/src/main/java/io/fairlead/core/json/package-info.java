/**
 * JSON for problems, policies, reps, leads and allocations: one public entry point, {@link
 * io.fairlead.core.json.FairleadJson}. The format is documented in {@code docs/json-format.md};
 * Jackson is an implementation detail and appears in no public signature.
 *
 * @since 0.1.0
 */
package io.fairlead.core.json;
