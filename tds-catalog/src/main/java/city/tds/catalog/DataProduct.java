package city.tds.catalog;

import java.time.Instant;

/**
 * A data product (数据产品) across its versions.
 *
 * @param latestVersion the newest version, which may be a draft
 * @param listedVersion the version consumers see, if one is listed or suspended
 * @param registrationCode the registration code, issued when the first version is listed and kept by later versions
 */
public record DataProduct(
        String id,
        String providerId,
        int latestVersion,
        Integer listedVersion,
        RegistrationCode registrationCode,
        Instant createdAt) {

    public DataProduct withLatestVersion(int version) {
        return new DataProduct(id, providerId, version, listedVersion, registrationCode, createdAt);
    }

    public DataProduct withListed(Integer version, RegistrationCode code) {
        return new DataProduct(id, providerId, latestVersion, version, code, createdAt);
    }
}
