package org.synovia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfDocumentsTests {

    private static String page(String text) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>body { font-family: \"" + PdfDocuments.FONT_FAMILY
                + "\", sans-serif; }</style></head><body><p>" + text + "</p><p><strong>" + text + "</strong></p></body></html>";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eGFR ≥ 30 mL/min/1.73 m²", "INR ≤ 1.5", "creatinine 88 µmol/L", "pain 7 → 2", "40 mg ± 10",
            "Müller-Jöhnsen, Ødegård", "−5 °C"})
    void printsEverySymbolAsWrittenInTheEmbeddedFont(String text) throws IOException {
        byte[] pdf = PdfDocuments.renderXhtml(page(text));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(text);
            assertThat(fontNames(document.getPage(0))).isNotEmpty().allMatch(name -> name.contains("DejaVuSans"));
        }
    }

    private static List<String> fontNames(PDPage page) throws IOException {
        List<String> names = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            names.add(page.getResources().getFont(name).getName());
        }
        return names;
    }
}
