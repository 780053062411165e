import Hanzi

/// What `hanzi --version` prints: hanzi's version (declared once, in `HanziVersion`), then the
/// version of each conversion engine's data, so that a bug report says which OpenCC it ran.
enum VersionText {
    static var text: String {
        var lines = ["hanzi \(HanziVersion.current)"]
        lines.append("OpenCC data \(BundledOpenCCData.version) (bundled, the default)")
        lines.append("libopencc \(LibOpenCCVersion.loaded ?? "(version not known: its file name carries none)") (system)")
        return lines.joined(separator: "\n")
    }
}
