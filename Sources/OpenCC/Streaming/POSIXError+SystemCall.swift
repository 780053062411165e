#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HanziCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension POSIXError {
    /// The error the library's file calls throw for a failed system call (`EIO` for a code
    /// the platform's `POSIXErrorCode` does not name).
    package init(_ error: SystemCallError) {
        self.init(POSIXErrorCode(rawValue: error.code) ?? .EIO)
    }

    /// Runs `body`, throwing a failed system call in it as a `POSIXError` and anything else as
    /// it is: what the library's file calls throw.
    package static func forSystemCalls<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as SystemCallError {
            throw POSIXError(error)
        }
    }
}
