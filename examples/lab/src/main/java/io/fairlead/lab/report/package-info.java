/**
 * The lab's report: {@link io.fairlead.lab.report.LabReport} turns a {@link
 * io.fairlead.lab.LabResult} into one self-contained HTML page (a verdict per policy in plain
 * sentences, a legend of the measures, charts drawn offline by an inlined ECharts, the final
 * figures with their proven bounds) and the same figures as JSON and CSV; {@link
 * io.fairlead.lab.report.SweepReport} does the same for a {@link io.fairlead.lab.Sweep}'s rows (a
 * summary per policy variant over seeds, the spread and parameter charts, the table and its CSV).
 */
package io.fairlead.lab.report;
