package org.synovia.dicom;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.synovia.dicom.net.DicomServer;
import org.synovia.dicom.net.FindService;
import org.synovia.dicom.net.PerformedStepService;

/**
 * Starts the worklist's DICOM listener with the application (unless {@code synovia.dicom.enabled=false}). A
 * port that is taken does not stop the application: referrals and day lists matter more than the worklist.
 * The error is logged and the administrator's worklist page says the listener is not running (HAZ-65).
 */
@Component
public class WorklistServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorklistServer.class);

    private final DicomProperties properties;
    private final FindService worklist;
    private final PerformedStepService performedSteps;
    private final DicomStations stations;
    private DicomServer server;

    WorklistServer(DicomProperties properties, FindService worklist, PerformedStepService performedSteps,
            DicomStations stations) {
        this.properties = properties;
        this.stations = stations;
        this.worklist = worklist;
        this.performedSteps = performedSteps;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || server != null) {
            return;
        }
        DicomServer started = new DicomServer(properties, this::recognised, worklist, performedSteps);
        try {
            started.start();
            server = started;
        }
        catch (IOException e) {
            started.close();
            log.error("The DICOM worklist is NOT running: it cannot listen on port {} ({}). Free the port or set "
                    + "synovia.dicom.port, then restart.", properties.port(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * A caller may associate when its AE title is a room's station (read afresh, so that a title set on the
     * stations page counts at once) or is listed in {@code synovia.dicom.all-rooms-ae-titles}.
     */
    boolean recognised(String callingAeTitle) {
        if (callingAeTitle == null || callingAeTitle.isBlank()) {
            return false;
        }
        String title = callingAeTitle.strip();
        return properties.seesAllRooms(title) || stations.titlesByRoom().containsValue(title);
    }

    /** The port listened on (the free one chosen when configured as 0); -1 when not running. */
    public synchronized int port() {
        return server == null ? -1 : server.port();
    }

    public String aeTitle() {
        return properties.aeTitle();
    }
}
