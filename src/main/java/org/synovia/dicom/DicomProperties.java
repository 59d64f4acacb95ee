package org.synovia.dicom;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The DICOM modality worklist server ({@code synovia.dicom.*}, docs/configuration.md).
 *
 * @param port TCP port; 0 picks a free one (tests)
 * @param aeTitle the called AE title modalities must use
 * @param allRoomsAeTitles calling AE titles that may ask besides the rooms' stations and are answered for every
 *        room (a worklist broker); a room's station is answered for its own room only (ADR 0053)
 * @param maxAssociations associations served at once; more are rejected as transient (local limit exceeded)
 * @param maxPduLength the longest P-DATA-TF PDU this server receives (advertised in the A-ASSOCIATE-AC)
 * @param artimTimeout how long a new connection may take to send its A-ASSOCIATE-RQ (ARTIM, PS3.8 9.1.5)
 * @param idleTimeout how long an association may stay silent before it is aborted
 * @param maxMatches answers per query at most; the rest are not sent (the conformance statement says so)
 * @param uidRoot root of Study Instance UIDs; the default 2.25 makes UUID-derived UIDs (PS3.5 B.2)
 * @param fluoroscopyModality RF (radiofluoroscopy, the default) or XA for rooms whose units register as angiography
 * @param hospitalNumberIssuer Issuer of Patient ID sent with a hospital number
 * @param windowDaysBack a query without a date covers steps from this many days before today
 * @param windowDaysAhead ... up to this many days after today
 * @param maxAssociationsPerAddress connections from one IP address at once, silent ones included; more are closed at
 *        once, so that one address cannot take the places every modality needs
 * @param stationTitlesMaxAge how long the rooms' station titles, once read, are used for recognising callers and
 *        answering them (0: read for every association and query); a title changed on another instance counts
 *        within this time, one changed on this instance at once (ADR 0098)
 */
@ConfigurationProperties("synovia.dicom")
public record DicomProperties(@DefaultValue("true") boolean enabled, @DefaultValue("11112") int port,
        @DefaultValue("SYNOVIA") String aeTitle, @DefaultValue("") List<String> allRoomsAeTitles,
        @DefaultValue("20") int maxAssociations, @DefaultValue("65536") long maxPduLength,
        @DefaultValue("PT10S") Duration artimTimeout, @DefaultValue("PT60S") Duration idleTimeout,
        @DefaultValue("500") int maxMatches, @DefaultValue("2.25") String uidRoot,
        @DefaultValue("RF") String fluoroscopyModality, @DefaultValue("SYNOVIA") String hospitalNumberIssuer,
        @DefaultValue("1") int windowDaysBack, @DefaultValue("30") int windowDaysAhead,
        @DefaultValue("4") int maxAssociationsPerAddress, @DefaultValue("PT1S") Duration stationTitlesMaxAge) {

    /** The biggest command or data set accepted in one message; a worklist query is a few kilobytes. */
    public static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** A title changed on another instance must count soon: a machine would be given another room's patients (HAZ-62). */
    static final Duration MAX_STATION_TITLES_AGE = Duration.ofSeconds(10);

    public DicomProperties {
        allRoomsAeTitles = allRoomsAeTitles == null ? List.of()
                : allRoomsAeTitles.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("synovia.dicom.port must be between 0 and 65535");
        }
        if (!AeTitles.valid(aeTitle)) {
            throw new IllegalArgumentException("synovia.dicom.ae-title must be 1 to 16 characters without backslash");
        }
        if (maxAssociations < 1 || maxAssociations > 500) {
            throw new IllegalArgumentException("synovia.dicom.max-associations must be between 1 and 500");
        }
        if (maxAssociationsPerAddress < 1 || maxAssociationsPerAddress > maxAssociations) {
            throw new IllegalArgumentException(
                    "synovia.dicom.max-associations-per-address must be between 1 and synovia.dicom.max-associations");
        }
        if (maxPduLength < 4096 || maxPduLength > 1 << 24) {
            throw new IllegalArgumentException("synovia.dicom.max-pdu-length must be between 4096 and 16777216");
        }
        if (!uidRoot.matches("[0-2](\\.(0|[1-9][0-9]*))+") || uidRoot.length() > 24) {
            throw new IllegalArgumentException("synovia.dicom.uid-root must be a UID root of at most 24 characters");
        }
        if (!fluoroscopyModality.equals("RF") && !fluoroscopyModality.equals("XA")) {
            throw new IllegalArgumentException("synovia.dicom.fluoroscopy-modality must be RF or XA");
        }
        if (maxMatches < 1 || windowDaysBack < 0 || windowDaysAhead < 0 || windowDaysBack + windowDaysAhead > 366) {
            throw new IllegalArgumentException("synovia.dicom.max-matches must be positive and the window at most 366 days");
        }
        if (stationTitlesMaxAge == null || stationTitlesMaxAge.isNegative() || stationTitlesMaxAge.compareTo(MAX_STATION_TITLES_AGE) > 0) {
            throw new IllegalArgumentException("synovia.dicom.station-titles-max-age must be between 0 and " + MAX_STATION_TITLES_AGE);
        }
        aeTitle = aeTitle.strip();
    }

    /** Whether a caller with this AE title is answered for every room rather than for its own. */
    public boolean seesAllRooms(String callingAeTitle) {
        return callingAeTitle != null && allRoomsAeTitles.contains(callingAeTitle.strip());
    }
}
