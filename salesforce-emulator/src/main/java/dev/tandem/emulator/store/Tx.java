package dev.tandem.emulator.store;

import java.util.ArrayList;
import java.util.List;

/**
 * An undo log. Every store mutation made under a Tx registers its inverse, so allOrNone collections, composite
 * requests and per-record failures roll back to exactly the state before them.
 */
public final class Tx {
    private final Tx parent;
    private final List<Runnable> undo = new ArrayList<>();

    private Tx(Tx parent) {
        this.parent = parent;
    }

    public static Tx root() {
        return new Tx(null);
    }

    /** A nested unit whose changes join this one on commit, or vanish on rollback. */
    public Tx child() {
        return new Tx(this);
    }

    void onUndo(Runnable r) {
        undo.add(r);
    }

    /** Keeps the changes: hands the undo steps to the parent (if any) so an outer rollback still reverts them. */
    public void commit() {
        if (parent != null) {
            parent.undo.addAll(undo);
        }
        undo.clear();
    }

    /** Reverts every change made under this unit, newest first. */
    public void rollback() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
