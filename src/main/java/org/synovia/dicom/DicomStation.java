package org.synovia.dicom;

import java.util.Set;
import java.util.UUID;

import org.synovia.shared.Guidance;

/**
 * A room and the AE title its modality uses as Scheduled Station AE Title; null when none is set, and then
 * the room's steps only reach modalities that ask without naming a station.
 */
public record DicomStation(UUID roomId, String roomName, Set<Guidance> guidance, String aeTitle) {
}
