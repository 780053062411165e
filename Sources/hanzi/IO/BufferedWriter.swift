import HanziCore

/// Writes to a file descriptor through a large buffer.
struct BufferedWriter {
    let fd: Int32
    let path: String
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// The default size of the buffer: 1 MiB.
    static let defaultCapacity = 1 << 20
    /// Arrays of at least this many bytes are written directly, not through the buffer.
    static let directWriteSize = 64 << 10

    init(fd: Int32, path: String, capacity: Int = BufferedWriter.defaultCapacity) {
        self.fd = fd
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    /// Buffers `bytes`, writing when the buffer is full; large arrays are written directly.
    mutating func write(_ bytes: [UInt8]) throws {
        // A large array (a chunk's output) is written as it is: copying it into the buffer
        // would cost more than the system call it saves.
        if bytes.count < BufferedWriter.directWriteSize, buffer.count + bytes.count <= capacity {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count >= min(capacity, BufferedWriter.directWriteSize) {
            try bytes.withUnsafeBytes { try BufferedWriter.writeAll(fd, $0, path: path) }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out whatever is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try BufferedWriter.writeAll(fd, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        do {
            try SystemIO.writeAll(bytes, to: fd)
        } catch {
            throw FileError(path: path, operation: "cannot write", error)
        }
    }
}
