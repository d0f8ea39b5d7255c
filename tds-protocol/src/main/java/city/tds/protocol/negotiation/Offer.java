package city.tds.protocol.negotiation;

import city.tds.policy.CompiledPolicy;
import city.tds.policy.Policy;
import java.util.Objects;

/**
 * An offer this connector made: a policy for one dataset (a listed product), under which the provider will agree.
 *
 * @param id the offer's {@code @id}, as the catalog gave it
 * @param target the dataset it is for
 * @param providerId the participant offering it
 */
public record Offer(String id, String target, String providerId, Policy policy, CompiledPolicy compiled) {

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(compiled, "compiled");
    }

    public static Offer of(String id, String target, String providerId, Policy policy) {
        return new Offer(id, target, providerId, policy, CompiledPolicy.of(policy));
    }
}
