package city.tds.core;

/**
 * Carries a {@link Problem} through code that cannot return a {@link Result}, such as a callback inside a transaction.
 * The unit of work rolls back when it sees one; the HTTP layer renders its problem.
 */
public final class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
