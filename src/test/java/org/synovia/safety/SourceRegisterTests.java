package org.synovia.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project carries its own clinical knowledge: every fact row ({@code AC-27}) and source id
 * ({@code S2b}) that code, pages, configuration, migrations or documents cite must be a row of
 * {@code docs/clinical-safety/sources.md}, and every row there must name its guideline and confidence.
 * A reader of the repository can then look up any number the engine uses.
 */
class SourceRegisterTests {

    private static final Path REGISTER = Path.of("docs/clinical-safety/sources.md");
    private static final List<Path> CITING = List.of(Path.of("src/main/java"), Path.of("src/main/resources"),
            Path.of("docs"), Path.of("README.md"));
    /** Text the project writes; compiled assets (CSS, JavaScript) cite nothing. */
    private static final Set<String> CITING_EXTENSIONS = Set.of("java", "md", "html", "yml", "yaml", "properties",
            "sql", "json", "txt");

    @Test
    void registersEveryIdThatCodeAndDocumentsCite() {
        SourceRegister register = SourceRegister.parse(read(REGISTER));

        List<String> missing = register.missingFrom(citingFiles());

        assertThat(missing).as("ids cited but not in " + REGISTER + " (file: id)").isEmpty();
    }

    @Test
    void givesEveryRegisterRowItsGuidelineAndConfidence() {
        SourceRegister register = SourceRegister.parse(read(REGISTER));

        assertThat(register.problems()).as("malformed rows in " + REGISTER).isEmpty();
        assertThat(register.facts()).containsKeys("AC-27", "PR-06", "RI-10", "AC-40", "AC-43", "CD-21");
        assertThat(register.sources()).containsKeys("S1", "S1a", "S2", "S2b", "S50");
    }

    @Test
    void findsEveryFormOfCitation() {
        assertThat(SourceRegister.citedIds("rests on AC-27; facts AC-41 (S9, L) and S2b Tables 3, 4"))
                .containsExactly("AC-27", "AC-41", "S9", "S2b");
        assertThat(SourceRegister.citedIds("AC-02..05, RI-01–03, LA-01/02 and PR-01..PR-02"))
                .containsExactly("AC-02", "AC-05", "RI-01", "RI-03", "LA-01", "LA-02", "PR-01", "PR-02");
        assertThat(SourceRegister.citedIds("SAF-012, HAZ-03, SNOMED 49076000, UTF-8, HS256, V12__x.sql, S51x"))
                .isEmpty();
    }

    @Test
    void namesTheFileAndIdThatTheRegisterLacks() {
        SourceRegister register = SourceRegister.parse("""
                | <a id="s1"></a>S1 | A guideline | A society | 2018 | doi:10.1/x |
                | <a id="ac-27"></a>AC-27 | Clopidogrel 7 days | ASRA 2018, drug table | M |
                """);

        List<String> missing = register.missingFrom(Map.of(Path.of("src/main/java/Example.java"),
                "GuidelineReference.of(\"ASRA (S1)\", 2018, \"drug table\", \"AC-27\", \"ZZ-99\") // S7"));

        assertThat(missing).containsExactly("src/main/java/Example.java: ZZ-99", "src/main/java/Example.java: S7");
    }

    @Test
    void rejectsARowWithoutGuidelineOrConfidenceOrWithAWrongAnchor() {
        SourceRegister register = SourceRegister.parse("""
                | <a id="ac-01"></a>AC-01 | Warfarin continued | SIR 2019, drug tables | H |
                | <a id="ac-02"></a>AC-02 | Dabigatran continued |  | M |
                | <a id="ac-03"></a>AC-03 | Rivaroxaban continued | SIR 2019, drug tables | probably |
                | <a id="ac-05"></a>AC-04 | Apixaban continued | SIR 2019, drug tables | M |
                | <a id="s1"></a>S1 |  | A society | 2018 | — |
                """);

        assertThat(register.problems()).containsExactly("AC-02: no guideline and section",
                "AC-03: confidence must be H, M, L or \"not found\", was \"probably\"",
                "AC-04: anchor \"ac-05\" should be \"ac-04\"", "S1: no title");
    }

    private static Map<Path, String> citingFiles() {
        Map<Path, String> files = new TreeMap<>();
        for (Path root : CITING) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.filter(Files::isRegularFile).filter(path -> !path.equals(REGISTER))
                        .filter(path -> CITING_EXTENSIONS.contains(extension(path)))
                        .forEach(path -> files.put(path, read(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).as("files scanned").hasSizeGreaterThan(100);
        return files;
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The register's rows by id, and what is wrong with any of them. */
    record SourceRegister(Map<String, List<String>> facts, Map<String, List<String>> sources, List<String> problems) {

        /** A fact row ("AC-27"), optionally followed by more of its family: "..05", "–AC-26", "/02". */
        private static final Pattern ROW = Pattern.compile(
                "\\b([A-Z]{2})-(\\d{2})((?:(?:\\.\\.|–|/)(?:[A-Z]{2}-)?\\d{2})*)\\b");
        private static final Pattern MORE = Pattern.compile("(?:\\.\\.|–|/)(?:[A-Z]{2}-)?(\\d{2})");
        private static final Pattern SOURCE = Pattern.compile("\\bS\\d{1,2}[a-c]?\\b");
        private static final Pattern REGISTER_ROW = Pattern.compile("^\\|\\s*<a id=\"([^\"]+)\"></a>(\\S+)\\s*\\|(.*)\\|\\s*$");
        private static final Pattern CONFIDENCE = Pattern.compile("^(?:[HML](?:/[HML])*|not found)(?:$|[ ,(].*)");

        static SourceRegister parse(String markdown) {
            Map<String, List<String>> facts = new LinkedHashMap<>();
            Map<String, List<String>> sources = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            for (String line : markdown.split("\n")) {
                Matcher row = REGISTER_ROW.matcher(line.strip());
                if (!row.matches()) {
                    continue;
                }
                String anchor = row.group(1);
                String id = row.group(2);
                List<String> cells = List.of(row.group(3).split("\\|", -1)).stream().map(String::strip).toList();
                if (!anchor.equals(id.toLowerCase(Locale.ROOT))) {
                    problems.add(id + ": anchor \"" + anchor + "\" should be \"" + id.toLowerCase(Locale.ROOT) + "\"");
                }
                if (SOURCE.matcher(id).matches()) {
                    sources.put(id, cells);
                    require(problems, id, cells, 0, "title");
                    require(problems, id, cells, 1, "body or authors");
                } else if (ROW.matcher(id).matches()) {
                    facts.put(id, cells);
                    require(problems, id, cells, 0, "statement of what the project takes");
                    require(problems, id, cells, 1, "guideline and section");
                    if (require(problems, id, cells, 2, "confidence") && !CONFIDENCE.matcher(cells.get(2)).matches()) {
                        problems.add(id + ": confidence must be H, M, L or \"not found\", was \"" + cells.get(2) + "\"");
                    }
                } else {
                    problems.add(id + ": neither a fact row (AC-27) nor a source (S2b)");
                }
            }
            return new SourceRegister(facts, sources, problems);
        }

        private static boolean require(List<String> problems, String id, List<String> cells, int index, String what) {
            if (cells.size() <= index || cells.get(index).isBlank()) {
                problems.add(id + ": no " + what);
                return false;
            }
            return true;
        }

        /**
         * Every fact row and source id written in the text, in order of appearance. Of a range only the ends
         * are written and checked: "AC-01..38" spans AC-17..20, which facts do not use.
         */
        static List<String> citedIds(String text) {
            Set<String> ids = new LinkedHashSet<>();
            Matcher row = ROW.matcher(text);
            while (row.find()) {
                String family = row.group(1);
                ids.add(family + "-" + row.group(2));
                Matcher more = MORE.matcher(row.group(3));
                while (more.find()) {
                    ids.add(family + "-" + more.group(1));
                }
            }
            Matcher source = SOURCE.matcher(text);
            while (source.find()) {
                ids.add(source.group());
            }
            return List.copyOf(ids);
        }

        /** "file: id" for each id a file cites that the register lacks. */
        List<String> missingFrom(Map<Path, String> files) {
            List<String> missing = new ArrayList<>();
            files.forEach((path, text) -> citedIds(text).stream()
                    .filter(id -> !facts.containsKey(id) && !sources.containsKey(id))
                    .forEach(id -> missing.add(path + ": " + id)));
            return missing;
        }
    }
}
