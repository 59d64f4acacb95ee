package org.synovia.hl7;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;

/**
 * A parsed message read as the flat list of its segments in order, whatever the message structure
 * (ORM^O01 and OMG^O19 nest the same segments in different groups). Fields are read by number, as the
 * mapping tables in docs/integration/hl7v2.md name them ("OBR-46.1").
 */
final class Hl7Segments {

    private final List<Segment> segments = new ArrayList<>();

    Hl7Segments(Message message) {
        collect(message);
    }

    private void collect(Group group) {
        for (String name : group.getNames()) {
            try {
                for (Structure structure : group.getAll(name)) {
                    if (structure instanceof Group child) {
                        collect(child);
                    } else if (structure instanceof Segment segment && !segment.isEmpty()) {
                        segments.add(segment);
                    }
                }
            } catch (HL7Exception e) {
                throw new Hl7Rejection(Hl7Rejection.Code.AE, name + " cannot be read; check its fields and separators");
            }
        }
    }

    List<Segment> all(String name) {
        return segments.stream().filter(s -> s.getName().equals(name)).toList();
    }

    Optional<Segment> first(String name) {
        return segments.stream().filter(s -> s.getName().equals(name)).findFirst();
    }

    /** Segments named {@code name} that come after the first {@code after} segment (NTE of the order, not the patient). */
    List<Segment> allAfter(String name, String after) {
        List<Segment> found = new ArrayList<>();
        boolean seen = false;
        for (Segment s : segments) {
            seen |= s.getName().equals(after);
            if (seen && s.getName().equals(name)) {
                found.add(s);
            }
        }
        return found;
    }

    /** The value at field.component.subcomponent of one repetition, or null when empty. */
    static String value(Segment segment, int field, int repetition, int component, int subcomponent) {
        try {
            if (repetition >= segment.getField(field).length) {
                return null;
            }
            String value = Terser.get(segment, field, repetition, component, subcomponent);
            return value == null || value.isBlank() ? null : value.strip();
        } catch (HL7Exception e) {
            throw new Hl7Rejection(Hl7Rejection.Code.AE, segment.getName() + "-" + field + " cannot be read; check its components and separators");
        }
    }

    static String value(Segment segment, int field, int component) {
        return value(segment, field, 0, component, 1);
    }

    static String value(Segment segment, int field) {
        return value(segment, field, 0, 1, 1);
    }

    static int repetitions(Segment segment, int field) {
        try {
            return segment.getField(field).length;
        } catch (HL7Exception e) {
            return 0;
        }
    }

    /** An HL7 date (YYYYMMDD, possibly followed by a time) as a date; a bad one names its place. */
    static LocalDate date(String value, String where) {
        if (value == null) {
            return null;
        }
        if (value.length() < 8 || !value.substring(0, 8).chars().allMatch(Character::isDigit)) {
            throw new Hl7Rejection(Hl7Rejection.Code.AE, where + " is not a date (YYYYMMDD): " + value);
        }
        try {
            return LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                    Integer.parseInt(value.substring(6, 8)));
        } catch (java.time.DateTimeException e) {
            throw new Hl7Rejection(Hl7Rejection.Code.AE, where + " is not a date (YYYYMMDD): " + value);
        }
    }
}
