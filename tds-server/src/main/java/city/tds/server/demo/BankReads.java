package city.tds.server.demo;

import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The bank's people reading the bank's copies through its connector's API, as one of them: a read answers with the
 * data (and the use's number) or with a problem.
 */
final class BankReads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TdsNode bank;
    private final String token;

    BankReads(TdsNode bank, String token) {
        this.bank = bank;
        this.token = token;
    }

    /** A read's answer: its status, the data or the problem, and the use's number (0 when refused). */
    record Answer(int status, String body, int use) {

        /** The problem's type without its {@code urn:tds:problem:} prefix. */
        String problemType() {
            return problem().path("type").asText().replace("urn:tds:problem:", "");
        }

        /** The problem's type and detail, for the console. */
        String problemText() {
            return problemType() + " — " + problem().path("detail").asText();
        }

        private JsonNode problem() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode().put("detail", body);
            }
        }
    }

    /** Reads {@code copy} for {@code purpose}. */
    Answer read(JsonNode copy, String purpose) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(bank.url() + "/api/v1/dataplane/copies/" + id(copy) + "/reads"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode().put("purpose", purpose).toString()))
                .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int use = Integer.parseInt(response.headers().firstValue("TDS-Use").orElse("0"));
            return new Answer(response.statusCode(), response.body(), use);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Reads {@code copy} for credit risk, which the agreement permits. */
    Answer forCreditRisk(JsonNode copy) {
        Answer read = read(copy, DemoCredit.CREDIT_RISK);
        if (read.status() != 200) {
            throw new IllegalStateException("a credit-risk read of copy " + id(copy) + " was refused: " + read.body());
        }
        return read;
    }

    /** {@code copy} as the connector shows it now. */
    JsonNode now(JsonNode copy) {
        return new SpaceClient(bank.url())
                .get("/api/v1/dataplane/copies/" + id(copy), token)
                .expect(200);
    }

    private static String id(JsonNode copy) {
        return copy.path("id").asText();
    }
}
