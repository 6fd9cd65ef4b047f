package dev.tandem.server.sync.campaign;

/** A status that members of the campaign hold but the program's channel lacks, with how many hold it. */
public record OffendingStatus(String status, long memberCount) {
}
