package dk.skp.model.vocabulary;

/**
 * The only thing a reporter can learn about their concern afterwards. Deliberately coarse: the team's duty of
 * confidentiality allows no more.
 */
public enum PublicStatus implements Labelled {
    RECEIVED,
    IN_PROGRESS,
    CLOSED
}
