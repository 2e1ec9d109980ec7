package dk.skp.model.municipality;

import dk.skp.model.concern.Whereabouts;
import dk.skp.model.problem.FieldError;
import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import java.util.List;

/**
 * The rule on where a concern belongs: its postcode must be one the municipality serves. A rule of its own (not one of
 * the concern's field rules) because it depends on the deployment, not on the contract; every channel that takes a
 * concern in applies it, and staff use {@link #outside} to warn about one that was let in.
 */
public final class ServedArea {

    private final MunicipalityProfile profile;

    public ServedArea(MunicipalityProfile profile) {
        this.profile = profile;
    }

    /** Whether the concern was found at a postcode the municipality does not serve; never without a postcode. */
    public boolean outside(Whereabouts whereabouts) {
        return whereabouts != null && outside(whereabouts.postcode());
    }

    /** Whether a concern found at this postcode lies outside the area; never without a postcode. */
    public boolean outside(String postcode) {
        return postcode != null && !profile.serves(postcode);
    }

    /**
     * @return whether the concern lies outside the area and is let in with a warning
     * @throws ProblemException {@link ProblemType#OUTSIDE_AREA} when it lies outside and the profile says refuse
     */
    public boolean check(Whereabouts whereabouts) {
        if (!outside(whereabouts)) {
            return false;
        }
        if (profile.outsideArea() == OutsideAreaPolicy.REFUSE) {
            String names = "|" + profile.municipality().da() + "|" + profile.municipality().en();
            throw new ProblemException(ProblemType.OUTSIDE_AREA, "OUTSIDE_AREA.detail" + names,
                    List.of(new FieldError("whereabouts.postcode", "rule.outsideArea" + names)), null, null);
        }
        return true;
    }
}
