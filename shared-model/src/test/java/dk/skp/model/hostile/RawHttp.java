package dk.skp.model.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over a socket: it sends exactly the bytes it is given (request targets that are no URI,
 * header values with control characters or Latin-1 bytes, bodies that lie about their type), which no ordinary
 * client library lets through. One connection per request ({@code Connection: close}), read to the end.
 */
public final class RawHttp {

    /**
     * The address requests come from: an ordinary client on the internet, not the TLS proxy the services trust on
     * 127.0.0.1 (whose X-Forwarded-For they believe; what a proxy sends is not the clients' to choose).
     */
    public static final String CLIENT = "127.0.0.2";

    private RawHttp() {
    }

    /** One request: the target is sent as raw bytes (ISO-8859-1 of the string, so any byte can be written). */
    public record Request(String method, String target, List<String[]> headers, byte[] body) {

        public Request {
            headers = new ArrayList<>(headers);
        }

        public Request header(String name, String value) {
            headers.add(new String[] { name, value });
            return this;
        }

        /** One line for a failure report: method, target and headers, shortened; credentials left out. */
        public String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(abbreviate(target)).append(" [");
            for (String[] header : headers) {
                boolean credential = header[0].equalsIgnoreCase("Authorization")
                        && (header[1].startsWith("Bearer skp_") || header[1].length() >= 200);
                if (!credential) {
                    text.append(header[0]).append(": ").append(abbreviate(header[1])).append("; ");
                }
            }
            return text.append(']').toString();
        }
    }

    /** On one line (control characters as {@code ?}) and at most 200 characters, for a failure report. */
    public static String abbreviate(String text) {
        String oneLine = text.replaceAll("[\\x00-\\x1F]", "?");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...(" + oneLine.length() + ")";
    }

    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String contentType() {
            String type = headers.get("content-type");
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public static Answer send(int port, Request request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(CLIENT, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write((request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(("Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (String[] header : request.headers()) {
                out.write((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            byte[] body = request.body();
            if (body != null) {
                out.write(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            OutputStream socketOut = socket.getOutputStream();
            try {
                socketOut.write(out.toByteArray());
                socketOut.flush();
            } catch (IOException refusedEarly) {
                // The server may answer and close before it has read an oversized request; read what it said.
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (java.net.SocketException reset) {
            all = new byte[0];
        }
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no HTTP answer (" + all.length + " bytes)");
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
