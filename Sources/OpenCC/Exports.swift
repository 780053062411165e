// The UTF-8 error and validators that the byte-level conversion APIs throw and use live in
// the shared core; `import OpenCC` keeps them in reach, as before.
@_exported import HanziCore
