package dev.aplysia.device.telemetry.mqtt;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The threads Paho's loops run on (receive, send, callback, keep-alive pings), handed to {@code MqttAsyncClient} so
 * that a loop dying of an exception does not go unseen. Paho 1.2.5's receive loop catches only {@code MqttException}
 * and {@code IOException}: anything else (an {@code IllegalArgumentException} from its UTF-8 check of a topic, an
 * {@code OutOfMemoryError} for a huge payload) ends the loop silently while the client still says it is connected,
 * and the client stops hearing anything until the keep-alive gives up, a minute or more later.
 *
 * <p>Paho submits each loop as a task and names the thread after it ({@code MQTT Rec: <client id>}); when a task ends
 * with a throwable, {@code onDeath} receives the loop's name and the throwable, on the dead loop's thread.
 */
final class PahoThreads extends ScheduledThreadPoolExecutor {

    /** Loops of a client and the ones of a client being replaced, with room to spare; threads are made on demand. */
    private static final int THREADS = 12;
    private static final long IDLE_SECONDS = 30;

    private final String name;
    private final BiConsumer<String, Throwable> onDeath;

    /**
     * Daemon threads called {@code aplysia-mqtt-<clientId>} between tasks.
     *
     * @param onDeath told the loop's thread name and what ended it; must not throw
     */
    PahoThreads(String clientId, BiConsumer<String, Throwable> onDeath) {
        super(THREADS, daemon("aplysia-mqtt-" + clientId));
        this.name = "aplysia-mqtt-" + clientId;
        this.onDeath = onDeath;
        setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        allowCoreThreadTimeOut(true);
        setRemoveOnCancelPolicy(true);
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        Thread current = Thread.currentThread();
        String loop = current.getName();
        current.setName(name);
        Throwable failure = thrown != null ? thrown : failureOf(task);
        if (failure != null) {
            onDeath.accept(loop, failure);
        }
    }

    /** What a finished one-shot task threw, or null (still periodic, cancelled, or ended normally). */
    private static Throwable failureOf(Runnable task) {
        if (!(task instanceof Future<?> future) || !future.isDone()) {
            return null;
        }
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
