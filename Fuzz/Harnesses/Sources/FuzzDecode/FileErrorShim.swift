/// The error ``IconvDecoder`` throws when iconv does not know an encoding. The decoder's source
/// is the command's own file, linked here (the command is an executable target, which another
/// package cannot import); the command's `FileError` needs the core's package-only system call
/// error, so this harness gives the decoder a type with the same initialiser.
struct FileError: Error {
    var path: String
    var operation: String
    var code: Int32
}
