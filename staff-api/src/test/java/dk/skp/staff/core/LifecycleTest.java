package dk.skp.staff.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.skp.model.vocabulary.PublicStatus;
import dk.skp.staff.repository.ConcernStatus;
import dk.skp.staff.core.Lifecycle.Move;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table's properties as a whole; each move is also proven through HTTP in the resource tests. */
class LifecycleTest {

    @Test
    void everyStatusCanReachAnEndAndEveryEndCanOnlyBeReopened() {
        for (ConcernStatus status : ConcernStatus.values()) {
            assertFalse(Lifecycle.movesFrom(status).isEmpty(), status + " is a dead end");
            assertTrue(reachable(status).stream().anyMatch(ConcernStatus::ended), status + " can never end");
            if (status.ended()) {
                assertEquals(Set.of(Move.REOPEN), Lifecycle.movesFrom(status));
                assertEquals(PublicStatus.CLOSED, status.publicStatus());
            }
        }
        assertEquals(EnumSet.allOf(ConcernStatus.class), reachable(ConcernStatus.RECEIVED), "every status is used");
    }

    @Test
    void aMoveOutsideTheTableNamesTheMovesThatExist() {
        MoveNotAllowedException refused = assertThrows(MoveNotAllowedException.class,
                () -> Lifecycle.next(ConcernStatus.CLOSED, Move.ASSIGN));
        assertEquals(ConcernStatus.CLOSED, refused.current());
        assertEquals(Move.ASSIGN, refused.refused());
        assertEquals(List.of(Move.REOPEN), refused.allowed());
        assertEquals(409, refused.type().status());
    }

    @Test
    void contactIsEstablishedOnlyWhileSomeoneHoldsTheConcern() {
        assertEquals(ConcernStatus.IN_CONTACT, Lifecycle.next(ConcernStatus.ASSIGNED, Move.ESTABLISH_CONTACT));
        assertEquals(ConcernStatus.IN_CONTACT, Lifecycle.next(ConcernStatus.IN_CONTACT, Move.ESTABLISH_CONTACT));
        assertThrows(MoveNotAllowedException.class, () -> Lifecycle.next(ConcernStatus.TRIAGED, Move.ESTABLISH_CONTACT));
        assertThrows(MoveNotAllowedException.class, () -> Lifecycle.next(ConcernStatus.REOPENED, Move.CLAIM));
    }

    private static Set<ConcernStatus> reachable(ConcernStatus from) {
        Set<ConcernStatus> seen = EnumSet.of(from);
        ArrayDeque<ConcernStatus> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            ConcernStatus current = todo.pop();
            for (Move move : Lifecycle.movesFrom(current)) {
                ConcernStatus next = Lifecycle.next(current, move);
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }
}
