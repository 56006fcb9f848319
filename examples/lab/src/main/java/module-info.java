/**
 * fairlead's scenario lab: the same lead stream replayed through a book under several policies,
 * measured week by week ({@link io.fairlead.lab.Lab}), and its report ({@link
 * io.fairlead.lab.report.LabReport}). A library for data teams' own code and tests; it binds no
 * logging.
 */
module io.fairlead.lab {
  requires transitive io.fairlead.core;
  requires io.fairlead.solver;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;

  exports io.fairlead.lab;
  exports io.fairlead.lab.report;
}
