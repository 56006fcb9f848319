/**
 * The lab's report: {@link io.fairlead.lab.report.LabReport} turns a {@link
 * io.fairlead.lab.LabResult} into one self-contained HTML page (a verdict per policy in plain
 * sentences, a legend of the measures, charts drawn offline by an inlined ECharts, the final
 * figures with their proven bounds) and the same figures as JSON and CSV.
 */
package io.fairlead.lab.report;
