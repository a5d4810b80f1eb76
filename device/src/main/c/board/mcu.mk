# Cross-compiles a C program for the RP2040's Cortex-M0+ and runs it under QEMU's mps2-an385 with the board port of
# qemu-mps2/. Include it from a Makefile after setting:
#   MCU_SOURCES   the program's C sources (required)
#   MCU_BUILD     output directory (default build/mcu); the run's working directory, so its storage file lands there
#   MCU_CPPFLAGS  extra -I and -D flags
#   MCU_DEPENDS   extra prerequisites of the link, e.g. the program's headers
#   MCU_TIMEOUT   seconds a run may take before it is killed and fails (default 120)
#   MCU_CPU       the -mcpu to build for (default cortex-m0plus, the RP2040's core; cortex-m3 builds the ARMv7-M
#                 code a Cortex-M33 such as the RP2350's also runs, on the same emulated board)
# Targets:
#   $(MCU_ELF)    the linked program
#   mcu-size      arm-none-eabi-size's text, data and bss of it
#   mcu-check     runs it; fails with its exit code (124 if it timed out), then prints the program's output and one
#                 JSON line {"target":"MCU_CPU","text":B,"data":B,"bss":B,"instructions":X}, X from the
#                 program's "instructions: X" line (null without one), followed by the fields of its
#                 "json: FIELDS" lines, if any (FIELDS: comma-separated "name":value pairs)
# The instruction count comes from SysTick under -icount shift=0 (see qemu-mps2/mps2_board.c and docs/mcu.md).

APLYSIA_BOARD_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

MCU_BUILD ?= build/mcu
MCU_TIMEOUT ?= 120
MCU_CPU ?= cortex-m0plus
MCU_CC ?= arm-none-eabi-gcc
MCU_SIZE ?= arm-none-eabi-size
MCU_QEMU ?= qemu-system-arm

MCU_ELF := $(MCU_BUILD)/app.elf
MCU_PORT_SOURCES := $(wildcard $(APLYSIA_BOARD_DIR)/common/*.c $(APLYSIA_BOARD_DIR)/qemu-mps2/*.c)
MCU_LINKER_SCRIPT := $(APLYSIA_BOARD_DIR)/qemu-mps2/mps2.ld
MCU_PORT_HEADERS := $(wildcard $(APLYSIA_BOARD_DIR)/*.h $(APLYSIA_BOARD_DIR)/common/*.h)

MCU_CFLAGS := -std=c99 -mcpu=$(MCU_CPU) -mthumb -Os -Wall -Wextra -Werror -ffunction-sections -fdata-sections
MCU_PORT_CPPFLAGS := -I$(APLYSIA_BOARD_DIR) -I$(APLYSIA_BOARD_DIR)/common -DAPLYSIA_INSTRUCTION_COUNTER
# newlib-nano with semihosting (rdimon); our own vector table and reset handler instead of crt0.
MCU_LDFLAGS := --specs=nano.specs --specs=rdimon.specs -nostartfiles -T $(MCU_LINKER_SCRIPT) -Wl,--gc-sections
MCU_QEMU_FLAGS := -M mps2-an385 -nographic -semihosting-config enable=on,target=native -icount shift=0

$(MCU_ELF): $(MCU_SOURCES) $(MCU_PORT_SOURCES) $(MCU_PORT_HEADERS) $(MCU_LINKER_SCRIPT) $(MCU_DEPENDS)
	@mkdir -p $(MCU_BUILD)
	$(MCU_CC) $(MCU_CFLAGS) $(MCU_PORT_CPPFLAGS) $(MCU_CPPFLAGS) $(MCU_SOURCES) $(MCU_PORT_SOURCES) \
		$(MCU_LDFLAGS) -o $@

.PHONY: mcu-size mcu-check

mcu-size: $(MCU_ELF)
	$(MCU_SIZE) $(MCU_ELF)

mcu-check: $(MCU_ELF)
	@cd $(MCU_BUILD) && timeout --foreground -k 5 $(MCU_TIMEOUT) $(MCU_QEMU) $(MCU_QEMU_FLAGS) -kernel $(notdir $(MCU_ELF)) \
		> run.log 2>&1; status=$$?; cat run.log; \
	if [ $$status -ne 0 ]; then echo "mcu-check: the program exited with $$status" >&2; exit $$status; fi
	@set -- $$($(MCU_SIZE) $(MCU_ELF) | awk 'NR == 2 { print $$1, $$2, $$3 }'); \
	instructions=$$(sed -n 's/^instructions: //p' $(MCU_BUILD)/run.log); \
	fields=$$(sed -n 's/^json: /,/p' $(MCU_BUILD)/run.log | tr -d '\n'); \
	printf '{"target":"$(MCU_CPU)","text":%s,"data":%s,"bss":%s,"instructions":%s%s}\n' \
		"$$1" "$$2" "$$3" "$${instructions:-null}" "$$fields"
