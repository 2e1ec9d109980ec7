package dk.skp.staff.core;

import dk.skp.model.problem.ProblemException;
import dk.skp.model.problem.ProblemType;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.core.Lifecycle.Move;
import java.util.List;
import java.util.Set;

/** A move the lifecycle table does not have from the concern's current status: a 409 naming the moves that exist. */
public class MoveNotAllowedException extends ProblemException {

    private final ConcernStatus current;
    private final Move refused;
    private final List<Move> allowed;

    public MoveNotAllowedException(ConcernStatus current, Move refused, Set<Move> allowed) {
        super(ProblemType.CONFLICT, "lifecycle.moveNotAllowed", List.of(), null, null);
        this.current = current;
        this.refused = refused;
        this.allowed = List.copyOf(allowed);
    }

    public ConcernStatus current() {
        return current;
    }

    public Move refused() {
        return refused;
    }

    public List<Move> allowed() {
        return allowed;
    }
}
