package org.synovia.account;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.synovia.audit.AuditDirectory;

/** Staff by full name for people reading the audit trail. */
@Component
class AccountAuditDirectory implements AuditDirectory {

    private final UserAccountRepository repository;

    AccountAuditDirectory(UserAccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, String> staffNames(Collection<String> usernames) {
        return repository.displayNames(usernames);
    }
}
