package org.synovia.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.scheduling.SessionException;
import org.synovia.shared.Guidance;

/** Form-backing objects of the sessions page; the domain records validate what they hold. */
final class SessionForms {

    private SessionForms() {
    }

    static class RoomForm {
        private String name;
        private String location;
        private Set<Guidance> guidance = EnumSet.noneOf(Guidance.class);

        public String getName() { return name; }
        public void setName(String value) { name = value; }
        public String getLocation() { return location; }
        public void setLocation(String value) { location = value; }
        public Set<Guidance> getGuidance() { return guidance; }
        public void setGuidance(Set<Guidance> value) { guidance = value == null ? EnumSet.noneOf(Guidance.class) : value; }
    }

    static class OperatorForm {
        private String username;
        private String displayName;
        private OperatorGrade grade;
        private Set<Guidance> guidance = EnumSet.noneOf(Guidance.class);
        private Set<String> siteCodes = new LinkedHashSet<>();

        public String getUsername() { return username; }
        public void setUsername(String value) { username = value; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String value) { displayName = value; }
        public OperatorGrade getGrade() { return grade; }
        public void setGrade(OperatorGrade value) { grade = value; }
        public Set<Guidance> getGuidance() { return guidance; }
        public void setGuidance(Set<Guidance> value) { guidance = value == null ? EnumSet.noneOf(Guidance.class) : value; }
        public Set<String> getSiteCodes() { return siteCodes; }
        public void setSiteCodes(Set<String> value) { siteCodes = value == null ? new LinkedHashSet<>() : value; }
    }

    static class TemplateForm {
        private DayOfWeek weekday;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime start;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime end;
        private UUID roomId;
        private UUID operatorId;
        private String slotPattern = "20";
        private boolean oneStop;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate validFrom;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate validTo;

        public DayOfWeek getWeekday() { return weekday; }
        public void setWeekday(DayOfWeek value) { weekday = value; }
        public LocalTime getStart() { return start; }
        public void setStart(LocalTime value) { start = value; }
        public LocalTime getEnd() { return end; }
        public void setEnd(LocalTime value) { end = value; }
        public UUID getRoomId() { return roomId; }
        public void setRoomId(UUID value) { roomId = value; }
        public UUID getOperatorId() { return operatorId; }
        public void setOperatorId(UUID value) { operatorId = value; }
        public String getSlotPattern() { return slotPattern; }
        public void setSlotPattern(String value) { slotPattern = value; }
        public boolean isOneStop() { return oneStop; }
        public void setOneStop(boolean value) { oneStop = value; }
        public LocalDate getValidFrom() { return validFrom; }
        public void setValidFrom(LocalDate value) { validFrom = value; }
        public LocalDate getValidTo() { return validTo; }
        public void setValidTo(LocalDate value) { validTo = value; }
    }

    static class ExceptionForm {
        private SessionException.Kind kind;
        private UUID roomId;
        private UUID operatorId;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate firstDay;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate lastDay;
        private String reason;

        public SessionException.Kind getKind() { return kind; }
        public void setKind(SessionException.Kind value) { kind = value; }
        public UUID getRoomId() { return roomId; }
        public void setRoomId(UUID value) { roomId = value; }
        public UUID getOperatorId() { return operatorId; }
        public void setOperatorId(UUID value) { operatorId = value; }
        public LocalDate getFirstDay() { return firstDay; }
        public void setFirstDay(LocalDate value) { firstDay = value; }
        public LocalDate getLastDay() { return lastDay; }
        public void setLastDay(LocalDate value) { lastDay = value; }
        public String getReason() { return reason; }
        public void setReason(String value) { reason = value; }
    }
}
