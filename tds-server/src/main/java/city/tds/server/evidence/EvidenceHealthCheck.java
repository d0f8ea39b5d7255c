package city.tds.server.evidence;

import city.tds.core.health.HealthCheck;
import city.tds.core.health.HealthStatus;
import city.tds.evidence.log.EvidenceLog;
import city.tds.evidence.log.EvidenceWorker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The evidence log is up when its worker runs and its last round of sequencing succeeded. */
final class EvidenceHealthCheck implements HealthCheck {

    private final EvidenceLog log;
    private final Supplier<EvidenceWorker> workers;

    EvidenceHealthCheck(EvidenceLog log, Supplier<EvidenceWorker> workers) {
        this.log = log;
        this.workers = workers;
    }

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public HealthStatus check() {
        EvidenceWorker worker = workers.get();
        if (worker == null || !worker.alive()) {
            return HealthStatus.down("the evidence worker is not running");
        }
        if (worker.lastError().isPresent()) {
            return HealthStatus.down("sequencing fails: " + worker.lastError().get());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("size", log.size());
        log.latestTreeHead().ifPresent(head -> {
            details.put("signedSize", head.treeSize());
            details.put("signedAt", head.timestamp().toString());
        });
        return HealthStatus.up(details);
    }
}
