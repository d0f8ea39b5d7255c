package city.tds.crypto;

/** An incremental hash. Not thread-safe; one per computation. */
public interface Hasher {

    Hasher update(byte[] data, int offset, int length);

    default Hasher update(byte[] data) {
        return update(data, 0, data.length);
    }

    default Hasher update(byte data) {
        return update(new byte[] {data}, 0, 1);
    }

    /** Finishes the hash; the hasher is reset and can be reused. */
    byte[] digest();
}
