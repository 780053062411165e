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
}
