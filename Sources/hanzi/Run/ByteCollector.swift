/// Bytes gathered for check mode: an input as read, or its output.
final class ByteCollector {
    var bytes: [UInt8] = []
}
