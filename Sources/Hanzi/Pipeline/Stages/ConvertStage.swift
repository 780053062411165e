/// Script conversion as a pipeline stage, through any ``ScriptConverter`` (libopencc's
/// `ChineseConverter` today); local to lines, since no conversion spans a line break.
struct ConvertStage: LocalTextStage {
    let converter: any ScriptConverter

    var locality: StageLocality { .line }

    func apply(to text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws {
        try converter.appendConversion(ofValid: text, to: &output)
    }
}
