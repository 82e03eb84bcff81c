package dev.groundup.launcher;

import dev.groundup.Config;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renewals without a restart: once a second the certificate's files are read, and when their
 * content has changed the new certificate is loaded for new connections (open ones keep theirs).
 * Content, not modification times: an ACME client that swaps a symlink, or writes within the same
 * second, is still noticed. A pair caught half-written (the new certificate, the old key) is
 * logged and kept off; the next change of either file is tried again.
 */
final class CertificateReload extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateReload.class);
    private static final long INTERVAL_MILLIS = 1000;

    private final Config.Tls tls;
    private final SslContextFactory.Server factory;
    private final Scheduler scheduler;
    private volatile KeyMaterial.Snapshot current;
    private volatile Scheduler.Task next;

    /** @param current the files' content the factory was built from */
    CertificateReload(Config.Tls tls, SslContextFactory.Server factory, Scheduler scheduler, KeyMaterial.Snapshot current) {
        this.tls = tls;
        this.factory = factory;
        this.scheduler = scheduler;
        this.current = current;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = scheduler.schedule(this::check, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void check() {
        try {
            KeyMaterial.Snapshot files = KeyMaterial.read(tls);
            if (files.sameAs(current)) {
                return;
            }
            current = files; // tried once per change: a broken pair is reported once, not every second
            KeyMaterial.Loaded loaded = KeyMaterial.load(tls, files);
            factory.reload(f -> Https.use(f, loaded));
            LOG.info("certificate reloaded: {}", loaded.describe());
        } catch (KeyMaterial.Unusable e) {
            LOG.warn("the certificate's files changed but cannot be used, still serving the previous certificate: {}",
                    e.getMessage());
        } catch (Exception e) {
            LOG.warn("reloading the certificate failed, still serving the previous one", e);
        } finally {
            schedule();
        }
    }
}
