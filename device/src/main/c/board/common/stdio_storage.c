/*
 * The storage slot and the console over C stdio: on the host, a file and standard output; under an emulator with
 * semihosting, the same calls reach the host's file system and terminal through the debugger interface.
 *
 * The slot is the file BOARD_STORAGE_FILE (default "board-storage.bin", relative to the working directory of the run)
 * of at most BOARD_STORAGE_CAPACITY bytes (default 256 KiB). A write goes to BOARD_STORAGE_FILE ".new" first and is
 * renamed over the slot, so a write cut short leaves the old blob or the new one.
 */
#include <stdio.h>

#include "board.h"
#include "stdio_storage.h"

#ifndef BOARD_STORAGE_FILE
#define BOARD_STORAGE_FILE "board-storage.bin"
#endif
#ifndef BOARD_STORAGE_CAPACITY
#define BOARD_STORAGE_CAPACITY (256u * 1024u)
#endif

#define STORAGE_TEMPORARY BOARD_STORAGE_FILE ".new"

uint32_t board_storage_capacity(void) {
    return BOARD_STORAGE_CAPACITY;
}

/** Writes the whole blob to `path` and closes it; BOARD_ERR_IO if any step fails. */
static board_status write_file(const char *path, const uint8_t *data, uint32_t size) {
    FILE *file = fopen(path, "wb");
    if (file == NULL) {
        return BOARD_ERR_IO;
    }
    size_t written = size == 0u ? 0u : fwrite(data, 1u, size, file);
    int closed = fclose(file);
    return written == size && closed == 0 ? BOARD_OK : BOARD_ERR_IO;
}

board_status board_storage_write(const uint8_t *data, uint32_t size) {
    if (size > BOARD_STORAGE_CAPACITY) {
        return BOARD_ERR_STORAGE_FULL;
    }
    board_status status = write_file(STORAGE_TEMPORARY, data, size);
    if (status != BOARD_OK) {
        return status;
    }
    return stdio_storage_replace(STORAGE_TEMPORARY, BOARD_STORAGE_FILE) == 0 ? BOARD_OK : BOARD_ERR_IO;
}

board_status board_storage_read(uint8_t *buffer, uint32_t capacity, uint32_t *size) {
    FILE *file = fopen(BOARD_STORAGE_FILE, "rb");
    if (file == NULL) {
        return BOARD_ERR_NOT_FOUND;
    }
    size_t length = fread(buffer, 1u, capacity, file);
    bool longer = length == capacity && fgetc(file) != EOF;
    bool failed = ferror(file) != 0;
    fclose(file);
    if (failed) {
        return BOARD_ERR_IO;
    }
    if (longer) {
        return BOARD_ERR_STORAGE_FULL;
    }
    *size = (uint32_t) length;
    return BOARD_OK;
}

board_status board_console_line(const char *line) {
    return puts(line) >= 0 && fflush(stdout) == 0 ? BOARD_OK : BOARD_ERR_IO;
}
