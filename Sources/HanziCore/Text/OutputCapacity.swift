/// How much room to reserve for the output of a stage or a conversion: cleaning and
/// conversion rarely make a text more than an eighth longer, so one reservation is nearly
/// always enough and rarely much too large.
package enum OutputCapacity {
    /// The capacity to reserve for the output made from `count` input bytes.
    @inlinable
    package static func expected(forInput count: Int) -> Int {
        count &+ count / 8 &+ 16
    }
}
