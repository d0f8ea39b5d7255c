package city.tds.policy;

import java.util.ArrayList;
import java.util.List;

/** The problems found while reading one policy, each marked as outside the subset or as an invalid value. */
final class Findings {

    private record Finding(PolicyProblem problem, boolean outsideSubset) {}

    private final List<Finding> findings = new ArrayList<>();

    /** A construct TDS does not support (valid ODRL, or an unknown term). */
    void outsideSubset(String path, String construct, String reason) {
        findings.add(new Finding(new PolicyProblem(path, construct, reason), true));
    }

    /** A malformed or contradictory value. */
    void invalid(String path, String construct, String reason) {
        findings.add(new Finding(new PolicyProblem(path, construct, reason), false));
    }

    int count() {
        return findings.size();
    }

    boolean isEmpty() {
        return findings.isEmpty();
    }

    boolean anyOutsideSubset() {
        return findings.stream().anyMatch(Finding::outsideSubset);
    }

    List<PolicyProblem> problems() {
        return findings.stream().map(Finding::problem).toList();
    }

    static String child(String path, String key) {
        return path + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String path, int index) {
        return path + "/" + index;
    }
}
