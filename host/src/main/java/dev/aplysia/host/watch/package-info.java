/**
 * {@code host watch}: a web page, served from this JVM, that shows every device on a broker live (server-sent events)
 * and sends the page's few commands through the host's collectors.
 */
package dev.aplysia.host.watch;
