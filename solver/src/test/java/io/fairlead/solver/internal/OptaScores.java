package io.fairlead.solver.internal;

import java.util.Map;
import java.util.TreeMap;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;

/** Scores plans with OptaPlanner's own score director, outside any solve. */
final class OptaScores {

  private static final SolutionManager<Plan, HardMediumSoftLongScore> MANAGER =
      SolutionManager.create(
          SolverFactory.create(
              PlanSolver.config(SolveOptions.DEFAULTS, 1, 1, new GreedyConstruction())));

  private OptaScores() {}

  static ScoreExplanation<Plan, HardMediumSoftLongScore> explain(Plan plan) {
    return MANAGER.explain(plan);
  }

  /** The penalty of each constraint name (positive), summed over constraint packages. */
  static Map<String, Long> penaltiesByName(ScoreExplanation<Plan, HardMediumSoftLongScore> e) {
    Map<String, Long> out = new TreeMap<>();
    for (ConstraintMatchTotal<HardMediumSoftLongScore> t :
        e.getConstraintMatchTotalMap().values()) {
      HardMediumSoftLongScore s = t.getScore();
      out.merge(
          t.getConstraintName(), -(s.hardScore() + s.mediumScore() + s.softScore()), Long::sum);
    }
    return out;
  }
}
