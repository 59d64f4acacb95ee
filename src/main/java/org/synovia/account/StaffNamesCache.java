package org.synovia.account;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Staff names held in memory with the version of {@code staff_names_version} they were read at (ADR 0113). Every change
 * to a name or to who has an account raises the version in its own transaction, and a signed-in request reads the
 * version with its session check, so a page gets the held names without a statement while they are current and
 * rereads them, once, after the version moved; every instance reads the same number, so none shows a stale name.
 */
@Component
class StaffNamesCache {

    /** The version this request's session check read, as a request attribute. */
    private static final String SEEN_VERSION = StaffNamesCache.class.getName() + ".seenVersion";

    private final UserAccountRepository accounts;
    private final AtomicReference<Snapshot> held = new AtomicReference<>();

    StaffNamesCache(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Names as read at a version; {@code keepable} is false for names read by a transaction that has written. */
    record Snapshot(long version, StaffNames names, boolean keepable) {
    }

    /**
     * Notes the version this request's session check read, so its names cost no statement of their own. Set on the
     * request itself: a filter may run before the request is bound to the thread.
     */
    static void seen(ServletRequest request, long version) {
        request.setAttribute(SEEN_VERSION, version);
    }

    /** After this request changed names itself, the version it read at its start no longer covers them. */
    static void forgetSeen() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(SEEN_VERSION, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * The names at the version this request saw, or later. Outside a checked request (a job, a listener, a request
     * without a session check) the version is read first: one small statement instead of every name.
     */
    StaffNames current() {
        long version = seenVersion() instanceof Long seen ? seen : accounts.staffNamesVersion();
        Snapshot snapshot = held.get();
        if (snapshot != null && snapshot.version() >= version) {
            return snapshot.names();
        }
        Snapshot fresh = accounts.staffNamesSnapshot();
        if (fresh.keepable()) {
            held.accumulateAndGet(fresh, (kept, read) -> kept == null || read.version() > kept.version() ? read : kept);
        }
        return fresh.names();
    }

    private static Object seenVersion() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : request.getAttribute(SEEN_VERSION, RequestAttributes.SCOPE_REQUEST);
    }
}
