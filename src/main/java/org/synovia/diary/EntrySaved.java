package org.synovia.diary;

import java.util.Set;

/** The entry was kept; when it reported a red flag, the patient is shown the urgent advice at once (AF-06). */
public record EntrySaved(TimePoint timePoint, Set<RedFlag> redFlags, String urgentContact) {

    public boolean urgent() {
        return !redFlags.isEmpty();
    }
}
