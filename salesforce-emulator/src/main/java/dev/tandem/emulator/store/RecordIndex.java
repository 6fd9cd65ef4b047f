package dev.tandem.emulator.store;

/** A secondary index a {@link Table} keeps in step with every insert, replace and removal. */
public interface RecordIndex {
    void add(SRecord record);

    void remove(SRecord record);

    void clear();
}
