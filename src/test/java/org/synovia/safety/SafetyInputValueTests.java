package org.synovia.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Laterality;
import org.synovia.testing.TestClock;

/**
 * A kept safety answer (ADR 0128) is found by its input's value. That is only safe while every type in the input
 * compares all of its fields: records without an equals of their own, enums and plain values. A class that
 * compared by identity would only miss; one with its own equals could ignore a field that changes the answer.
 */
class SafetyInputValueTests {

    private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Double.class, BigDecimal.class, UUID.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
            Instant.class, Duration.class, Period.class, boolean.class, int.class, long.class, double.class);

    @Test
    void everyTypeInTheEnginesInputComparesAllItsFields() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        walk(SafetyInput.class, "SafetyInput", seen, problems);
        assertThat(problems).as("types in SafetyInput that do not compare by all their fields").isEmpty();
        assertThat(seen).as("the walk reached the input's parts").contains(PatientFacts.class, PlannedProcedure.class,
                Medicine.class, SiteFacts.class);
    }

    /** The check must be able to fail: a record that writes its own equals is told from one that does not. */
    @Test
    void tellsARecordsOwnEqualsFromTheCompilers() {
        record Compared(String a) {
        }
        record Careless(String a, String b) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Careless c && a.equals(c.a);
            }

            @Override
            public int hashCode() {
                return a.hashCode();
            }
        }
        assertThat(declares(Compared.class, "equals", Object.class)).isFalse();
        assertThat(declares(Careless.class, "equals", Object.class)).isTrue();
        List<String> problems = new ArrayList<>();
        walk(Careless.class, "Careless", new HashSet<>(), problems);
        assertThat(problems).hasSize(1);
    }

    @Test
    void keepsAnAnswerForTheSameInputAndDayOnly() {
        TestClock clock = TestClock.at(SafetyFixtures.TODAY.atTime(8, 0).toInstant(ZoneOffset.UTC));
        SafetyChecks checks = new SafetyChecks(LocalPolicy.defaults(), clock);
        SafetyInput onWarfarin = input(SafetyFixtures.adult().build(), Medicine.of(Antithrombotic.WARFARIN, 5, DoseFrequency.ONCE_DAILY));

        SafetyAssessment first = checks.assessShownAgain(onWarfarin);
        assertThat(checks.assessShownAgain(copyOf(onWarfarin))).as("an equal input: the kept answer").isSameAs(first);
        assertThat(first).isEqualTo(checks.assess(onWarfarin)).as("the engine's own answer");

        SafetyInput onApixaban = input(SafetyFixtures.adult().build(), Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY));
        assertThat(checks.assessShownAgain(onApixaban)).as("another medicine: a new answer")
                .isNotSameAs(first).isEqualTo(checks.assess(onApixaban));

        clock.advance(Duration.ofDays(1));
        SafetyAssessment nextDay = checks.assessShownAgain(onWarfarin);
        assertThat(nextDay).as("the next day: a new answer").isNotSameAs(first);
        assertThat(nextDay.assessedOn()).isEqualTo(SafetyFixtures.TODAY.plusDays(1));
    }

    @Test
    void forgetsEverythingOnceFull() {
        RememberedAssessments kept = new RememberedAssessments(3);
        SafetyChecks checks = new SafetyChecks(LocalPolicy.defaults(), Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"),
                ZoneOffset.UTC));
        for (int i = 0; i < 4; i++) {
            SafetyInput input = input(SafetyFixtures.adult().build(), Medicine.of(Antithrombotic.WARFARIN, 1 + i, DoseFrequency.ONCE_DAILY));
            kept.answer(input, SafetyFixtures.TODAY, () -> checks.assess(input));
        }
        assertThat(kept.size()).isEqualTo(1);
    }

    private static SafetyInput input(PatientFacts patient, Medicine medicine) {
        return new SafetyInput(patient, List.of(medicine), List.of(), List.of(), SafetyFixtures.kneeSteroid(Laterality.LEFT,
                PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));
    }

    private static SafetyInput copyOf(SafetyInput input) {
        return new SafetyInput(input.patient(), new ArrayList<>(input.medicines()), List.of(), List.of(), input.procedure());
    }

    private static void walk(Type type, String path, Set<Class<?>> seen, List<String> problems) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (!(Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw) || raw == Optional.class)) {
                problems.add(path + ": " + raw.getName() + " is not a list, set, map or optional");
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                walk(argument, path + "<>", seen, problems);
            }
            return;
        }
        if (type instanceof WildcardType || type instanceof GenericArrayType || !(type instanceof Class<?> type0)) {
            problems.add(path + ": " + type + " cannot be compared by value");
            return;
        }
        Class<?> c = type0;
        if (VALUES.contains(c) || c.isEnum() || !seen.add(c)) {
            return;
        }
        if (c.isArray()) {
            problems.add(path + ": an array compares by identity");
        }
        else if (c.isRecord()) {
            if (declares(c, "equals", Object.class) || declares(c, "hashCode")) {
                problems.add(path + ": " + c.getName() + " has an equals or hashCode of its own");
            }
            for (RecordComponent component : c.getRecordComponents()) {
                walk(component.getGenericType(), path + "." + component.getName(), seen, problems);
            }
        }
        else if (c.isSealed()) {
            for (Class<?> permitted : c.getPermittedSubclasses()) {
                walk(permitted, path + "|" + permitted.getSimpleName(), seen, problems);
            }
        }
        else {
            problems.add(path + ": " + c.getName() + " is neither a record, an enum nor a value");
        }
    }

    /**
     * Whether the record writes this method itself: the compiler's own equals and hashCode of a record hand every
     * component to {@code ObjectMethods}, which the class file shows as their only call.
     */
    private static boolean declares(Class<?> c, String name, Class<?>... parameters) {
        try {
            c.getDeclaredMethod(name, parameters);
        }
        catch (NoSuchMethodException e) {
            return false;
        }
        boolean[] own = {true};
        String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (var in = c.getResourceAsStream(file)) {
            new ClassReader(in.readAllBytes()).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                        String[] exceptions) {
                    return !method.equals(name) ? null : new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitInvokeDynamicInsn(String indy, String indyDescriptor, Handle bootstrap,
                                Object... arguments) {
                            if (bootstrap.getOwner().equals("java/lang/runtime/ObjectMethods")) {
                                own[0] = false;
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return own[0];
    }
}
