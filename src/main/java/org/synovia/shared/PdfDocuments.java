package org.synovia.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * The one renderer of letters, reports, leaflets and summaries: a Thymeleaf XHTML template to PDF. It embeds
 * DejaVu Sans, because the PDF base fonts cannot show "≥", "µ" or "²" and a dose or a threshold must print as
 * written; SVG charts (the diary pain chart) are drawn with Batik.
 */
@Component
public class PdfDocuments {

    /** The family the PDF templates name in their CSS. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final byte[] REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("/fonts/DejaVuSans-Bold.ttf");

    private final ITemplateEngine templates;
    private final ServiceIdentity service;

    public PdfDocuments(ITemplateEngine templates, ServiceIdentity service) {
        this.templates = templates;
        this.service = service;
    }

    /** Renders the template with this model (UK dates and numbers) to a PDF; {@code service} heads every document. */
    public byte[] render(String template, Map<String, Object> model) {
        Map<String, Object> withService = new java.util.HashMap<>(model);
        withService.putIfAbsent("service", service);
        return renderXhtml(templates.process(template, new Context(Locale.UK, withService)));
    }

    /** Renders well-formed XHTML to a PDF with the embedded font. */
    public static byte[] renderXhtml(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the application");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
