package city.tds.catalog;

import java.time.Instant;

/**
 * A document attached to a product version for compliance review (合规评估, 质量评估).
 *
 * @param digest the content's hash in the space's suite, hex
 */
public record Attachment(
        String id,
        String productId,
        int version,
        AttachmentKind kind,
        String name,
        String mediaType,
        long sizeBytes,
        String digest,
        Instant addedAt) {}
