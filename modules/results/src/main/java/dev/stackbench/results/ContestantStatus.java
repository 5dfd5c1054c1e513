package dev.stackbench.results;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * Whether a contestant was measured, and if not, why. A contestant that fails spec verification
 * is reported as failing, never measured.
 *
 * <p>In JSON: {@code {"state":"measured"}} or {@code {"state":"failedVerification","reason":"..."}}
 * ({@code notInstalled}, {@code failedToStart}, {@code crashed} likewise).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ContestantStatus.Measured.class, name = "measured"),
        @JsonSubTypes.Type(value = ContestantStatus.FailedVerification.class, name = "failedVerification"),
        @JsonSubTypes.Type(value = ContestantStatus.NotInstalled.class, name = "notInstalled"),
        @JsonSubTypes.Type(value = ContestantStatus.FailedToStart.class, name = "failedToStart"),
        @JsonSubTypes.Type(value = ContestantStatus.Crashed.class, name = "crashed")})
public sealed interface ContestantStatus {

    /** @return one line for people: {@code measured}, {@code failed verification: <reason>} */
    String describe();

    /** Installed, started, verified and measured. */
    record Measured() implements ContestantStatus {
        @Override
        public String describe() {
            return "measured";
        }
    }

    /** @param reason the first failed check, e.g. {@code GET /api/users/0 returned 500, expected 404} */
    record FailedVerification(String reason) implements ContestantStatus {
        public FailedVerification {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "failed verification: " + reason;
        }
    }

    /** @param reason why installing failed, e.g. {@code npm ci exited with 1} */
    record NotInstalled(String reason) implements ContestantStatus {
        public NotInstalled {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "not installed: " + reason;
        }
    }

    /** @param reason e.g. {@code did not answer GET /json within 30 s} */
    record FailedToStart(String reason) implements ContestantStatus {
        public FailedToStart {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "failed to start: " + reason;
        }
    }

    /**
     * Exited during a trial (its trials up to then were measured; the trial it died in is
     * invalid).
     *
     * @param reason exit code or signal and the last lines of its stderr, e.g. {@code killed by
     *     SIGKILL during json c1000 trial 2}
     */
    record Crashed(String reason) implements ContestantStatus {
        public Crashed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "crashed: " + reason;
        }
    }
}
