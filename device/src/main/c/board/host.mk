# Builds a C program for the host with the board port of host/ and runs it twice: as built (-O2) and under
# -fsanitize=undefined,address (any finding aborts the run). Include it from a Makefile after setting:
#   HOST_SOURCES   the program's C sources (required)
#   HOST_BUILD     output directory (default build/host); the runs' working directory
#   HOST_CPPFLAGS  extra -I and -D flags
#   HOST_DEPENDS   extra prerequisites of the link
# Targets: $(HOST_PROGRAM), $(HOST_SANITIZED) and host-check, which runs both and fails with the first failing exit code.

APLYSIA_HOST_BOARD_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

HOST_BUILD ?= build/host
HOST_CC ?= gcc

HOST_PROGRAM := $(HOST_BUILD)/app
HOST_SANITIZED := $(HOST_BUILD)/app-sanitized
HOST_PORT_SOURCES := $(wildcard $(APLYSIA_HOST_BOARD_DIR)/common/*.c $(APLYSIA_HOST_BOARD_DIR)/host/*.c)
HOST_PORT_HEADERS := $(wildcard $(APLYSIA_HOST_BOARD_DIR)/*.h $(APLYSIA_HOST_BOARD_DIR)/common/*.h)
HOST_PREREQUISITES := $(HOST_SOURCES) $(HOST_PORT_SOURCES) $(HOST_PORT_HEADERS) $(HOST_DEPENDS)

HOST_CFLAGS := -std=c99 -Wall -Wextra -Werror
HOST_PORT_CPPFLAGS := -I$(APLYSIA_HOST_BOARD_DIR) -I$(APLYSIA_HOST_BOARD_DIR)/common
HOST_SANITIZE := -O1 -g -fsanitize=undefined,address -fno-sanitize-recover=all -fno-omit-frame-pointer

$(HOST_PROGRAM): $(HOST_PREREQUISITES)
	@mkdir -p $(HOST_BUILD)
	$(HOST_CC) $(HOST_CFLAGS) -O2 $(HOST_PORT_CPPFLAGS) $(HOST_CPPFLAGS) $(HOST_SOURCES) $(HOST_PORT_SOURCES) -o $@

$(HOST_SANITIZED): $(HOST_PREREQUISITES)
	@mkdir -p $(HOST_BUILD)
	$(HOST_CC) $(HOST_CFLAGS) $(HOST_SANITIZE) $(HOST_PORT_CPPFLAGS) $(HOST_CPPFLAGS) $(HOST_SOURCES) \
		$(HOST_PORT_SOURCES) -o $@

.PHONY: host-check

host-check: $(HOST_PROGRAM) $(HOST_SANITIZED)
	cd $(HOST_BUILD) && ./$(notdir $(HOST_PROGRAM)) && ./$(notdir $(HOST_SANITIZED))
