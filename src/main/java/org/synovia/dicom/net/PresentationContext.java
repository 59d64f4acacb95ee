package org.synovia.dicom.net;

import java.util.List;

/** A presentation context as proposed: an odd id, one abstract syntax and the transfer syntaxes offered. */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes) {

    public PresentationContext {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
