package dev.aplysia.device;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that needs a Debian package (gcc, the ARM toolchain, QEMU) skips without it on a developer's machine, but
 * fails under {@code CI=true}, where {@code .ci/run} must have installed it.
 */
public final class RequiredPackage {

    private RequiredPackage() {
    }

    /** Skips (or, under CI, fails) with {@code reason} unless {@code present}. */
    public static void require(boolean present, String reason) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(reason + " (CI=true: .ci/run must install it)");
        }
        assumeTrue(present, reason);
    }
}
