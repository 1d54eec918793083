package film.slate.engine.comfyui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The front door of the fake ComfyUI: on its port, {@code GET /ws?clientId=} becomes a websocket
 * (RFC 6455: the handshake, unmasked text frames out, masked frames in, ping and close), and every
 * other connection is passed through to the fake's HTTP server, as ComfyUI's aiohttp serves both.
 */
final class WebSocketFront implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket listener;
    private final int backendPort;
    private final Consumer<String> onOpen;
    private final java.util.function.BooleanSupplier refuse;
    private final Map<String, OutputStream> sockets = new ConcurrentHashMap<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /** Listens on {@code port} (0: any) and passes HTTP through to {@code backendPort}; {@code onOpen} gets each clientId. */
    WebSocketFront(int port, int backendPort, Consumer<String> onOpen, java.util.function.BooleanSupplier refuse)
            throws IOException {
        this.refuse = refuse;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.backendPort = backendPort;
        this.onOpen = onOpen;
        daemon(this::accept, "fake-comfy-front");
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Sends a text message to the socket of {@code clientId}, if it has one open. */
    void send(String clientId, String text) {
        OutputStream out = sockets.get(clientId);
        if (out == null) {
            return;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        if (b.length < 126) {
            f.write(b.length);
        } else if (b.length < 65536) {
            f.write(126);
            f.write(b.length >> 8);
            f.write(b.length & 0xff);
        } else {
            f.write(127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) b.length >> (8 * i)) & 0xff);
            }
        }
        f.writeBytes(b);
        synchronized (out) {
            try {
                out.write(f.toByteArray());
                out.flush();
            } catch (IOException e) {
                sockets.remove(clientId, out);
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                daemon(() -> serve(s), "fake-comfy-conn");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = head(in);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String first = text.substring(0, Math.max(0, text.indexOf("\r\n")));
            if (first.startsWith("GET /ws") && refuse.getAsBoolean()) {
                client.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
            } else if (first.startsWith("GET /ws") && text.toLowerCase(Locale.ROOT).contains("upgrade: websocket")) {
                websocket(client, text, first);
            } else {
                passThrough(client, head);
            }
        } catch (IOException e) {
            // the client or the fake went away
        } finally {
            open.remove(client);
        }
    }

    private static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                break;
            }
        }
        return b.toByteArray();
    }

    private void websocket(Socket client, String head, String first) throws IOException {
        String key = header(head, "sec-websocket-key");
        String query = first.substring(first.indexOf('?') + 1).split(" ")[0];
        String clientId = "";
        for (String kv : query.split("&")) {
            if (kv.startsWith("clientId=")) {
                clientId = kv.substring(9);
            }
        }
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        sockets.put(clientId, out);
        onOpen.accept(clientId);
        InputStream in = client.getInputStream();
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                break;
            }
            long len = b1 & 0x7f;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | in.read();
                }
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
            byte[] payload = in.readNBytes((int) len);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            int op = b0 & 0x0f;
            if (op == 0x8) { // close: answer it and end
                synchronized (out) {
                    out.write(new byte[] {(byte) 0x88, 0});
                    out.flush();
                }
                break;
            }
            if (op == 0x9) { // ping
                synchronized (out) {
                    out.write(new byte[] {(byte) 0x8A, (byte) payload.length});
                    out.write(payload);
                    out.flush();
                }
            }
        }
        sockets.remove(clientId, out);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }

    private static String accept(String key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void passThrough(Socket client, byte[] head) throws IOException {
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            open.add(backend);
            backend.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            backend.getOutputStream().write(head);
            Thread up = daemon(() -> pipe(client, backend), "fake-comfy-up");
            pipe(backend, client);
            try {
                up.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Stops listening and closes every connection: clients see a server that went away. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closed
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closed
            }
        }
        sockets.clear();
    }
}
