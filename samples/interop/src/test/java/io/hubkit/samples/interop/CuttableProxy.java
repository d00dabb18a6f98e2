package io.hubkit.samples.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a free loopback port in front of a local server, which can cut every connection
 * it carries abruptly — both sockets reset, no WebSocket close frame, no FIN — as a network failure
 * would. Counts the connections it accepted and the bytes it forwarded from the server. Each
 * connection uses two daemon threads. For tests only.
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket[]> pairs = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong fromServer = new AtomicLong();

    CuttableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many client connections the proxy has accepted. */
    int acceptedConnections() {
        return accepted.get();
    }

    /** How many bytes went from the server to clients. */
    long bytesFromServer() {
        return fromServer.get();
    }

    /** Resets every open connection on both sides at once. */
    void cutAll() {
        for (Socket[] pair : pairs) {
            for (Socket socket : pair) {
                try {
                    socket.setSoLinger(true, 0);
                    socket.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
        pairs.clear();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                accepted.incrementAndGet();
                pairs.add(new Socket[] {client, server});
                pump(client, server, null);
                pump(server, client, fromServer);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    continue;
                }
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                    if (counter != null) {
                        counter.addAndGet(read);
                    }
                }
            } catch (IOException ignored) {
                // cut or closed
            } finally {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
