import COpenCC

/// Converts Chinese text between scripts and regional variants with libopencc.
///
/// The wrapper is under construction; see the Configuration type for the configurations.
public final class ChineseConverter: Sendable {
}
