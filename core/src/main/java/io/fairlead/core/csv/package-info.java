/**
 * Reps and leads from CSV files with a documented column mapping, and allocations as CSV: one entry
 * point, {@link io.fairlead.core.csv.FairleadCsv}, and its {@link io.fairlead.core.csv.CsvMapping}.
 * The format is documented in {@code docs/csv-format.md}; Jackson is an implementation detail and
 * appears in no public signature.
 *
 * @since 0.1.0
 */
package io.fairlead.core.csv;
