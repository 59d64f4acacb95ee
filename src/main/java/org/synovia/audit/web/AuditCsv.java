package org.synovia.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.synovia.audit.AuditEvent;
import org.synovia.audit.AuditPage;

/**
 * The trail as CSV (RFC 4180, a header line, every field quoted). A field that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe: the details hold text users typed.
 */
final class AuditCsv {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> HEADER = List.of("When", "Username", "Name", "Roles", "Action", "Record type",
            "Record id", "NHS number", "Patient id", "From address", "Details");

    private AuditCsv() {
    }

    static String write(AuditPage lines, ZoneId zone) {
        StringBuilder csv = new StringBuilder(line(HEADER.stream()));
        for (AuditEvent e : lines.events()) {
            String name = lines.staffNames().get(e.username());
            csv.append(line(Stream.of(WHEN.format(e.occurredAt().atZone(zone)), e.username(), name, e.roles(),
                    e.action().name(), e.recordType(), e.recordId(), lines.nhsNumber(e),
                    e.patientId() == null ? null : e.patientId().toString(), e.remoteAddress(), e.details())));
        }
        return csv.toString();
    }

    private static String line(Stream<String> fields) {
        return fields.map(AuditCsv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
