/**
 * fairlead's scenario lab: the same lead stream replayed through a book under several policies,
 * measured week by week ({@link io.fairlead.lab.Lab}). A library for data teams' own code and
 * tests; it binds no logging.
 */
module io.fairlead.lab {
  requires transitive io.fairlead.core;
  requires io.fairlead.solver;

  exports io.fairlead.lab;
}
