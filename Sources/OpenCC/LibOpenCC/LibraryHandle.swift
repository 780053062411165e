import COpenCC
import HanziCore

/// An open libopencc converter (`opencc_t`).
///
/// Opening and the process-wide error message are guarded by ``lock``.
struct LibraryHandle: @unchecked Sendable {
    // @unchecked Sendable: conversion only reads the converter; open and the error message hold `lock`.
    let raw: opencc_t

    /// Guards `opencc_open` and `opencc_error`: libopencc keeps its last error message in
    /// one global string.
    private static let lock = Locked()

    /// Opens `configuration`, turning libopencc's `(opencc_t)-1` into an ``OpenCCError``.
    static func open(_ configuration: ChineseConverter.Configuration) throws(OpenCCError) -> LibraryHandle {
        try lock.withLock { () throws(OpenCCError) -> LibraryHandle in
            let raw = opencc_open(configuration.configFileName)
            guard let raw, raw != UnsafeMutableRawPointer(bitPattern: -1) else {
                let message = opencc_error().map { String(cString: $0) } ?? ""
                throw OpenCCError(configuration: configuration, message: message)
            }
            return LibraryHandle(raw: raw)
        }
    }

    /// libopencc's last error message.
    static func lastErrorMessage() -> String {
        lock.withLock { opencc_error().map { String(cString: $0) } ?? "" }
    }

    func close() {
        _ = opencc_close(raw)
    }
}
