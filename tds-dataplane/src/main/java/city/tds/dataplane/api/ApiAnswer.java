package city.tds.dataplane.api;

/**
 * What the provider's API answered a call: its status, media type (null if it gave none) and body, and the number of
 * the call under its agreement (0 when it was not counted).
 */
public record ApiAnswer(int status, String contentType, byte[] body, long call) {

    ApiAnswer counted(long number) {
        return new ApiAnswer(status, contentType, body, number);
    }
}
