package org.synovia.diary;

/** A diary link that opens nothing: unknown (mistyped, or never issued) or expired. Shown as a plain page. */
public class DiaryLinkRefused extends RuntimeException {

    private final boolean expired;

    public DiaryLinkRefused(boolean expired) {
        super(expired ? "diary link expired" : "diary link not recognised");
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
