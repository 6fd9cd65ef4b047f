/**
 * Whether campaign sync can work, check by check with a fix for each failure; the campaign picker's prerequisites;
 * and {@code tandem status}.
 */
package dev.tandem.server.sync.diagnosis;
