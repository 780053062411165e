#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to a file that cannot be replaced (a device, a pipe).
final class DirectFileWriter {
    private var writer: BufferedWriter
    private var closed = false

    init(fd: Int32, path: String) {
        writer = BufferedWriter(fd: fd, path: path)
    }

    func write(_ bytes: [UInt8]) throws {
        try writer.write(bytes)
    }

    func close() throws {
        try writer.flush()
        closeDescriptor()
    }

    deinit {
        closeDescriptor()
    }

    private func closeDescriptor() {
        guard !closed else { return }
        closed = true
        #if canImport(Glibc)
        _ = Glibc.close(writer.fd)
        #else
        _ = Darwin.close(writer.fd)
        #endif
    }
}
