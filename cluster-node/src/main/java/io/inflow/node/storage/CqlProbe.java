package io.inflow.node.storage;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Proves that a Cassandra answers real CQL, not just that its port accepts connections: speaks the
 * native protocol v4 directly (STARTUP, then {@code SELECT release_version FROM system.local}) so that
 * the launcher needs neither the Java driver nor its configuration, logging and start-up cost.
 */
final class CqlProbe {

  private static final byte REQUEST_V4 = 0x04;
  private static final byte RESPONSE_V4 = (byte) 0x84;
  private static final byte OP_ERROR = 0x00;
  private static final byte OP_STARTUP = 0x01;
  private static final byte OP_READY = 0x02;
  private static final byte OP_QUERY = 0x07;
  private static final byte OP_RESULT = 0x08;
  private static final int FLAG_TRACING = 0x02;
  private static final int FLAG_WARNING = 0x08;
  private static final int RESULT_KIND_ROWS = 0x0002;
  private static final int METADATA_HAS_MORE_PAGES = 0x0002;
  private static final int METADATA_NO_METADATA = 0x0004;
  private static final int TYPE_ASCII = 0x0001;
  private static final int TYPE_VARCHAR = 0x000D;
  private static final short CONSISTENCY_ONE = 0x0001;
  private static final int MAX_FRAME_BYTES = 1 << 20;

  private CqlProbe() {}

  /** Returns Cassandra's release version, or throws if the server does not answer CQL correctly. */
  static String releaseVersion(InetSocketAddress address, int timeoutMillis) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));

      writeFrame(out, 0, OP_STARTUP, startupBody());
      ByteBuffer ready = readFrame(in, OP_READY);
      if (ready.hasRemaining()) {
        throw new IOException("unexpected body in READY");
      }
      writeFrame(out, 1, OP_QUERY, queryBody("SELECT release_version FROM system.local"));
      return singleTextValue(readFrame(in, OP_RESULT));
    } catch (BufferUnderflowException e) {
      throw new IOException("truncated CQL response", e);
    }
  }

  private static byte[] startupBody() throws IOException {
    var body = new ByteArrayOutputStream();
    var data = new DataOutputStream(body);
    data.writeShort(1);
    writeString(data, "CQL_VERSION");
    writeString(data, "3.0.0");
    return body.toByteArray();
  }

  private static byte[] queryBody(String cql) throws IOException {
    var body = new ByteArrayOutputStream();
    var data = new DataOutputStream(body);
    byte[] query = cql.getBytes(StandardCharsets.UTF_8);
    data.writeInt(query.length);
    data.write(query);
    data.writeShort(CONSISTENCY_ONE);
    data.writeByte(0); // no query flags: no values, default page size
    return body.toByteArray();
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeShort(bytes.length);
    out.write(bytes);
  }

  private static void writeFrame(DataOutputStream out, int stream, byte opcode, byte[] body)
      throws IOException {
    out.writeByte(REQUEST_V4);
    out.writeByte(0);
    out.writeShort(stream);
    out.writeByte(opcode);
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  /** Reads one response frame and returns its body after tracing id and warnings. */
  private static ByteBuffer readFrame(DataInputStream in, byte expectedOpcode) throws IOException {
    byte version = in.readByte();
    int flags = in.readUnsignedByte();
    in.readShort(); // stream id: one request in flight at a time
    byte opcode = in.readByte();
    int length = in.readInt();
    if (version != RESPONSE_V4) {
      throw new IOException("not a CQL v4 response (version byte " + version + ")");
    }
    if (length < 0 || length > MAX_FRAME_BYTES) {
      throw new IOException("implausible CQL frame length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    ByteBuffer body = ByteBuffer.wrap(bytes);
    if ((flags & ~(FLAG_TRACING | FLAG_WARNING)) != 0) {
      throw new IOException("unexpected CQL frame flags " + flags);
    }
    if ((flags & FLAG_TRACING) != 0) {
      body.position(body.position() + 16);
    }
    if ((flags & FLAG_WARNING) != 0) {
      int warnings = Short.toUnsignedInt(body.getShort());
      for (int i = 0; i < warnings; i++) {
        readString(body);
      }
    }
    if (opcode == OP_ERROR) {
      int code = body.getInt();
      throw new IOException(String.format("CQL error 0x%04x: %s", code, readString(body)));
    }
    if (opcode != expectedOpcode) {
      throw new IOException("expected CQL opcode " + expectedOpcode + " but got " + opcode);
    }
    return body;
  }

  private static String singleTextValue(ByteBuffer result) throws IOException {
    int kind = result.getInt();
    if (kind != RESULT_KIND_ROWS) {
      throw new IOException("expected rows, got result kind " + kind);
    }
    int flags = result.getInt();
    int columns = result.getInt();
    if (columns != 1) {
      throw new IOException("expected one column, got " + columns);
    }
    if ((flags & METADATA_HAS_MORE_PAGES) != 0) {
      readBytes(result);
    }
    if ((flags & METADATA_NO_METADATA) == 0) {
      // Keyspace and table come once (global table spec) or before each column; with a single
      // column both layouts are the same two strings.
      readString(result);
      readString(result);
      readString(result); // column name
      int type = Short.toUnsignedInt(result.getShort());
      if (type != TYPE_VARCHAR && type != TYPE_ASCII) {
        throw new IOException("expected a text column, got type " + type);
      }
    }
    int rows = result.getInt();
    if (rows < 1) {
      throw new IOException("system.local returned no row");
    }
    byte[] value = readBytes(result);
    if (value == null) {
      throw new IOException("system.local has no release_version");
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  private static String readString(ByteBuffer buffer) {
    int length = Short.toUnsignedInt(buffer.getShort());
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }
}
