/*
 * What common/stdio_storage.c needs from its port beyond C stdio.
 */
#ifndef APLYSIA_STDIO_STORAGE_H
#define APLYSIA_STDIO_STORAGE_H

/**
 * Moves file `from` over file `to`, replacing it in one step; 0 on success. On a hosted C library this is rename;
 * newlib builds rename from link and unlink, which semihosting lacks, so the emulator's port calls the semihosting
 * rename itself.
 */
int stdio_storage_replace(const char *from, const char *to);

#endif
