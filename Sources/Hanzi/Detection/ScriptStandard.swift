/// A written standard of Chinese that text can be converted from or to.
public enum ScriptStandard: String, Sendable, Hashable, CaseIterable {
    /// Simplified Chinese (mainland China, Singapore).
    case simplified
    /// Traditional Chinese as OpenCC standardises it (neither Taiwan's nor Hong Kong's variant forms).
    case traditional
    /// Traditional Chinese, Taiwan standard forms.
    case taiwan
    /// Traditional Chinese, Hong Kong standard forms.
    case hongKong = "hongkong"
    /// Japanese shinjitai (as a source only: OpenCC converts it through Traditional).
    case japanese

    /// The OpenCC configurations, applied in order, that convert text written in `source` to
    /// `self`; empty when they are the same standard.
    ///
    /// One configuration where OpenCC has one (`t2s`, `hk2s`, `tw2s`, `s2tw`, `s2hk`,
    /// `t2tw`, ...), else two through Traditional (Hong Kong to Taiwan is `hk2t` then `t2tw`).
    /// Simplified to Taiwan is `s2tw`, characters only: `s2twp` would also replace mainland
    /// vocabulary with Taiwanese phrases (鼠标 → 滑鼠), which is translation rather than a change
    /// of script; ask for it with `--config s2twp`.
    public func conversions(from source: ScriptStandard) -> [ChineseConverter.Configuration] {
        switch (source, self) {
        case (.simplified, .simplified), (.traditional, .traditional), (.taiwan, .taiwan),
             (.hongKong, .hongKong), (.japanese, .japanese):
            return []
        case (.simplified, .traditional): return [.s2t]
        case (.simplified, .taiwan): return [.s2tw]
        case (.simplified, .hongKong): return [.s2hk]
        case (.simplified, .japanese): return [.s2t, .t2jp]
        case (.traditional, .simplified): return [.t2s]
        case (.traditional, .taiwan): return [.t2tw]
        case (.traditional, .hongKong): return [.t2hk]
        case (.traditional, .japanese): return [.t2jp]
        case (.taiwan, .simplified): return [.tw2s]
        case (.taiwan, .traditional): return [.tw2t]
        case (.taiwan, .hongKong): return [.tw2t, .t2hk]
        case (.taiwan, .japanese): return [.tw2t, .t2jp]
        case (.hongKong, .simplified): return [.hk2s]
        case (.hongKong, .traditional): return [.hk2t]
        case (.hongKong, .taiwan): return [.hk2t, .t2tw]
        case (.hongKong, .japanese): return [.hk2t, .t2jp]
        case (.japanese, .simplified): return [.jp2t, .t2s]
        case (.japanese, .traditional): return [.jp2t]
        case (.japanese, .taiwan): return [.jp2t, .t2tw]
        case (.japanese, .hongKong): return [.jp2t, .t2hk]
        }
    }

    /// The standard a detection points to, for converting to `target`.
    ///
    /// Traditional text with Hong Kong or Taiwan forms is taken as that region's standard.
    /// Mixed text, or text without distinguishing characters, is taken as the script opposite
    /// to the target (converting it changes what needs changing and keeps the rest): as
    /// Traditional when the target is Simplified, as Simplified otherwise.
    public static func source(detected detection: ScriptDetection, target: ScriptStandard) -> ScriptStandard {
        switch detection.script {
        case .simplified: return .simplified
        case .traditional:
            switch detection.variant {
            case .hongKong: return .hongKong
            case .taiwan: return .taiwan
            case .mainland, nil: return .traditional
            }
        case .mixed, .neither:
            return target == .simplified ? .traditional : .simplified
        }
    }
}
