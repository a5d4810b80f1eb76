package dev.aplysia.host.experiment;

import java.util.function.IntPredicate;

/** The class-incremental protocol both learners follow: the digits 0-4 are the first task, 5-9 the second. */
public final class Continual {

    /** Labels of the first task. */
    public static final IntPredicate FIRST_TASK = label -> label <= 4;

    private Continual() {
    }
}
