package dk.skp.staff.vocabulary;

import dk.skp.model.vocabulary.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The lasting services SKP builds a bridge to (the seeds: "læge, sagsbehandler, misbrugsbehandling, væresteder",
 * housing, psychiatry): what a citizen agrees to be handed over to, or declines.
 */
@Schema(description = "PSYCHIATRY: psychiatric treatment or social psychiatry; ADDICTION_TREATMENT: treatment for "
        + "substance use; HOUSING: housing support or a home; GP: the citizen's own doctor; JOB_CENTRE: the job centre "
        + "or a caseworker; OTHER: another lasting service (a drop-in centre, say).")
public enum LastingService implements Labelled {
    PSYCHIATRY,
    ADDICTION_TREATMENT,
    HOUSING,
    GP,
    JOB_CENTRE,
    OTHER
}
