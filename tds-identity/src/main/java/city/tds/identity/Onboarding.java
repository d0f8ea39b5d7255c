package city.tds.identity;

import city.tds.core.Problem;
import city.tds.core.ProblemKind;
import city.tds.core.Result;
import city.tds.core.id.IdGenerator;
import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import city.tds.core.tx.UnitOfWork;
import city.tds.crypto.CryptoSuite;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 统一主体入驻: organisations apply, the onboarding reviewer approves, rejects or asks for more information, and an
 * approved organisation becomes a participant with its administrator account, its connector key and a membership
 * credential. Every step is one unit of work with its evidence record.
 */
public final class Onboarding {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_DOCUMENTS = 10;
    private static final long MAX_DOCUMENT_BYTES = 5L * 1024 * 1024;

    private final IdentityStore store;
    private final UnitOfWork unitOfWork;
    private final CryptoSuite suite;
    private final IdGenerator ids;
    private final Clock clock;
    private final PasswordHasher passwords;
    private final IdentityEvidence evidence;
    private final Credentials credentials;
    private final StatusCache status;

    Onboarding(
            IdentityStore store,
            UnitOfWork unitOfWork,
            CryptoSuite suite,
            IdGenerator ids,
            Clock clock,
            PasswordHasher passwords,
            IdentityEvidence evidence,
            Credentials credentials,
            StatusCache status) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.suite = suite;
        this.ids = ids;
        this.clock = clock;
        this.passwords = passwords;
        this.evidence = evidence;
        this.credentials = credentials;
        this.status = status;
    }

    /** A submitted application and the token the applicant uses to follow it. */
    public record Submitted(Application application, String statusToken) {}

    public Result<Submitted> apply(ApplicationForm form) {
        Result<CreditCode> code = validate(form);
        if (!code.isOk()) {
            return Result.fail(code.problem());
        }
        String passwordHash = passwords.hash(form.adminPassword().toCharArray());
        return unitOfWork.attempt(tx -> {
            if (store.openApplicationFor(code.value().value()).isPresent()) {
                return Result.fail(Problem.conflict(
                        "duplicate-application",
                        "an application for credit code " + code.value() + " is already open"));
            }
            if (store.participantByCreditCode(code.value().value()).isPresent()) {
                return Result.fail(Problem.conflict(
                        "already-a-participant", "the organisation " + code.value() + " is already a participant"));
            }
            if (store.userByUsername(form.adminUsername()).isPresent()) {
                return Result.fail(
                        Problem.conflict("username-taken", "the username '" + form.adminUsername() + "' is taken"));
            }
            String id = ids.newId();
            String statusToken = Tokens.randomToken();
            List<StoredDocument> documents = describeDocuments(form.documents());
            Application application = new Application(
                    id,
                    ApplicationStatus.SUBMITTED,
                    form.organizationName().trim(),
                    code.value(),
                    form.organizationType(),
                    form.industry().trim(),
                    form.contact(),
                    form.roles(),
                    form.adminUsername(),
                    form.connectorKey(),
                    documents.stream().map(StoredDocument::info).toList(),
                    null,
                    null,
                    now(),
                    null,
                    null);
            store.insertApplication(application, passwordHash, Tokens.hash(statusToken));
            documents.forEach(d -> store.insertDocument(id, d.info(), d.content()));
            evidence.record("onboarding.applied", null, List.of("application:" + id), Set.of(), describe(application));
            return Result.ok(new Submitted(application, statusToken));
        });
    }

    /** The applicant follows its application with the status token it was given. */
    public Result<Application> applicationForApplicant(String id, String statusToken) {
        var secrets = store.applicationSecrets(id);
        if (secrets.isEmpty()
                || statusToken == null
                || !MessageDigest.isEqual(
                        secrets.get().statusTokenHash().getBytes(),
                        Tokens.hash(statusToken).getBytes())) {
            return Result.fail(Problem.notFound("no-such-application", "no application " + id + " for that token"));
        }
        return Result.ok(store.application(id).orElseThrow());
    }

    /** After a request for more information, the applicant resubmits its form (with the status token). */
    public Result<Application> resubmit(String id, String statusToken, ApplicationForm form) {
        Result<Application> current = applicationForApplicant(id, statusToken);
        if (!current.isOk()) {
            return current;
        }
        if (current.value().status() != ApplicationStatus.MORE_INFO_REQUESTED) {
            return Result.fail(Problem.conflict(
                    "not-awaiting-information",
                    "application " + id + " is " + current.value().status() + "; only an application asked for more"
                            + " information can be resubmitted"));
        }
        Result<CreditCode> code = validate(form);
        if (!code.isOk()) {
            return Result.fail(code.problem());
        }
        if (!code.value().equals(current.value().creditCode())) {
            return Result.fail(Problem.invalidInput(
                    "credit-code-changed",
                    "a resubmission keeps the credit code " + current.value().creditCode()));
        }
        return unitOfWork.attempt(tx -> {
            List<StoredDocument> added = describeDocuments(form.documents());
            added.forEach(d -> store.insertDocument(id, d.info(), d.content()));
            List<Application.DocumentInfo> documents =
                    new ArrayList<>(current.value().documents());
            added.forEach(d -> documents.add(d.info()));
            Application updated = new Application(
                    id,
                    ApplicationStatus.SUBMITTED,
                    form.organizationName().trim(),
                    code.value(),
                    form.organizationType(),
                    form.industry().trim(),
                    form.contact(),
                    form.roles(),
                    current.value().adminUsername(),
                    form.connectorKey(),
                    documents,
                    current.value().decisionReason(),
                    null,
                    now(),
                    null,
                    null);
            store.updateApplication(updated);
            evidence.record("onboarding.resubmitted", null, List.of("application:" + id), Set.of(), describe(updated));
            return Result.ok(updated);
        });
    }

    /**
     * A reviewer's decision. Approval creates the participant (with the requested roles unless {@code roles} narrows
     * them), its administrator account, its connector client and a membership credential.
     */
    public Result<Application> decide(
            String id,
            ApplicationStatus.Decision decision,
            String reason,
            Set<ParticipantRole> roles,
            Principal reviewer) {
        if (decision != ApplicationStatus.Decision.APPROVE && (reason == null || reason.isBlank())) {
            return Result.fail(
                    Problem.invalidInput("reason-required", "a rejection or a request for information needs a reason"));
        }
        return unitOfWork.attempt(tx -> {
            Application application = store.application(id).orElse(null);
            if (application == null) {
                return Result.fail(Problem.notFound("no-such-application", "no application " + id));
            }
            if (!application.status().allowedDecisions().contains(decision)) {
                return Result.fail(Problem.conflict(
                        "already-decided",
                        "application " + id + " is " + application.status() + ": no decision can be taken now"
                                + (application.status() == ApplicationStatus.MORE_INFO_REQUESTED
                                        ? " (waiting for the applicant to resubmit)"
                                        : "")));
            }
            return switch (decision) {
                case APPROVE -> approve(application, reason, roles, reviewer);
                case REJECT -> close(application, ApplicationStatus.REJECTED, reason, reviewer, "onboarding.rejected");
                case REQUEST_INFO ->
                    close(
                            application,
                            ApplicationStatus.MORE_INFO_REQUESTED,
                            reason,
                            reviewer,
                            "onboarding.info-requested");
            };
        });
    }

    private Result<Application> approve(
            Application application, String reason, Set<ParticipantRole> roles, Principal reviewer) {
        Set<ParticipantRole> granted = roles == null || roles.isEmpty() ? application.requestedRoles() : roles;
        if (granted.isEmpty()) {
            return Result.fail(Problem.invalidInput("roles-required", "a participant needs at least one role"));
        }
        if (store.userByUsername(application.adminUsername()).isPresent()) {
            return Result.fail(
                    Problem.conflict("username-taken", "the username '" + application.adminUsername() + "' is taken"));
        }
        Instant now = now();
        Participant participant = new Participant(
                ids.newId(),
                application.organizationName(),
                application.creditCode(),
                application.organizationType(),
                application.industry(),
                granted,
                Participant.Status.ACTIVE,
                null,
                now);
        store.insertParticipant(participant);
        String hash = store.applicationSecrets(application.id()).orElseThrow().adminPasswordHash();
        UserAccount admin = new UserAccount(
                ids.newId(),
                participant.id(),
                application.adminUsername(),
                hash,
                EnumSet.of(Role.PARTICIPANT_ADMIN),
                0,
                null,
                now);
        store.insertUser(admin);
        if (application.connectorKey() != null) {
            store.insertClient(new ClientKey(ids.newId(), participant.id(), application.connectorKey(), now));
        }
        Application approved =
                decided(application, ApplicationStatus.APPROVED, reason, participant.id(), reviewer, now);
        store.updateApplication(approved);
        ObjectNode payload = describe(approved);
        payload.put("participantId", participant.id());
        payload.put("adminUserId", admin.id());
        evidence.record(
                "onboarding.approved",
                reviewer,
                List.of("application:" + application.id(), "participant:" + participant.id()),
                Set.of(participant.id()),
                payload);
        credentials.issue(participant, reviewer);
        return Result.ok(approved);
    }

    private Result<Application> close(
            Application application, ApplicationStatus to, String reason, Principal reviewer, String type) {
        Application updated = decided(application, to, reason.trim(), null, reviewer, now());
        store.updateApplication(updated);
        evidence.record(type, reviewer, List.of("application:" + application.id()), Set.of(), describe(updated));
        return Result.ok(updated);
    }

    /** Suspends a participant: its people and machines are refused until it is reinstated. */
    public Result<Participant> suspend(String participantId, String reason, Principal by) {
        if (reason == null || reason.isBlank()) {
            return Result.fail(Problem.invalidInput("reason-required", "a suspension needs a reason"));
        }
        return changeStatus(participantId, Participant.Status.SUSPENDED, reason.trim(), by, "participant.suspended");
    }

    public Result<Participant> reinstate(String participantId, String reason, Principal by) {
        return changeStatus(participantId, Participant.Status.ACTIVE, reason, by, "participant.reinstated");
    }

    private Result<Participant> changeStatus(
            String participantId, Participant.Status to, String reason, Principal by, String type) {
        Result<Participant> result = unitOfWork.attempt(tx -> {
            Participant participant = store.participant(participantId).orElse(null);
            if (participant == null) {
                return Result.fail(Problem.notFound("no-such-participant", "no participant " + participantId));
            }
            if (participant.status() == to) {
                return Result.fail(
                        Problem.conflict("status-unchanged", "participant " + participantId + " is already " + to));
            }
            Participant changed = participant.withStatus(to, reason);
            store.updateParticipant(changed);
            ObjectNode payload = IdentityEvidence.payload();
            payload.put("participantId", participantId);
            payload.put("status", to.name());
            payload.put("reason", reason);
            evidence.record(type, by, List.of("participant:" + participantId), Set.of(participantId), payload);
            return Result.ok(changed);
        });
        result.map(p -> {
            status.refreshNow();
            return p;
        });
        return result;
    }

    public List<Application> applications(ApplicationStatus status) {
        return store.applications(status, 500);
    }

    public Result<Application> application(String id) {
        return store.application(id)
                .<Result<Application>>map(Result::ok)
                .orElseGet(() -> Result.fail(Problem.notFound("no-such-application", "no application " + id)));
    }

    public Result<byte[]> document(String applicationId, String documentId) {
        return store.documentContent(applicationId, documentId)
                .<Result<byte[]>>map(Result::ok)
                .orElseGet(() -> Result.fail(Problem.notFound(
                        "no-such-document", "no document " + documentId + " in application " + applicationId)));
    }

    private record StoredDocument(Application.DocumentInfo info, byte[] content) {}

    private List<StoredDocument> describeDocuments(List<ApplicationForm.Document> docs) {
        List<StoredDocument> out = new ArrayList<>();
        for (ApplicationForm.Document doc : docs) {
            Application.DocumentInfo info = new Application.DocumentInfo(
                    ids.newId(),
                    doc.name().trim(),
                    doc.mediaType().trim(),
                    doc.content().length,
                    HexFormat.of().formatHex(suite.hash(doc.content())));
            out.add(new StoredDocument(info, doc.content()));
        }
        return out;
    }

    private Result<CreditCode> validate(ApplicationForm form) {
        if (blank(form.organizationName()) || form.organizationName().length() > 200) {
            return invalid("invalid-organization-name", "organizationName is required (at most 200 characters)");
        }
        if (form.organizationType() == null) {
            return invalid("invalid-organization-type", "organizationType is required");
        }
        if (blank(form.industry()) || form.industry().length() > 100) {
            return invalid("invalid-industry", "industry is required (at most 100 characters)");
        }
        if (form.contact() == null
                || blank(form.contact().name())
                || blank(form.contact().phone())
                || form.contact().email() == null
                || !EMAIL.matcher(form.contact().email()).matches()) {
            return invalid("invalid-contact", "contact needs a name, a phone and a valid email");
        }
        if (form.roles().isEmpty()) {
            return invalid("roles-required", "ask for at least one role: PROVIDER, CONSUMER, SERVICE_PROVIDER");
        }
        if (form.adminUsername() == null
                || !USERNAME.matcher(form.adminUsername()).matches()) {
            return invalid(
                    "invalid-username",
                    "adminUsername: 3 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter" + " or digit");
        }
        Result<Void> password = Accounts.checkPassword(form.adminUsername(), form.adminPassword());
        if (!password.isOk()) {
            return Result.fail(password.problem());
        }
        if (form.connectorKey() != null
                && suite.readPublicKey(decode(form.connectorKey())).isEmpty()) {
            return invalid("invalid-connector-key", "connectorKey is not a " + suite.id() + " public key (base64)");
        }
        if (form.documents().size() > MAX_DOCUMENTS) {
            return invalid("too-many-documents", "at most " + MAX_DOCUMENTS + " documents");
        }
        for (ApplicationForm.Document doc : form.documents()) {
            if (doc == null
                    || blank(doc.name())
                    || blank(doc.mediaType())
                    || doc.content() == null
                    || doc.content().length == 0
                    || doc.content().length > MAX_DOCUMENT_BYTES) {
                return invalid(
                        "invalid-document", "each document needs a name, a media type and 1 byte to 5 MiB of content");
            }
        }
        return CreditCode.parse(form.creditCode());
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private ObjectNode describe(Application a) {
        ObjectNode node = IdentityEvidence.payload();
        node.put("applicationId", a.id());
        node.put("status", a.status().name());
        node.put("organizationName", a.organizationName());
        node.put("creditCode", a.creditCode().value());
        node.put("organizationType", a.organizationType().name());
        node.put("industry", a.industry());
        ArrayNode roles = node.putArray("roles");
        a.requestedRoles().stream().map(Enum::name).sorted().forEach(roles::add);
        ArrayNode docs = node.putArray("documents");
        a.documents().forEach(d -> docs.addObject().put("name", d.name()).put("digest", d.digest()));
        if (a.decisionReason() != null) {
            node.put("reason", a.decisionReason());
        }
        return node;
    }

    private static Application decided(
            Application a, ApplicationStatus status, String reason, String participantId, Principal by, Instant at) {
        return new Application(
                a.id(),
                status,
                a.organizationName(),
                a.creditCode(),
                a.organizationType(),
                a.industry(),
                a.contact(),
                a.requestedRoles(),
                a.adminUsername(),
                a.connectorKey(),
                a.documents(),
                reason,
                participantId,
                a.submittedAt(),
                at,
                by.subject());
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> Result<T> invalid(String code, String detail) {
        return Result.fail(new Problem(ProblemKind.INVALID_INPUT, code, detail));
    }
}
