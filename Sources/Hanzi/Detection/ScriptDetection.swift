#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The script of a text, as ``ScriptDetector`` sees it.
public struct ScriptDetection: Sendable, Hashable, CustomStringConvertible {
    /// The script.
    public enum Script: String, Sendable, Hashable, CaseIterable {
        /// Simplified Chinese.
        case simplified
        /// Traditional Chinese.
        case traditional
        /// A real share of both Simplified-only and Traditional-only characters.
        case mixed
        /// No Han characters, or none that tells the scripts apart.
        case neither
    }

    /// The regional standard the characters show.
    public enum Variant: String, Sendable, Hashable {
        /// Hong Kong forms (as in OpenCC's HK variant table).
        case hongKong = "hongkong"
        /// Taiwan forms (as in OpenCC's TW variant table).
        case taiwan
        /// Simplified characters: the mainland standard.
        case mainland
    }

    /// The script.
    public var script: Script
    /// The regional standard: ``Variant/mainland`` for a Simplified text; for a Traditional
    /// text with regional forms, which region's; otherwise `nil`.
    public var variant: Variant?
    /// How sure the detection is, from 0 to 1: the share of the distinguishing characters that
    /// agree with it, discounted when there are only a few of them.
    public var confidence: Double
    /// The counts it was made from.
    public var counts: ScriptDetector.Counts

    /// The share of distinguishing characters below which the other script is tolerated
    /// (names, quotations, characters OpenCC maps both ways).
    public static let mixedThreshold = 0.1

    /// How many characters of evidence make a call about 63 % sure (`1 - e^(-n/scale)`): a few
    /// characters make a weak call.
    static let confidenceScale = 8.0

    /// The regional forms one region needs at the least, and how many times the other
    /// region's, before the region is named (``ScriptDetector``).
    static let regionalMinimum = 3
    static let regionalMajority = 3

    /// The detection that `counts` give.
    public init(counts: ScriptDetector.Counts) {
        self.counts = counts
        let t = Double(counts.traditionalOnly)
        let s = Double(counts.simplifiedOnly)
        let evidence = t + s
        // Few distinguishing characters make for a weak call.
        let weight = 1 - exp(-evidence / ScriptDetection.confidenceScale)
        if counts.han == 0 {
            script = .neither
            confidence = 1
        } else if evidence == 0 {
            script = .neither
            confidence = 1 - exp(-Double(counts.han) / ScriptDetection.confidenceScale)
        } else if s <= evidence * ScriptDetection.mixedThreshold {
            script = .traditional
            confidence = (t / evidence) * weight
        } else if t <= evidence * ScriptDetection.mixedThreshold {
            script = .simplified
            confidence = (s / evidence) * weight
        } else {
            script = .mixed
            confidence = (1 - abs(t - s) / evidence) * weight
        }
        let hk = counts.hongKongForms, tw = counts.taiwanForms
        let minimum = ScriptDetection.regionalMinimum, majority = ScriptDetection.regionalMajority
        if script == .traditional, hk >= minimum, hk >= majority * tw {
            variant = .hongKong
        } else if script == .traditional, tw >= minimum, tw >= majority * hk {
            variant = .taiwan
        } else if script == .simplified {
            variant = .mainland
        } else {
            variant = nil
        }
    }

    /// `Simplified`, `Traditional (Hong Kong)`, `mixed`, `neither`.
    public var label: String {
        switch script {
        case .simplified: "Simplified"
        case .traditional:
            switch variant {
            case .hongKong: "Traditional (Hong Kong)"
            case .taiwan: "Traditional (Taiwan)"
            case .mainland, nil: "Traditional"
            }
        case .mixed: "mixed"
        case .neither: "neither"
        }
    }

    public var description: String { "\(label) \(String(format2: confidence))" }
}

extension String {
    /// `0.97`: a number with two decimals, without Foundation.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        self = "\(whole)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
