package org.synovia.planning.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The constraint table in docs/planning.md names every constraint the planner has, each with a test that exists. */
class PlanningDocumentationTests {

    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+?) \\| (hard|soft \\d) \\|.*\\| `(\\w+)` \\|$",
            Pattern.MULTILINE);

    @Test
    void tableListsEveryConstraintWithAnExistingTest() throws IOException {
        String doc = Files.readString(Path.of("docs/planning.md"));
        Matcher rows = ROW.matcher(doc);
        Set<String> documented = new java.util.HashSet<>();
        Set<String> testMethods = Arrays.stream(SessionPlanConstraintsTests.class.getDeclaredMethods())
                .map(Method::getName).collect(Collectors.toSet());
        while (rows.find()) {
            documented.add(rows.group(1));
            assertThat(testMethods).as("test of " + rows.group(1)).contains(rows.group(3));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(constraintNames());
        long constraintMethods = Arrays.stream(SessionPlanConstraints.class.getDeclaredMethods())
                .filter(m -> m.getReturnType() == ai.timefold.solver.core.api.score.stream.Constraint.class
                        && m.getParameterCount() == 1)
                .count();
        assertThat(constraintMethods).as("one constant name per constraint method").isEqualTo(documented.size());
    }

    private static List<String> constraintNames() {
        return Arrays.stream(SessionPlanConstraints.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(PlanningDocumentationTests::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
