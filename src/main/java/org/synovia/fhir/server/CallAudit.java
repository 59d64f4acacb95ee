package org.synovia.fhir.server;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.audit.AuditEntry;
import org.synovia.audit.AuditTrail;

import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * The audit line every FHIR call leaves (ADR 0111). An allowed read or search keeps its line waiting until the call
 * reads, and commits it with the lines of what it read: one durable commit per call instead of two. Whatever the
 * call does, its line is durable before the answer leaves: with the call's own reads, or alone just before the
 * response or the error is written ({@link #commitWaiting}).
 */
@Component
class CallAudit {

    private static final Logger log = LoggerFactory.getLogger(CallAudit.class);
    private static final String WAITING = CallAudit.class.getName() + ".waiting";

    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    CallAudit(AuditTrail audit, TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Commits the line now, before anything else of the call happens: a refused call, or one that writes. */
    void commitNow(AuditEntry line) {
        transactions.executeWithoutResult(tx -> audit.recordAll(List.of(line)));
    }

    /** Keeps the line of an allowed read or search until {@link #reading} or {@link #commitWaiting} commits it. */
    void keepWaiting(RequestDetails request, AuditEntry line) {
        request.getUserData().put(WAITING, line);
    }

    /**
     * Runs the call's reads in one transaction that also records the call's waiting line, so both commit together.
     * If the reads fail, the transaction rolls back and the line still waits: it is then committed alone with the error.
     */
    <T> T reading(RequestDetails request, Supplier<T> reads) {
        T answer = transactions.execute(tx -> {
            if (request.getUserData().get(WAITING) instanceof AuditEntry line) {
                audit.recordAll(List.of(line));
            }
            return reads.get();
        });
        request.getUserData().remove(WAITING);
        return answer;
    }

    /**
     * Commits the call's line alone if it is still waiting: called just before the response or the error is written,
     * so that no call is answered unrecorded, whether or not its provider read through {@link #reading}.
     */
    void commitWaiting(RequestDetails request) {
        if (request.getUserData().remove(WAITING) instanceof AuditEntry line) {
            commitNow(line);
        }
    }

    /** The last safeguard, after the answer: a line still waiting here means a path that skipped both hooks. */
    void commitLate(RequestDetails request) {
        if (request.getUserData().get(WAITING) instanceof AuditEntry line) {
            log.warn("A FHIR call's audit line was committed after its answer: {} {}", request.getRequestType(),
                    request.getRequestPath());
            commitWaiting(request);
        }
    }
}
