// libFuzzer target: YAML codebooks, loaded and checked as `analyze` loads them, then compiled into the matcher
// when valid. Built and run by Tests/fuzz.sh.
@testable import ThemeScanKit

private let classifier = CharacterClassifier()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCodebook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // `load(path:)` refuses text that is not UTF-8 before parsing; the parser sees only valid UTF-8.
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    guard let (codebook, _) = try? CodebookLoader(classifier: classifier).loadYAML(text, path: "fuzz.yaml") else {
        return 0
    }
    _ = try? Matcher(codebook: codebook, normalization: NormalizationOptions(), classifier: classifier)
    return 0
}
