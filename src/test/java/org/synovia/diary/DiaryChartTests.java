package org.synovia.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DiaryChartTests {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void drawsWellFormedSvgWithTheInjectionEachEntryAndRedFlagsMarked() throws Exception {
        List<DiaryReading.Entry> entries = DiaryReadingTests.entries("H1:2 D1:4 D2:7! D14:5");

        String svg = DiaryChart.svg(8, entries, "c");
        Document document = parse(svg);

        assertThat(document.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(document.getElementsByTagName("title").item(0).getTextContent()).contains("Pain score over time");
        assertThat(document.getElementsByTagName("desc").item(0).getTextContent())
                .isEqualTo("Pain before the injection 8 out of 10; lowest 2 at H1; latest 5 at D14; 4 entries; red flags "
                        + "marked by a red triangle at 1 entry.");
        assertThat(svg).contains(">Injection</text>").contains(">2 wk</text>").doesNotContain(">6 wk</text>");
        assertThat(document.getElementsByTagName("circle").getLength()).as("baseline and three entries").isEqualTo(4);
        assertThat(document.getElementsByTagName("path").getLength()).as("one red flag").isEqualTo(1);
        assertThat(document.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points").getTextContent()
                .split(" ")).hasSize(5);
    }

    @Test
    void drawsTheBaselineAloneBeforeAnyEntry() throws Exception {
        Document document = parse(DiaryChart.svg(0, List.of(), "c"));

        assertThat(document.getElementsByTagName("desc").item(0).getTextContent()).contains("No diary entries yet");
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(1);
    }
}
