package org.synovia.dicom.net;

import java.util.List;

/**
 * What an A-ASSOCIATE-RQ asks for (PS3.8 9.3.2).
 *
 * @param maxPduLength the longest P-DATA-TF PDU the requester accepts; 0 means no limit
 */
public record AssociateRequest(int protocolVersion, String calledAeTitle, String callingAeTitle,
        String applicationContext, List<PresentationContext> presentationContexts, long maxPduLength,
        String implementationClassUid, String implementationVersionName) {

    public AssociateRequest {
        presentationContexts = List.copyOf(presentationContexts);
    }
}
