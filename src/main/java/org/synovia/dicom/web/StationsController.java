package org.synovia.dicom.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.dicom.DicomProperties;
import org.synovia.dicom.DicomStations;
import org.synovia.dicom.WorklistServer;
import org.synovia.shared.InvalidInputException;

/** Where an administrator sets the AE title of each room's modality and reads how to reach the worklist. */
@Controller
@RequestMapping("/admin/dicom")
@PreAuthorize("hasRole('ADMIN')")
class StationsController {

    private final DicomStations stations;
    private final WorklistServer server;
    private final DicomProperties properties;

    StationsController(DicomStations stations, WorklistServer server, DicomProperties properties) {
        this.stations = stations;
        this.server = server;
        this.properties = properties;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("stations", stations.stations());
        model.addAttribute("running", server.isRunning());
        model.addAttribute("port", server.isRunning() ? server.port() : properties.port());
        model.addAttribute("aeTitle", properties.aeTitle());
        model.addAttribute("fluoroscopyModality", properties.fluoroscopyModality());
        return "dicom/stations";
    }

    @PostMapping("/stations/{roomId}")
    String assign(@PathVariable("roomId") UUID roomId, @RequestParam(name = "aeTitle", required = false) String aeTitle,
            RedirectAttributes redirect) {
        try {
            stations.assign(roomId, aeTitle);
            redirect.addFlashAttribute("notice", aeTitle == null || aeTitle.isBlank() ? "Station AE title removed."
                    : "Station AE title " + aeTitle.strip() + " saved.");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
            redirect.addFlashAttribute("problemRoomId", roomId);
            redirect.addFlashAttribute("enteredTitle", aeTitle);
        }
        return "redirect:/admin/dicom";
    }
}
