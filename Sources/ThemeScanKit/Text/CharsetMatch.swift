/// One answer of ICU's charset detector: a charset name and how sure the detector is of it.
struct CharsetMatch: Sendable, Hashable {
    /// The name as ICU's detector spells it (`GB18030`, `Big5`, `UTF-16LE`, `windows-1252` …).
    var name: String
    /// 0 to 100. ICU does not calibrate these across charsets; they only rank the answers for one input.
    var confidence: Int
}
