package dev.tandem.salesforce.write;

/** The kinds of record write, common to sObject Collections and Bulk API 2.0. */
public enum WriteOperation { INSERT, UPDATE, UPSERT, DELETE }
