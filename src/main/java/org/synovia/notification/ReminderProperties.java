package org.synovia.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When patients are reminded of an appointment.
 *
 * @param daysBefore a reminder this many days before the appointment day, each (default 7 and 1)
 * @param sendAt the time of day those reminders go out
 * @param stopDaySendAt the time of day of the reminder on the day a blood thinner must be stopped (sent
 *        earlier when the last dose is due sooner, and never after it)
 * @param checkInterval how often the job looks for reminders that are due
 */
@ConfigurationProperties("synovia.notification.reminders")
public record ReminderProperties(@DefaultValue({"7", "1"}) List<Integer> daysBefore,
        @DefaultValue("09:00") LocalTime sendAt, @DefaultValue("07:00") LocalTime stopDaySendAt,
        @DefaultValue("PT15M") Duration checkInterval) {

    public ReminderProperties {
        daysBefore = List.copyOf(daysBefore);
        if (daysBefore.stream().anyMatch(d -> d == null || d < 1 || d > 60)) {
            throw new IllegalArgumentException("synovia.notification.reminders.days-before must be between 1 and 60");
        }
    }

    public int furthestDays() {
        return daysBefore.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
