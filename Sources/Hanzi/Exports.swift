// The `Hanzi` module is the one import for the whole toolkit: script conversion (`OpenCC`)
// and the pure-Swift text engines (`HanziText`).
@_exported import HanziText
@_exported import OpenCC
