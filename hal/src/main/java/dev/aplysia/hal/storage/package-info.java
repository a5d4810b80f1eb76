/** Persistent state as named blobs, with an atomic rename to build crash-safe updates on. */
package dev.aplysia.hal.storage;
