package io.inflow.protocol;

/**
 * Marker for every type that travels between nodes or into the journal. The node binds it to
 * Pekko's {@code jackson-cbor} serializer in {@code serialization.conf}; types carrying it must be
 * plain Jackson-serialisable records (compiled with {@code -parameters}).
 */
public interface JournalSerializable {}
