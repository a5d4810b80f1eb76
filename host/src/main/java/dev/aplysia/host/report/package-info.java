/** Writes a comparison as a shareable folder: summary JSON, one CSV per experiment, charts and a markdown report. */
package dev.aplysia.host.report;
